/**
 * The day's picture for the popup and the badge: today's status, this month's missed days and the
 * Tukin line. Pure: the background gathers the records and calls it with "now".
 */
import type { DayOffRecord, ReportRecord } from '../db/schema';
import type { Settings } from '../settings/settings';
import { wallClock } from './dates';
import { countingStart, missedDays, todayStatus, tukinRisk, type TodayStatus, type TukinRisk } from './missed-days';
import { isCovered, monthStart, yearOf, type CalendarConfig } from './workdays';
import { monthKnown, siteMonths, type SiteDaysSeen } from './site-months';

export interface StatusSnapshot {
  /** Today in the user's zone. */
  today: string;
  nowTime: string;
  /** The day's target time (settings), `HH:mm`. */
  targetTime: string;
  todayStatus: TodayStatus;
  /** First day counted: the user's choice, else this month's first day (never before set-up). */
  from: string;
  /** Working days from `from` without a report, in date order. */
  missed: string[];
  /** Those of `missed` with a save seen in the page but not confirmed ("belum terkonfirmasi"). */
  unconfirmed: string[];
  /** How many of them fall in this month (what the Tukin rule counts). */
  monthMissed: number;
  risk: TukinRisk;
  /** The months from `from`'s to today's, each known completely from the site's calendar or not yet (site-months.ts). */
  siteMonths: { month: string; known: boolean }[];
  /** Whether the shipped holiday list covers today's year. */
  yearCovered: boolean;
  year: number;
}

export function calendarConfig(settings: Pick<Settings, 'workWeek'>, daysOff: readonly DayOffRecord[]): CalendarConfig {
  return { workWeek: settings.workWeek, daysOff };
}

/** Dates that count as reported: the latest record for the date says so. */
export function reportedDates(reports: readonly ReportRecord[]): Set<string> {
  return new Set(reports.filter((r) => r.status === 'reported').map((r) => r.date));
}

export function statusSnapshot(input: {
  now: Date;
  settings: Settings;
  reports: readonly ReportRecord[];
  daysOff: readonly DayOffRecord[];
  /** Days shown by full readings of the site's calendar (none: nothing read yet). */
  siteSeen?: SiteDaysSeen;
}): StatusSnapshot {
  const { settings } = input;
  const { date: today, time: nowTime } = wallClock(input.now, settings.zone);
  const cal = calendarConfig(settings, input.daysOff);
  const reported = reportedDates(input.reports);
  const seen = input.siteSeen ?? {};
  const from = countingStart(settings.countFrom, settings.installedOn ?? today, today, monthKnown(seen, today.slice(0, 7), today, cal));
  const missed = missedDays({ from, today, nowTime, targetTime: settings.targetTime, cal, reported });
  const month = monthStart(today);
  const monthMissed = missed.filter((d) => d >= month).length;
  const waiting = new Set(input.reports.filter((r) => r.status === 'unconfirmed').map((r) => r.date));
  return {
    today,
    nowTime,
    targetTime: settings.targetTime,
    todayStatus: todayStatus({ today, nowTime, targetTime: settings.targetTime, cal, reported }),
    from,
    missed,
    unconfirmed: missed.filter((d) => waiting.has(d)),
    siteMonths: siteMonths(seen, from, today, cal),
    monthMissed,
    risk: tukinRisk(monthMissed),
    yearCovered: isCovered(yearOf(today)),
    year: yearOf(today),
  };
}
