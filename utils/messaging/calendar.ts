/** Messages about reported and missed days and days off (part of the one contract in protocol.ts). */
import type { SentEntry } from './jurnal';
import type { Settings } from '../settings/settings';
import type { CalendarReading } from '../site/calendar-reader';
import type { StatusSnapshot } from '../calendar/status';
import type { DayOffRecord, ManualStatus, ReportRecord } from '../db/schema';
import type { SaveOutcome } from '../reporting/confirm';
import type { DayOffProblem } from '../calendar/workdays';
import type { LastReading } from '../storage/keys';

export type AddDayOffResult = { ok: true; record: DayOffRecord } | { ok: false; problems: DayOffProblem[] };

export interface CalendarData {
  settings: Settings;
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  status: StatusSnapshot;
}

/** The popup's picture of the day, plus how the last reading of e-Kinerja's calendar went. */
export interface PopupStatus extends StatusSnapshot {
  lastReading: LastReading | null;
}

export interface CalendarProtocol {
  /** Today's status and this month's missed days (also drives the badge). */
  getStatus(): PopupStatus;
  /** The user marks a day as reported or not, by hand. */
  setReport(data: { date: string; status: ManualStatus }): PopupStatus;
  /** Content script: what the daily-progress calendar shows (or that it could not be read). */
  recordSiteReading(reading: CalendarReading): { changed: number };
  /**
   * Content script: what came of a click on "OK" for `date` (utils/reporting/confirm.ts): only a
   * 'confirmed' save counts as reported; 'unconfirmed' waits as "belum terkonfirmasi". `sent`:
   * the form's values at "OK" and the template it was filled from (a confirmed save's are kept
   * in the Jurnal).
   */
  recordObserved(data: { date: string; outcome: SaveOutcome; sent?: SentEntry | null }): void;
  /** Options: everything the calendar view needs. */
  getCalendarData(): CalendarData;
  addDayOff(draft: Omit<DayOffRecord, 'id'>): AddDayOffResult;
  removeDayOff(id: string): void;
}
