/**
 * When to remind. Pure: "now", the zone, the settings, the calendar and the reported dates come
 * in as parameters; the background keeps one alarm for `nextAlarm` and recomputes it after each
 * alarm, on install/update, on start-up, when settings change and when a report is recorded.
 * The same input always gives the same answer, so recomputing never adds a second alarm.
 *
 * Rules:
 * - Reminders about the day's report ('morning', 'before', 'last-call') only on working days
 *   (`dayStatus(...).workday`) that are not reported yet, each at a wall-clock time of that day in
 *   the chosen zone: the morning reminder at its time, one 'before' per lead time at target − lead,
 *   the last call at target + minutesAfter. A time that would fall on another calendar day (a
 *   lead reaching back before midnight) is left out.
 * - The monthly summary ('monthly-summary') fires on the first working day of the month at
 *   `SUMMARY_TIME` (08:00: office hours have begun, after the quiet early-morning hours), whether
 *   or not that day is reported yet, and only when last month had unreported working days.
 * - Nothing on a muted date; nothing at all with do-not-disturb.
 * - At most one reminder per minute: when two fall on the same minute, the 'before' wins over the
 *   last call, which wins over the morning reminder; the summary moves to the next free minute.
 * - A snooze (`snoozedUntil` > now) drops every reminder up to `snoozedUntil` and adds one at
 *   `snoozedUntil` for today, if today still needs a report ('before' while the target time is
 *   ahead, 'catch-up' from then on).
 * - Only times strictly after now; the search looks `LOOKAHEAD_DAYS` days ahead (long holidays).
 */
import { isTime, localDate, type ZoneChoice } from '../calendar/dates';
import { missedDays } from '../calendar/missed-days';
import { addDays, isValidDate, isWorkday, monthEnd, monthStart, type CalendarConfig } from '../calendar/workdays';
import {
  LAST_CALL_MAX, LAST_CALL_MIN, LEAD_MAX, LEAD_MIN, isMuted, type ReminderSettings,
} from './settings';
import { epochAt } from './wall-time';

export type ReminderKind = 'morning' | 'before' | 'last-call' | 'monthly-summary' | 'catch-up';

export interface Reminder {
  /** When to show it, epoch ms. */
  at: number;
  kind: ReminderKind;
  /** The day it is about (`YYYY-MM-DD`, in the chosen zone); it is shown on that day. For the
   * monthly summary: the first working day of the month, on which it is shown. */
  date: string;
  /** Minutes from `at` to the day's target time; negative once the target time has passed.
   * Set for every kind except 'monthly-summary'. */
  minutesLeft?: number;
  /** 'monthly-summary': last month (`YYYY-MM`) and how many of its working days were not reported. */
  month?: string;
  missedCount?: number;
}

export interface ReminderInput {
  /** Now, epoch ms. */
  now: number;
  zone: ZoneChoice;
  /** The day's target time, `HH:mm` (app settings `targetTime`). */
  targetTime: string;
  reminders: ReminderSettings;
  cal: CalendarConfig;
  /** Dates with a report. */
  reported: ReadonlySet<string>;
  /**
   * The first day that may count as missed, for the monthly summary. Use `summaryCountingStart`
   * (the user's "count from" date, else the set-up day) — not the calendar's `countingStart`,
   * whose default is the current month's first day and would hide last month.
   */
  countingStart: string;
  /** At most this many reminders (all within the look-ahead by default). */
  limit?: number;
}

export interface CatchUpInput extends ReminderInput {
  /** When the last reminder was shown (epoch ms); null if never. */
  lastFiredAt: number | null;
}

/** How many days after today the search looks (today + 14). */
export const LOOKAHEAD_DAYS = 14;
/** When the monthly summary is shown on the month's first working day. */
export const SUMMARY_TIME = '08:00';
/** An alarm firing later than this after its time counts as late (sleep): it becomes a catch-up. */
export const ON_TIME_MS = 2 * 60_000;

const MINUTE = 60_000;

/**
 * The start for the monthly summary's count: the user's own "count from" date when set, else the
 * day the extension was set up, else `today` (nothing before it counts).
 */
