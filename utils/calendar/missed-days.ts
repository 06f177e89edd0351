/**
 * Missed days: working days with no Progres Harian. Pure — "today" and the wall-clock time come
 * in as parameters, computed in the user's zone by the caller (dates.ts `wallClock`).
 */
import { addDays, dayStatus, isValidDate, monthStart, type CalendarConfig, type NonWorkday } from './workdays';

export interface TodayInput {
  /** Today, `YYYY-MM-DD`, in the user's zone. */
  today: string;
  /** The wall-clock time now, `HH:mm`, in the user's zone. */
  nowTime: string;
  /** The time by which the day's report is due, `HH:mm` (settings `targetTime`). */
  targetTime: string;
  cal: CalendarConfig;
  /** Dates with a report. */
  reported: ReadonlySet<string> | readonly string[];
}

export interface MissedDaysInput extends TodayInput {
  /** First day counted, `YYYY-MM-DD` (see `countingStart`). */
  from: string;
}

/** Minutes since midnight for `HH:mm` (or `H:mm`); NaN when unreadable. */
function minutes(time: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : NaN;
}

/** Whether the day's target time has been reached (an unreadable time never has). */
export function pastTarget(nowTime: string, targetTime: string): boolean {
  return minutes(nowTime) >= minutes(targetTime);
}

function asSet(reported: ReadonlySet<string> | readonly string[]): ReadonlySet<string> {
  return reported instanceof Set ? reported : new Set(reported as readonly string[]);
}

/**
 * Working days from `from` up to yesterday — and today once `nowTime` ≥ `targetTime` — that have
 * no report, leaving out weekends, holidays, cuti bersama and the user's days off; in date order.
 * Nothing after today is ever counted; `from` after today gives an empty list.
 */
export function missedDays(input: MissedDaysInput): string[] {
  const { from, today, cal } = input;
  if (!isValidDate(from) || !isValidDate(today)) return [];
  const reported = asSet(input.reported);
  const last = pastTarget(input.nowTime, input.targetTime) ? today : addDays(today, -1);
  const out: string[] = [];
  for (let d = from; d <= last; d = addDays(d, 1)) {
    if (!reported.has(d) && dayStatus(d, cal).workday) out.push(d);
  }
  return out;
}

export type TodayStatus =
  | { state: 'reported' }
  /** A working day, not reported, target time not reached yet. */
  | { state: 'not-yet' }
  /** A working day, not reported, target time passed: it already counts as missed. */
  | { state: 'missed' }
  /** Not a working day; `reported` says whether a report exists anyway. */
  | { state: 'off'; off: NonWorkday; reported: boolean };

/** Today's status, consistent with `missedDays` (today is 'missed' exactly when it is counted there). */
export function todayStatus(input: TodayInput): TodayStatus {
  const reported = asSet(input.reported).has(input.today);
  const status = dayStatus(input.today, input.cal);
  if (!status.workday) return { state: 'off', off: status, reported };
  if (reported) return { state: 'reported' };
  return pastTarget(input.nowTime, input.targetTime) ? { state: 'missed' } : { state: 'not-yet' };
}

/**
 * The first day to count from. The user's explicit choice (`settingStart`) when set and valid;
 * otherwise the first day of `today`'s month, but not before the extension was set up
 * (`installedOn`) — a new user does not start with days nothing has told about — unless the
 * site's calendar has been read completely for this month (`monthKnownFromSite`, site-months.ts):
 * then its entries tell, and the month counts from its first day.
 */
export function countingStart(settingStart: string | null, installedOn: string, today: string, monthKnownFromSite = false): string {
  if (settingStart !== null && isValidDate(settingStart)) return settingStart;
  const first = monthStart(today);
  return isValidDate(installedOn) && installedOn > first && !monthKnownFromSite ? installedOn : first;
}

// The Tukin rule and the status messages live in a module without the calendar (the popup's
// first screen needs them, not the holiday table); here for the callers that count days.
export { TODAY_MESSAGE, TUKIN_MESSAGE, TUKIN_SAFE_MAX, tukinRisk, type TukinRisk } from './day-messages';
