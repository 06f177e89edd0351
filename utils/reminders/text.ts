/**
 * The words of a reminder: message keys and their substitutions, rendered by the caller with
 * `t(key, subs)`. Dates, months and durations are formatted here with Intl in the UI locale
 * ('id-ID' or 'en-GB', see i18n `uiLocale()`), so the substitutions are final text.
 */
import type { MessageKey } from '../i18n/i18n';
import { clockText, formatLongDate, parseDate, wallClock, type ZoneChoice } from '../calendar/dates';
import { TUKIN_MESSAGE, tukinRisk } from '../calendar/day-messages';
import type { Reminder } from './next-reminder';
import { isMuted, type ReminderSettings } from './settings';

/** A message key of the reminders (they all start with `reminders_`). */
export type ReminderMessageKey = Extract<MessageKey, `reminders_${string}`>;

export interface ReminderText {
  titleKey: ReminderMessageKey;
  titleSubs: string[];
  bodyKey: ReminderMessageKey;
  bodySubs: string[];
}

/** Notification buttons, in this order ("Buka e-Kinerja", "Tunda 15 menit"). */
export const REMINDER_BUTTONS = ['reminders_button_open', 'reminders_button_snooze'] as const satisfies readonly ReminderMessageKey[];

/** "45 menit", "1 jam", "1 jam 30 menit" (English: "45 minutes", "1 hour 30 minutes"). */
export function formatDuration(minutes: number, locale = 'id-ID'): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const unit = (u: 'hour' | 'minute', n: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  if (h === 0) return unit('minute', m);
  return m === 0 ? unit('hour', h) : `${unit('hour', h)} ${unit('minute', m)}`;
}

/** "Mei 2026" for '2026-05'. */
export function formatMonth(month: string, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(parseDate(`${month}-01`));
}

/** The summary's body follows the calendar's Tukin line (same limit, `TUKIN_MESSAGE`). */
const SUMMARY_BODY = {
  aman: 'reminders_summary_body_aman',
  berisiko: 'reminders_summary_body_berisiko',
} as const satisfies Record<keyof typeof TUKIN_MESSAGE, ReminderMessageKey>;

/**
 * Title and body of a reminder's notification. The body names the day ("Senin, 30 November
 * 2026"); the title or body says the time left ("45 menit lagi") or that the target time has
 * passed ("Sudah lewat pukul 16:00, belum lapor").
 */
export function reminderMessage(reminder: Reminder, target: string, locale = 'id-ID'): ReminderText {
  const targetTime = clockText(target, locale);
  const day = formatLongDate(reminder.date, locale);
  const left = reminder.minutesLeft ?? 0;
  switch (reminder.kind) {
    case 'before':
      return {
        titleKey: 'reminders_before_title', titleSubs: [formatDuration(Math.max(1, left), locale)],
        bodyKey: 'reminders_before_body', bodySubs: [day, targetTime],
      };
    case 'morning':
      return { titleKey: 'reminders_morning_title', titleSubs: [], bodyKey: 'reminders_morning_body', bodySubs: [day, targetTime] };
    case 'last-call':
      return { titleKey: 'reminders_last_call_title', titleSubs: [targetTime], bodyKey: 'reminders_last_call_body', bodySubs: [day] };
    case 'catch-up':
      return left > 0
        ? {
          titleKey: 'reminders_catch_up_title', titleSubs: [],
          bodyKey: 'reminders_catch_up_body_left', bodySubs: [day, targetTime, formatDuration(left, locale)],
        }
        : { titleKey: 'reminders_catch_up_title', titleSubs: [], bodyKey: 'reminders_catch_up_body_late', bodySubs: [day, targetTime] };
    case 'monthly-summary': {
      const count = reminder.missedCount ?? 0;
      const month = reminder.month ?? reminder.date.slice(0, 7);
      return {
        titleKey: 'reminders_summary_title', titleSubs: [formatMonth(month, locale)],
        bodyKey: SUMMARY_BODY[tukinRisk(count)], bodySubs: [String(count)],
      };
    }
  }
}

/**
 * The popup's reminder line: do-not-disturb, today muted, a running snooze ("Pengingat ditunda
 * sampai 15:15"), the next reminder today ("Pengingat berikutnya 15:00") or on a later day
 * ("Pengingat berikutnya Sen, 30 Nov, 15:00"), or none scheduled. Times in the chosen zone.
 *
 * It describes `next`, the reminder the one pending alarm is set for (`nextAlarm`, the same
 * computation the background schedules): a snooze is named only while that alarm is the
 * snooze's own reminder. Once today is reported (or becomes a day off) the snooze's reminder is
 * gone and the alarm moves to a later day — and so does the line (issue 10, finding 11).
 */
export function popupReminderLine(
  next: Reminder | null,
  ctx: { now: number; zone: ZoneChoice; reminders: ReminderSettings; locale?: string },
): { key: ReminderMessageKey; subs: string[] } {
  const { now, zone, reminders } = ctx;
  const locale = ctx.locale ?? 'id-ID';
  const today = wallClock(new Date(now), zone).date;
  if (reminders.doNotDisturb) return { key: 'reminders_popup_dnd', subs: [] };
  if (isMuted(reminders, today)) return { key: 'reminders_popup_muted_today', subs: [] };
  if (!next) return { key: 'reminders_popup_none', subs: [] };
  if (reminders.snoozedUntil !== null && reminders.snoozedUntil > now && next.at === reminders.snoozedUntil) {
    return { key: 'reminders_popup_snoozed', subs: [clockText(wallClock(new Date(next.at), zone).time, locale)] };
  }
  const at = wallClock(new Date(next.at), zone);
  const time = clockText(at.time, locale);
  if (at.date === today) return { key: 'reminders_popup_next', subs: [time] };
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(parseDate(at.date));
  return { key: 'reminders_popup_next_day', subs: [day, time] };
}
