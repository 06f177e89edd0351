/**
 * The one message contract between the extension's contexts.
 *
 * Ownership: the background service worker owns the database and is the only context that
 * writes to it, so every side effect of a change (badge, next reminder) is recomputed in one
 * place. Popup and options ask the background for reads too (one path, one cache); content
 * scripts run in the page's origin, cannot open the extension's IndexedDB, and always ask.
 *
 * Direction: popup/options/content → background, except `getPageInfo`, which the background
 * sends to a content script in an e-Kinerja tab.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Settings, SettingsPatch, SettingsProblem } from '../settings/settings';
import type { BackupFile, BackupProblem } from '../backup/backup';
import type { PageInfo } from '../site/pages';
import type { CalendarReading } from '../site/calendar-reader';
import type { StatusSnapshot } from '../calendar/status';
import type { DayOffRecord, ReportRecord } from '../db/schema';
import type { DayOffProblem } from '../calendar/workdays';
import type { TemplatesProtocol } from './templates';
import type { AccountsProtocol } from './accounts';
import type { RemindersProtocol } from './reminders';

export type SaveSettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };
export type ImportBackupResult = { ok: true } | { ok: false; problems: BackupProblem[] };
/** An open e-Kinerja tab whose content script answered. */
export interface EkinerjaTab {
  tabId: number;
  page: PageInfo;
}

export type AddDayOffResult = { ok: true; record: DayOffRecord } | { ok: false; problems: DayOffProblem[] };
export interface CalendarData {
  settings: Settings;
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  status: StatusSnapshot;
}
/** The popup's picture of the day, plus how the last reading of e-Kinerja's calendar went. */
export interface PopupStatus extends StatusSnapshot {
  lastReading: { at: string; ok: boolean } | null;
}

export interface ProtocolMap extends TemplatesProtocol, AccountsProtocol, RemindersProtocol {
  getSettings(): Settings;
  saveSettings(patch: SettingsPatch): SaveSettingsResult;
  exportBackup(): BackupFile;
  /** Validates the file's text and, only when it is entirely valid, replaces all data with it. */
  importBackup(text: string): ImportBackupResult;
  /** Today's status and this month's missed days (also drives the badge). */
  getStatus(): PopupStatus;
  /** The user marks a day as reported or not, by hand. */
  setReport(data: { date: string; status: ReportRecord['status'] }): PopupStatus;
  /** Content script: what the daily-progress calendar shows (or that it could not be read). */
  recordSiteReading(reading: CalendarReading): { changed: number };
  /** Content script: the site confirmed a new entry saved for `date`. */
  recordObserved(data: { date: string }): void;
  /** Options: everything the calendar view needs. */
  getCalendarData(): CalendarData;
  addDayOff(draft: Omit<DayOffRecord, 'id'>): AddDayOffResult;
  removeDayOff(id: string): void;
  /** Switches to the daily-progress tab, or opens one (never navigates another e-Kinerja page away). */
  openDailyProgress(): void;
  /** The e-Kinerja tab the extension is connected to (the active one first), if any. */
  findEkinerjaTab(): EkinerjaTab | null;
  /** Background → content script: what page is this? */
  getPageInfo(): PageInfo;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