export function summaryCountingStart(countFrom: string | null, installedOn: string | null, today: string): string {
  if (countFrom !== null && isValidDate(countFrom)) return countFrom;
  if (installedOn !== null && isValidDate(installedOn)) return installedOn;
  return today;
}

/** Valid lead times, without repeats. */
function leadsOf(reminders: ReminderSettings): number[] {
  const valid = reminders.leadMinutes.filter((m) => Number.isInteger(m) && m >= LEAD_MIN && m <= LEAD_MAX);
  return [...new Set(valid)];
}

/** The first working day of `date`'s month, or null when it has none. */
function firstWorkdayOfMonth(date: string, cal: CalendarConfig): string | null {
  const end = monthEnd(date);
  for (let d = monthStart(date); d <= end; d = addDays(d, 1)) if (isWorkday(d, cal)) return d;
  return null;
}

/** The month before `date`'s (`YYYY-MM`) and its working days without a report, counted from `countingStart`. */
export function lastMonthMissed(
  date: string,
  input: Pick<ReminderInput, 'cal' | 'reported' | 'countingStart'>,
): { month: string; missed: string[] } {
  const last = addDays(monthStart(date), -1);
  const first = monthStart(last);
  const from = isValidDate(input.countingStart) && input.countingStart > first ? input.countingStart : first;
  // The whole last day counts: "23:59" is past any target time.
  const missed = missedDays({ from, today: last, nowTime: '23:59', targetTime: '00:00', cal: input.cal, reported: input.reported });
  return { month: last.slice(0, 7), missed };
}

/** Whether `date` is a day the reminders may speak on at all (not muted, no do-not-disturb, a working day). */
function openDay(date: string, input: Pick<ReminderInput, 'reminders' | 'cal'>): boolean {
  return !input.reminders.doNotDisturb && !isMuted(input.reminders, date) && isWorkday(date, input.cal);
}

/**
 * All of `date`'s reminders in time order, past ones included (for the catch-up), following the
 * module rules. `now` matters only for the snooze.
 */
