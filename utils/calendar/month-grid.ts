/**
 * The options page's month calendar: which kind of day each cell is, laid out in weeks that
 * start on Monday (as Indonesian wall calendars do). Pure: "today", the reported and the missed
 * dates come in as parameters, every date a `YYYY-MM-DD` string in the user's zone.
 */
import type { DayOffKind } from '../db/schema';
import { parseDate } from './dates';
import { addDays, dayStatus, isValidDate, monthEnd, type CalendarConfig } from './workdays';

/**
 * What a calendar cell shows. One kind per day, chosen in this order (first match wins):
 *   1. why the day is not a working day, ranked as `dayStatus` ranks it:
 *      'libur-nasional' > 'cuti-bersama' > 'libur-tambahan' > 'weekend' > 'day-off'
 *      (a holiday on a Sunday shows the holiday; a Saturday inside a week of leave shows the weekend);
 *   2. 'reported'  — a working day with a report;
 *   3. 'missed'    — a working day in the `missed` set (the caller's missed-days result);
 *   4. 'future'    — a working day after today;
 *   5. 'workday'   — any other working day: today before the target time, or a day before
 *                    counting started.
 * A report on a day that is not a working day does not change its kind; the cell's `reported`
 * flag still says it has one.
 */
export type DayKind =
  | 'libur-nasional'
  | 'cuti-bersama'
  | 'libur-tambahan'
  | 'day-off'
  | 'weekend'
  | 'reported'
  | 'missed'
  | 'workday'
  | 'future';

export interface GridDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** False for the days of the previous / next month that fill the first and last week. */
  inMonth: boolean;
  isToday: boolean;
  kind: DayKind;
  /** Whether `reported` has this date (also true on a non-working day that has a report). */
  reported: boolean;
  /** The shipped holiday's name ('libur-nasional', 'cuti-bersama'). */
  name?: string;
  /** The user's note on the day-off record, when not empty ('day-off', 'libur-tambahan'). */
  note?: string;
  /** The user's record kind ('day-off', 'libur-tambahan'). */
  dayOffKind?: DayOffKind;
}

/** Seven days, Monday to Sunday. */
export type GridWeek = GridDay[];

export interface MonthGridInput {
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** Today, `YYYY-MM-DD`, in the user's zone. */
  today: string;
  cal: CalendarConfig;
  /** Dates with a report. */
  reported: ReadonlySet<string>;
  /** Missed working days (missed-days.ts `missedDays`). */
  missed: ReadonlySet<string>;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written `YYYY-MM` (01…12). */
export function isMonth(month: string): boolean {
  return MONTH_RE.test(month);
}

/** The `YYYY-MM` month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `month` moved by `delta` months (negative goes back), across years: ('2026-12', 1) → '2027-01'. */
export function shiftMonth(month: string, delta: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + Math.trunc(delta);
  const year = Math.floor(index / 12);
  const mon = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(mon).padStart(2, '0')}`;
}

/** ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday. */
function weekday(date: string): number {
  return parseDate(date).getUTCDay() || 7;
}

/** The cell for one date (see `DayKind` for the order in which kinds win). */
export function gridDay(date: string, input: Omit<MonthGridInput, 'month'>, inMonth = true): GridDay {
  const reported = input.reported.has(date);
  const base = { date, inMonth, isToday: date === input.today, reported };
  const status = dayStatus(date, input.cal);
  if (!status.workday) {
    const day: GridDay = { ...base, kind: status.reason };
    if (status.name !== undefined) day.name = status.name;
    if (status.note !== undefined) day.note = status.note;
    if (status.kind !== undefined) day.dayOffKind = status.kind;
    return day;
  }
  const kind: DayKind = reported ? 'reported'
    : input.missed.has(date) ? 'missed'
    : date > input.today ? 'future'
    : 'workday';
  return { ...base, kind };
}

/**
 * The weeks of `month`, Monday first: from the Monday on or before the 1st to the Sunday on or
 * after the last day, so 4, 5 or 6 rows of 7 days. Days of the neighbouring months fill the
 * first and last row, with `inMonth: false`.
 */
export function monthGrid(input: MonthGridInput): GridWeek[] {
  if (!isMonth(input.month)) throw new RangeError(`not a YYYY-MM month: ${input.month}`);
  const first = `${input.month}-01`;
  const last = monthEnd(first);
  const start = addDays(first, 1 - weekday(first));
  const end = addDays(last, 7 - weekday(last));
  const weeks: GridWeek[] = [];
  let week: GridWeek = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    week.push(gridDay(d, input, d >= first && d <= last));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  return weeks;
}

/** "November 2026" (or the English form in an English UI): the grid's caption. */
export function formatMonth(month: string, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(parseDate(`${month}-01`));
}

/** Monday…Sunday names, short ("Sen") and long ("Senin"), for the grid's column headers. */
export function weekdayNames(locale = 'id-ID'): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' });
  const long = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = parseDate(addDays('2024-01-01', i));
    return { short: short.format(d), long: long.format(d) };
  });
}

/**
 * A day-off range as people write it: "25 Desember 2026", "28–31 Desember 2026",
 * "28 November – 2 Desember 2026", "28 Desember 2026 – 2 Januari 2027". A reversed or invalid
 * range is written as its two dates, never silently reordered.
 */
export function formatDayRange(start: string, end: string, locale = 'id-ID'): string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  if (!isValidDate(start) || !isValidDate(end)) return `${start} – ${end}`;
  if (start === end) return f.format(parseDate(start));
  if (end < start) return `${f.format(parseDate(start))} – ${f.format(parseDate(end))}`;
  // ICU puts thin / narrow no-break spaces around the dash in some versions; keep plain spaces so
  // the text is the same in every browser.
  return f.formatRange(parseDate(start), parseDate(end)).replace(/[\u2009\u202f\u00a0]/g, ' ');
}
