/**
 * Indonesia's workday calendar for one user: the work week (Mon–Fri or Mon–Sat), the shipped
 * national holidays and cuti bersama, the user's own days off and extra holidays. Pure: every
 * date is a `YYYY-MM-DD` string, already in the user's zone (see dates.ts `localDate`).
 */
import type { DayOffKind, DayOffRecord } from '../db/schema';
import { addDays, formatDate, isoWeekday, isValidDate, parseDate } from './dates';
import { COVERED_YEARS, shippedHoliday } from './holidays';

export interface CalendarConfig {
  /** 5 = Monday–Friday, 6 = Monday–Saturday. */
  workWeek: 5 | 6;
  /** The user's days off ('cuti-tahunan', 'sakit', …) and extra holidays ('libur-tambahan'). */
  daysOff: readonly DayOffRecord[];
  /** Shipped holiday / cuti bersama dates that do not apply to this user (e.g. a decree changed). */
  removedHolidays?: readonly string[];
}

import type { NonWorkReason } from './reasons';

export type { NonWorkReason };

export interface NonWorkday {
  workday: false;
  reason: NonWorkReason;
  /** The shipped holiday's name ('libur-nasional', 'cuti-bersama'). */
  name?: string;
  /** The user's record kind ('day-off', 'libur-tambahan'). */
  kind?: DayOffKind;
  /** The user's note on that record, when not empty ('day-off', 'libur-tambahan'). */
  note?: string;
}

export type DayStatus = { workday: true } | NonWorkday;

export { addDays, isValidDate };

/** Every date from `from` to `to`, both included, in order; empty when `from` is after `to`
 * or either is not a valid date. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (!isValidDate(from) || !isValidDate(to)) return out;
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The first day of `date`'s month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of `date`'s month (29 February in a leap year). */
export function monthEnd(date: string): string {
  const d = parseDate(monthStart(date));
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return formatDate(d);
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whether the shipped table has `year`'s national holidays and cuti bersama. */
export function isCovered(year: number): boolean {
  return (COVERED_YEARS as readonly number[]).includes(year);
}

/** Whether `date` falls outside the work week (Sunday; Saturday too in a 5-day week). */
export function isWeekend(date: string, workWeek: 5 | 6): boolean {
  return isoWeekday(date) > workWeek;
}

/** Whether a day-off record covers `date` (`start`…`end` inclusive; a reversed range covers nothing). */
export function coversDate(record: Pick<DayOffRecord, 'start' | 'end'>, date: string): boolean {
  return record.start <= date && date <= record.end;
}

function fromRecord(reason: 'day-off' | 'libur-tambahan', r: DayOffRecord): NonWorkday {
  const out: NonWorkday = { workday: false, reason, kind: r.kind };
  if (r.note.trim() !== '') out.note = r.note;
  return out;
}

/**
 * Whether `date` is a working day for this user, and if not, why. When several reasons apply,
 * the most informative one is reported, in this order:
 *   1. libur nasional, 2. cuti bersama (shipped, unless listed in `removedHolidays`),
 *   3. libur tambahan (the user's extra holiday),
 *   4. weekend,
 *   5. the user's own day off (cuti tahunan, sakit, dinas luar, lainnya).
 * So a holiday on a Sunday reports the holiday (a calendar shows "Idul Fitri", not "Minggu"),
 * and a Saturday inside a week of annual leave reports the weekend (leave is not spent on it).
 * Among overlapping records of the same rank, the first in `daysOff` wins.
 */
export function dayStatus(date: string, cal: CalendarConfig): DayStatus {
  const shipped = shippedHoliday(date);
  if (shipped && !cal.removedHolidays?.includes(date)) {
    return { workday: false, reason: shipped.kind, name: shipped.name };
  }
  let personal: DayOffRecord | undefined;
  for (const r of cal.daysOff) {
    if (!coversDate(r, date)) continue;
    if (r.kind === 'libur-tambahan') return fromRecord('libur-tambahan', r);
    personal ??= r;
  }
  if (isWeekend(date, cal.workWeek)) return { workday: false, reason: 'weekend' };
  if (personal) return fromRecord('day-off', personal);
  return { workday: true };
}

/** Whether `date` is a working day for this user. */
export function isWorkday(date: string, cal: CalendarConfig): boolean {
  return dayStatus(date, cal).workday;
}

/** The working days from `from` to `to`, both included, in order. */
export function workdaysBetween(from: string, to: string, cal: CalendarConfig): string[] {
  return datesBetween(from, to).filter((d) => isWorkday(d, cal));
}

export type DayOffProblem =
  | { field: 'start' | 'end'; code: 'calendar_dayoff_date_invalid' }
  | { field: 'end'; code: 'calendar_dayoff_range_reversed' };

/** Checks a day-off record's dates before saving; returns every problem found, empty when valid. */
export function checkDayOff(record: Pick<DayOffRecord, 'start' | 'end'>): DayOffProblem[] {
  const problems: DayOffProblem[] = [];
  if (!isValidDate(record.start)) problems.push({ field: 'start', code: 'calendar_dayoff_date_invalid' });
  if (!isValidDate(record.end)) problems.push({ field: 'end', code: 'calendar_dayoff_date_invalid' });
  if (problems.length === 0 && record.end < record.start) problems.push({ field: 'end', code: 'calendar_dayoff_range_reversed' });
  return problems;
}

export { DAY_OFF_KIND_MESSAGE, REASON_MESSAGE } from './reasons';
