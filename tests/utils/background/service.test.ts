import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type Db } from '@/utils/db/db';
import { readSettings, writeSettings } from '@/utils/settings/store';
import { answer, createService, mayAsk, type Service } from '@/utils/background/service';
import type { Capability, CapabilityFactory } from '@/utils/background/capability';
import type { BackgroundMessage } from '@/utils/messaging/protocol';
import { DAY_CHANGE_ALARM, nextDayChange } from '@/utils/background/day-change';

let db: Db;
let name: string;
let n = 0;
let now = new Date('2026-11-25T03:00:00Z'); // Wednesday 25 November 2026, 10:00 WIB
let service: Service;

beforeEach(async () => {
  name = `service-test-${n++}`;
  db = await openDb(name);
  now = new Date('2026-11-25T03:00:00Z');
  service = createService(async () => db, () => now, []);
  await writeSettings(db, { zone: 'Asia/Jakarta', installedOn: '2026-11-01' });
});
afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(name);
});

const badge = () => fakeBrowser.action.getBadgeText({});

describe('background service', () => {
  it('keeps the badge at the number of missed days as reports come and go', async () => {
    // Workdays 2–24 November before the 25th: 17.
    let status = await service.handlers.getStatus(undefined);
    expect(status.missed).toHaveLength(17);
    // getStatus answers first and updates the badge right after.
    await vi.waitFor(async () => expect(await badge()).toBe('17'));

    status = await service.handlers.setReport({ date: '2026-11-24', status: 'reported' });
    expect(status.missed).not.toContain('2026-11-24');
    expect(await badge()).toBe('16');

    await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: ['2026-11-23', '2026-11-24'], withEntries: ['2026-11-23'] });
    expect(await badge()).toBe('15');
    await service.handlers.recordObserved({ date: '2026-11-20', outcome: 'confirmed' });
    expect(await badge()).toBe('14');

    // Marked "not reported" by hand: counted again.
    await service.handlers.setReport({ date: '2026-11-24', status: 'not-reported' });
    expect(await badge()).toBe('15');
  });

  it('shows no badge when nothing is missed', async () => {
    await writeSettings(db, { installedOn: '2026-11-25' });
    await service.refresh();
    expect(await badge()).toBe('');
  });

  it('never lets a reading of the site undo what the user marked, and remembers a failed reading', async () => {
    await service.handlers.setReport({ date: '2026-11-23', status: 'reported' });
    await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: ['2026-11-23'], withEntries: [] });
    expect((await db.get('reports', '2026-11-23'))?.source).toBe('manual');
    expect((await service.handlers.getStatus(undefined)).lastReading).toMatchObject({ ok: true });
    await service.handlers.recordSiteReading({ ok: false, reason: 'unreadable-title' });
    expect((await service.handlers.getStatus(undefined)).lastReading).toMatchObject({ ok: false });
  });

  it('counts only a confirmed save; an unconfirmed one waits, visible; a full reading that shows the day empty withdraws it', async () => {
    // A save the page showed nothing about: still missed, listed as "belum terkonfirmasi".
    await service.handlers.recordObserved({ date: '2026-11-19', outcome: 'unconfirmed' });
    let status = await service.handlers.getStatus(undefined);
    expect(status.missed).toContain('2026-11-19');
    expect(status.unconfirmed).toEqual(['2026-11-19']);
    expect(await badge()).toBe('17');
    // A failed save (500, 401): nothing recorded.
    await service.handlers.recordObserved({ date: '2026-11-18', outcome: 'failed' });
    expect(await db.get('reports', '2026-11-18')).toBeUndefined();
    // The calendar shows the unconfirmed day's entry: reported.
    await service.handlers.recordSiteReading({ ok: true, view: 'day', shown: ['2026-11-19'], withEntries: ['2026-11-19'] });
    expect(await db.get('reports', '2026-11-19')).toMatchObject({ status: 'reported', source: 'site' });
    expect(await badge()).toBe('16');

    // A confirmed save (toast only), then a full reading of its week shows the day empty: withdrawn.
    await service.handlers.recordObserved({ date: '2026-11-20', outcome: 'confirmed' });
    await service.handlers.setReport({ date: '2026-11-17', status: 'reported' });
    expect(await badge()).toBe('14');
    // The day view is not a full reading: nothing withdrawn.
    await service.handlers.recordSiteReading({ ok: true, view: 'day', shown: ['2026-11-20'], withEntries: [] });
    expect(await badge()).toBe('14');
    const week = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
    await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: week, withEntries: ['2026-11-19'] });
    expect(await db.get('reports', '2026-11-20')).toBeUndefined();
    expect(await db.get('reports', '2026-11-17')).toMatchObject({ source: 'manual', status: 'reported' }); // never a manual one
    status = await service.handlers.getStatus(undefined);
    expect(status.missed).toContain('2026-11-20');
    expect(await badge()).toBe('15');
  });

  it('counts this month from its first day once full readings of the site showed all of it, set up mid-month', async () => {
    await writeSettings(db, { installedOn: '2026-11-18' });
    let status = await service.handlers.getStatus(undefined);
    expect(status.from).toBe('2026-11-18');
    expect(status.siteMonths).toEqual([{ month: '2026-11', known: false }]);
    const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}`);
    // Day views do not count; weeks do, up to today.
    await service.handlers.recordSiteReading({ ok: true, view: 'day', shown: ['2026-11-02'], withEntries: [] });
    for (const [a, b] of [[2, 8], [9, 15], [16, 22]] as const) await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: days(a, b), withEntries: [] });
    expect((await service.handlers.getStatus(undefined)).from).toBe('2026-11-18');
    await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: days(23, 29), withEntries: ['2026-11-23'] });
    status = await service.handlers.getStatus(undefined);
    expect(status.siteMonths).toEqual([{ month: '2026-11', known: true }]);
    expect(status.from).toBe('2026-11-01');
    expect(status.missed).toHaveLength(16); // 17 working days before the 25th, one with an entry
  });

  it('refuses an outcome or a hand-set status it does not know', async () => {
    await expect(service.handlers.recordObserved({ date: '2026-11-20', outcome: 'saved' as never })).rejects.toThrow();
    await expect(service.handlers.recordObserved({ date: '2026-02-30', outcome: 'confirmed' })).rejects.toThrow();
    await expect(service.handlers.setReport({ date: '2026-11-20', status: 'unconfirmed' as never })).rejects.toThrow();
  });

  it('refuses a reversed day-off range, and counts an added one', async () => {
    expect(await service.handlers.addDayOff({ start: '2026-11-20', end: '2026-11-18', kind: 'sakit', note: '' }))
      .toEqual({ ok: false, problems: [{ field: 'end', code: 'calendar_dayoff_range_reversed' }] });
    const res = await service.handlers.addDayOff({ start: '2026-11-18', end: '2026-11-20', kind: 'sakit', note: 'Demam' });
    expect(res.ok).toBe(true);
    expect(await badge()).toBe('14');
    await service.handlers.removeDayOff(res.ok ? res.record.id : '');
    expect(await badge()).toBe('17');
  });

  it('schedules the next recount at the target time, then at midnight, in the user\'s zone', async () => {
    await service.refresh();
    const alarm = await fakeBrowser.alarms.get(DAY_CHANGE_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse('2026-11-25T09:00:00Z') + 1000); // 16:00 WIB
    expect(nextDayChange(new Date('2026-11-25T09:30:00Z'), { zone: 'Asia/Jakarta', targetTime: '16:00' })).toBe(Date.parse('2026-11-25T17:00:00Z'));
    expect(nextDayChange(new Date('2026-11-25T09:30:00Z'), { zone: 'Asia/Jayapura', targetTime: '16:00' })).toBe(Date.parse('2026-11-25T15:00:00Z'));
    // The alarm fires after 16:00: today now counts.
    now = new Date('2026-11-25T09:00:01Z');
    await service.alarm(DAY_CHANGE_ALARM);
    expect(await badge()).toBe('18');
  });

  it('remembers the day it was set up, once', async () => {
    await writeSettings(db, { installedOn: null });
    await service.installed();
    expect((await readSettings(db)).installedOn).toBe('2026-11-25');
    now = new Date('2026-12-25T03:00:00Z');
    await service.installed();
    expect((await readSettings(db)).installedOn).toBe('2026-11-25');
  });
});

describe('who may ask what', () => {
  const kinerja = { url: 'https://kinerja.bkn.go.id/kinerja_harian' };
  const sso = { url: 'https://sso-siasn.bkn.go.id/auth/realms/public-siasn/login-actions/authenticate' };
  const page = () => ({ url: fakeBrowser.runtime.getURL('/popup.html') });

  it('lets each site\'s content script ask only what its capabilities declare, and extension pages everything', () => {
    const full = createService(async () => db, () => now);
    const may = (sender: { url?: string } | undefined, type: BackgroundMessage) => mayAsk(full.allowList, sender, type);
    expect(may(kinerja, 'recordSiteReading')).toBe(true);
    expect(may(kinerja, 'rememberRencanaAksi')).toBe(true);
    expect(may(kinerja, 'saveTemplate')).toBe(false);
    // The filler gets names, then one template at the user's click — never every template (issue 12, finding 5).
    expect(may(kinerja, 'templateChoices')).toBe(true);
    expect(may(kinerja, 'templateForFill')).toBe(true);
    expect(may(kinerja, 'listTemplates')).toBe(false);
    expect(may(kinerja, 'siteRencanaAksi')).toBe(false);
    expect(may(kinerja, 'saveFormAsTemplate')).toBe(true);
    expect(may(kinerja, 'ssoCode')).toBe(false);
    expect(may(sso, 'ssoCode')).toBe(true);
    expect(may(sso, 'listTemplates')).toBe(false);
    expect(may({ url: 'https://evil.example/' }, 'getSettings')).toBe(false);
    for (const secretive of ['listAccounts', 'unlockVault', 'setVaultPassphrase', 'exportBackup', 'importBackup', 'removeAccount', 'removeDayOff'] as const) {
      expect(may(kinerja, secretive), secretive).toBe(false);
      expect(may(sso, secretive), secretive).toBe(false);
      expect(may(page(), secretive), secretive).toBe(true);
    }
    expect(may(undefined, 'exportBackup')).toBe(true);
    // Exactly the declared messages, nothing more.
    expect(Object.fromEntries([...full.allowList].map(([origin, types]) => [origin, [...types].sort()]))).toEqual({
      'https://kinerja.bkn.go.id': ['fillDays', 'getSettings', 'recordObserved', 'recordSiteReading', 'rememberRencanaAksi', 'rememberSiteRencanaAksi', 'runAction', 'runTask', 'saveFormAsTemplate', 'templateChoices', 'templateForFill'],
      'https://sso-siasn.bkn.go.id': ['saveActivationAccount', 'ssoCode'],
    });
  });

  it('refuses an SSO-only message from the e-Kinerja content script, and answers it for the SSO page', async () => {
    const full = createService(async () => db, () => now);
    await expect(answer(full, 'ssoCode', {}, kinerja)).rejects.toThrow('"ssoCode" may not be asked from a web page');
    await expect(answer(full, 'ssoCode', {}, sso)).resolves.toEqual({ ok: false, error: 'mfa_err_no_accounts' });
    await expect(answer(full, 'listAccounts', undefined, sso)).rejects.toThrow('may not be asked');
    await expect(answer(full, 'listAccounts', undefined, page())).resolves.toMatchObject({ accounts: [] });
  });

  it('builds the allow-list from the declarations of the capabilities it assembles', async () => {
    const custom: CapabilityFactory = () => ({
      handlers: { templateChoices: async () => [] },
      contentScripts: { templateChoices: ['https://sso-siasn.bkn.go.id'] },
    }) satisfies Capability<'templateChoices'>;
    const s = createService(async () => db, () => now, [custom]);
    expect(mayAsk(s.allowList, sso, 'templateChoices')).toBe(true);
    expect(mayAsk(s.allowList, kinerja, 'templateChoices')).toBe(false);
    expect(mayAsk(s.allowList, sso, 'ssoCode')).toBe(false); // the accounts capability is not assembled
    await expect(answer(s, 'templateChoices', undefined, sso)).resolves.toEqual([]);
  });
});