function dayReminders(date: string, input: ReminderInput): Reminder[] {
  if (!openDay(date, input)) return [];
  const { zone, reminders, now } = input;
  const sameDay = (at: number) => !Number.isNaN(at) && localDate(new Date(at), zone) === date;
  const target = epochAt(date, input.targetTime, zone);
  const snoozedUntil = reminders.snoozedUntil;
  const snoozing = snoozedUntil !== null && snoozedUntil > now;

  // Candidates in order of precedence for the same minute.
  const candidates: Reminder[] = [];
  if (!input.reported.has(date) && !Number.isNaN(target)) {
    const left = (at: number) => Math.round((target - at) / MINUTE);
    if (snoozedUntil !== null && sameDay(snoozedUntil)) {
      candidates.push({ at: snoozedUntil, kind: snoozedUntil < target ? 'before' : 'catch-up', date, minutesLeft: left(snoozedUntil) });
    }
    for (const lead of leadsOf(reminders)) {
      candidates.push({ at: target - lead * MINUTE, kind: 'before', date, minutesLeft: lead });
    }
    const { lastCall, morning } = reminders;
    if (lastCall.enabled && Number.isInteger(lastCall.minutesAfter)
      && lastCall.minutesAfter >= LAST_CALL_MIN && lastCall.minutesAfter <= LAST_CALL_MAX) {
      candidates.push({ at: target + lastCall.minutesAfter * MINUTE, kind: 'last-call', date, minutesLeft: -lastCall.minutesAfter });
    }
    if (morning.enabled && isTime(morning.time)) {
      const at = epochAt(date, morning.time, zone);
      candidates.push({ at, kind: 'morning', date, minutesLeft: left(at) });
    }
  }

  const taken = new Set<number>();
  const out: Reminder[] = [];
  for (const r of candidates) {
    if (!sameDay(r.at) || taken.has(r.at)) continue;
    if (snoozing && r.at < snoozedUntil) continue;
    taken.add(r.at);
    out.push(r);
  }

  if (reminders.monthlySummary && firstWorkdayOfMonth(date, input.cal) === date) {
    const { month, missed } = lastMonthMissed(date, input);
    let at = epochAt(date, SUMMARY_TIME, zone);
    while (taken.has(at)) at += MINUTE;
    if (missed.length > 0 && sameDay(at) && !(snoozing && at <= snoozedUntil)) {
      out.push({ at, kind: 'monthly-summary', date, month, missedCount: missed.length });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The upcoming reminders (strictly after now), in time order; see the module rules. */
export function nextReminders(input: ReminderInput): Reminder[] {
  const limit = input.limit ?? Infinity;
  const out: Reminder[] = [];
  if (input.reminders.doNotDisturb || limit <= 0) return out;
  const today = localDate(new Date(input.now), input.zone);
  for (let i = 0; i <= LOOKAHEAD_DAYS && out.length < limit; i++) {
    for (const r of dayReminders(addDays(today, i), input)) if (r.at > input.now) out.push(r);
  }
  return out.slice(0, limit);
}

/** The next reminder, for the one pending alarm; null when none is due within the look-ahead. */
export function nextAlarm(input: ReminderInput): Reminder | null {
  return nextReminders({ ...input, limit: 1 })[0] ?? null;
}

/** Today's reminders that came due (at ≤ now) since the last one shown. */
function dueToday(input: CatchUpInput): Reminder[] {
  const today = localDate(new Date(input.now), input.zone);
  const { lastFiredAt, now } = input;
  return dayReminders(today, input).filter((r) => r.at <= now && (lastFiredAt === null || r.at > lastFiredAt));
}

/**
 * On start-up or a late alarm (after sleep): at most one reminder standing for those missed today.
 * When any reminder about today's report came due since `lastFiredAt` and today still needs its
 * report: one 'catch-up' at now, with the minutes left to the target time (negative once past:
 * "sudah lewat 16:00, belum lapor"). Otherwise, when only today's monthly summary was missed:
 * that summary, at now. Never for a past day; null while snoozed, muted or with do-not-disturb.
 * Pass `lastFiredAt: now` on a fresh install to start without a catch-up.
 */
export function catchUp(input: CatchUpInput): Reminder | null {
  const { now } = input;
  if (input.reminders.snoozedUntil !== null && input.reminders.snoozedUntil > now) return null;
  const missed = dueToday(input);
  if (missed.length === 0) return null;
  const date = missed[0]!.date;
  if (missed.some((r) => r.kind !== 'monthly-summary')) {
    const target = epochAt(date, input.targetTime, input.zone);
    return { at: now, kind: 'catch-up', date, minutesLeft: Math.round((target - now) / MINUTE) };
  }
  return { ...missed[missed.length - 1]!, at: now };
}

/**
 * What to show when the alarm fires (or on start-up): the reminder that just came due, when the
 * alarm is on time (within `ON_TIME_MS`); after a late alarm, one `catchUp` instead of a burst;
 * null when nothing is due (the day got reported, muted, …).
 */
export function dueReminder(input: CatchUpInput): Reminder | null {
  const missed = dueToday(input);
  const latest = missed[missed.length - 1];
  if (!latest) return null;
  return input.now - latest.at <= ON_TIME_MS ? latest : catchUp(input);
}

/**
 * Whether a reminder computed earlier should still be shown when its alarm fires: false when
 * its day became reported (except the monthly summary), a day off or a holiday, was muted, when
 * do-not-disturb is on, while a snooze is running (except the summary), or — given the zone —
 * when its day is already past.
 */
export function shouldStillShow(
  reminder: Reminder,
  ctx: { now: number; cal: CalendarConfig; reported: ReadonlySet<string>; reminders: ReminderSettings; zone?: ZoneChoice },
): boolean {
  const summary = reminder.kind === 'monthly-summary';
  if (!openDay(reminder.date, ctx)) return false;
  if (!summary && ctx.reported.has(reminder.date)) return false;
  const until = ctx.reminders.snoozedUntil;
  if (!summary && until !== null && until > ctx.now) return false;
  if (ctx.zone !== undefined && reminder.date < localDate(new Date(ctx.now), ctx.zone)) return false;
  return true;
}
