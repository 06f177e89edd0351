/**
 * The badge must change when the day changes and when today's target time passes (today then
 * counts as missed). One alarm, at the next of those two moments in the user's zone.
 */
import { browser } from 'wxt/browser';
import { wallClock } from '../calendar/dates';
import { epochAt } from '../reminders/wall-time';
import { addDays } from '../calendar/workdays';
import type { Settings } from '../settings/settings';

export const DAY_CHANGE_ALARM = 'day-change';

/** The next midnight or target time after `now`, in the zone of `settings`. */
export function nextDayChange(now: Date, settings: Pick<Settings, 'zone' | 'targetTime'>): number {
  const { date, time } = wallClock(now, settings.zone);
  const midnight = epochAt(addDays(date, 1), '00:00', settings.zone);
  if (time < settings.targetTime) return Math.min(midnight, epochAt(date, settings.targetTime, settings.zone));
  return midnight;
}

export async function scheduleDayChange(now: Date, settings: Pick<Settings, 'zone' | 'targetTime'>): Promise<void> {
  // A second past the boundary, so the recomputation sees the new day.
  await browser.alarms.create(DAY_CHANGE_ALARM, { when: nextDayChange(now, settings) + 1000 });
}
