/**
 * Every message of the protocol has exactly one handler: at compile time (ExactlyOneHandler,
 * checked by `npm run typecheck` — the @ts-expect-error lines below fail it when the check stops
 * catching a missing or doubled handler) and at run time (the assembled table).
 */
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CORE_CAPABILITIES, createService, handlerTable } from '@/utils/background/service';
import type { Capability, ExactlyOneHandler } from '@/utils/background/capability';
import type { BackgroundMessage } from '@/utils/messaging/protocol';
import { settingsCapability } from '@/utils/background/settings';
import { calendarCapability } from '@/utils/background/calendar';
import { backupCapability } from '@/utils/background/backup';
import { tabsCapability } from '@/utils/background/tabs';
import { templatesCapability } from '@/utils/background/templates';
import { accountsCapability } from '@/utils/background/accounts';
import { remindersCapability } from '@/utils/background/reminders';
import { jurnalCapability } from '@/utils/background/jurnal';
import { syncCapability } from '@/utils/background/sync';
import { runCapability } from '@/utils/background/run';

/** Every message the background answers; the compiler insists on each, and on no other. */
const ALL: Record<BackgroundMessage, true> = {
  getSettings: true, saveSettings: true,
  getStatus: true, setReport: true, recordSiteReading: true, recordObserved: true, getCalendarData: true, addDayOff: true, removeDayOff: true,
  exportBackup: true, importBackup: true,
  openDailyProgress: true, findEkinerjaTab: true,
  listTemplates: true, templateChoices: true, templateForFill: true, saveTemplate: true, rememberRencanaAksi: true, saveFormAsTemplate: true, rememberSiteRencanaAksi: true, siteRencanaAksi: true, deleteTemplate: true, duplicateTemplate: true,
  moveTemplate: true, setDefaultTemplate: true, importTemplatesCsv: true, exportTemplatesCsv: true,
  listAccounts: true, addAccounts: true, removeAccount: true, updateAccount: true, moveAccount: true, getCodesSnapshot: true,
  mfaPopupOpened: true, unlockVault: true, lockVault: true, setVaultPassphrase: true, setAutoLock: true, ssoCode: true,
  saveActivationAccount: true, exportBackupWithPassphrase: true,
  getNextReminder: true, snoozeReminders: true, muteToday: true, unmuteToday: true,
  getRekapData: true,
  getSyncStatus: true, setSyncEnabled: true,
  startRun: true, runTask: true, runAction: true, fillDays: true,
};

describe('exactly one handler per message', () => {
  it('compiles only when every message has one handler', () => {
    const complete: ExactlyOneHandler<[typeof settingsCapability, typeof calendarCapability, typeof backupCapability, typeof tabsCapability, typeof templatesCapability, typeof accountsCapability, typeof remindersCapability, typeof jurnalCapability, typeof syncCapability, typeof runCapability]> = true;
    // @ts-expect-error the reminders' messages have no handler
    const missing: ExactlyOneHandler<[typeof settingsCapability, typeof calendarCapability, typeof backupCapability, typeof tabsCapability, typeof templatesCapability, typeof accountsCapability]> = true;
    const _another = (): Capability<'getSettings'> => ({ handlers: { getSettings: async () => { throw new Error('unused'); } } });
    // @ts-expect-error getSettings has two handlers
    const doubled: ExactlyOneHandler<[typeof settingsCapability, typeof calendarCapability, typeof backupCapability, typeof tabsCapability, typeof templatesCapability, typeof accountsCapability, typeof remindersCapability, typeof jurnalCapability, typeof runCapability, typeof _another]> = true;
    expect([complete, missing, doubled]).toEqual([true, true, true]);
  });

  it('assembles a handler for every message of the protocol, and for nothing else', () => {
    expect([...CORE_CAPABILITIES, ...CAPABILITIES]).toHaveLength(10);
    const service = createService(async () => { throw new Error('no database needed'); });
    expect(Object.keys(service.handlers).sort()).toEqual(Object.keys(ALL).sort());
    for (const handler of Object.values(service.handlers)) expect(typeof handler).toBe('function');
  });

  it('refuses to assemble two capabilities answering the same message', () => {
    const a: Capability<'getSettings'> = { handlers: { getSettings: async () => { throw new Error('unused'); } } };
    expect(() => handlerTable([a, a])).toThrow('Two capabilities answer "getSettings"');
    const extra = () => a;
    expect(() => createService(async () => { throw new Error('unused'); }, () => new Date(), [extra])).toThrow('Two capabilities answer "getSettings"');
  });
});
