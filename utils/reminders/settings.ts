/**
 * Reminder settings (options page, "Jadwal & Pengingat"). The day's target time, the zone and the
 * work week are app settings (utils/settings/settings.ts) and are passed in where needed.
 */
import { isTime, isValidDate, minutesOfDay } from '../calendar/dates';

export interface ReminderSettings {
  /** Minutes before the target time at which to remind, e.g. [60, 15]. */
  leadMinutes: number[];
  /** A reminder in the morning (the published daily checklist), off by default. */
  morning: { enabled: boolean; time: string };
  /** One more reminder after the target time has passed, off by default. */
  lastCall: { enabled: boolean; minutesAfter: number };
  /** On the first working day of a month, last month's unreported days (only when there were any). */
  monthlySummary: boolean;
  /** No reminders at all. */
  doNotDisturb: boolean;
  /** Dates (`YYYY-MM-DD`) muted with the popup's "Bisukan hari ini". */
  mutedDates: string[];
  /** Epoch ms until which reminders wait ("Tunda 15 menit"); null when not snoozed. */
  snoozedUntil: number | null;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  leadMinutes: [60, 15],
  morning: { enabled: false, time: '07:30' },
  lastCall: { enabled: false, minutesAfter: 30 },
  monthlySummary: true,
  doNotDisturb: false,
  mutedDates: [],
  snoozedUntil: null,
};

/** Limits the options page enforces. */
export const LEAD_MIN = 1;
export const LEAD_MAX = 600;
export const LEADS_MAX_COUNT = 6;
export const LAST_CALL_MIN = 1;
export const LAST_CALL_MAX = 240;
/** "Tunda 15 menit": the message text says 15 too (reminders_button_snooze). */
export const SNOOZE_MINUTES = 15;

export type ReminderSettingsProblem =
  /** A lead time that is not a whole number of minutes from 1 to 600 (`index` into the list). */
  | { field: 'leadMinutes'; code: 'reminders_lead_invalid'; index?: number }
  | { field: 'leadMinutes'; code: 'reminders_lead_duplicate'; index: number }
  | { field: 'leadMinutes'; code: 'reminders_lead_too_many' }
  /** With the target time known: a lead that would fall before midnight of the day. */
  | { field: 'leadMinutes'; code: 'reminders_lead_too_long'; index: number }
  | { field: 'morning'; code: 'reminders_time_invalid' | 'reminders_flag_invalid' }
  /** With the target time known: a morning reminder at or after it. */
  | { field: 'morning'; code: 'reminders_morning_after_target' }
  | { field: 'lastCall'; code: 'reminders_last_call_invalid' | 'reminders_flag_invalid' }
  | { field: 'monthlySummary' | 'doNotDisturb'; code: 'reminders_flag_invalid' }
  | { field: 'mutedDates'; code: 'reminders_date_invalid' }
  | { field: 'snoozedUntil'; code: 'reminders_snooze_invalid' }
  | { field: string; code: 'reminders_unknown_field' };

function isWhole(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkLeads(value: unknown, targetTime: string | undefined): ReminderSettingsProblem[] {
  if (!Array.isArray(value)) return [{ field: 'leadMinutes', code: 'reminders_lead_invalid' }];
  const problems: ReminderSettingsProblem[] = [];
  const target = targetTime === undefined ? NaN : minutesOfDay(targetTime);
  const seen = new Set<number>();
  value.forEach((lead: unknown, index) => {
    if (!isWhole(lead, LEAD_MIN, LEAD_MAX)) {
      problems.push({ field: 'leadMinutes', code: 'reminders_lead_invalid', index });
    } else if (seen.has(lead)) {
      problems.push({ field: 'leadMinutes', code: 'reminders_lead_duplicate', index });
    } else {
      seen.add(lead);
      if (lead > target) problems.push({ field: 'leadMinutes', code: 'reminders_lead_too_long', index });
    }
  });
  if (value.length > LEADS_MAX_COUNT) problems.push({ field: 'leadMinutes', code: 'reminders_lead_too_many' });
  return problems;
}

/**
 * Checks a (partial) reminder-settings object; returns every problem found, empty when valid.
 * `morning` and `lastCall` are checked as whole objects. When `context.targetTime` is given, also
 * checks the settings against it: the morning reminder must come before the target time, and a
 * lead time may not reach back before midnight (it would never be shown).
 */
export function checkReminderSettings(
  patch: Record<string, unknown>,
  context: { targetTime?: string } = {},
): ReminderSettingsProblem[] {
  const problems: ReminderSettingsProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    switch (field) {
      case 'leadMinutes':
        problems.push(...checkLeads(value, context.targetTime));
        break;
      case 'morning':
        if (!isRecord(value) || typeof value.enabled !== 'boolean') {
          problems.push({ field, code: 'reminders_flag_invalid' });
        } else if (!isTime(value.time)) {
          problems.push({ field, code: 'reminders_time_invalid' });
        } else if (context.targetTime !== undefined && minutesOfDay(value.time) >= minutesOfDay(context.targetTime)) {
          problems.push({ field, code: 'reminders_morning_after_target' });
        }
        break;
      case 'lastCall':
        if (!isRecord(value) || typeof value.enabled !== 'boolean') {
          problems.push({ field, code: 'reminders_flag_invalid' });
        } else if (!isWhole(value.minutesAfter, LAST_CALL_MIN, LAST_CALL_MAX)) {
          problems.push({ field, code: 'reminders_last_call_invalid' });
        }
        break;
      case 'monthlySummary':
      case 'doNotDisturb':
        if (typeof value !== 'boolean') problems.push({ field, code: 'reminders_flag_invalid' });
        break;
      case 'mutedDates':
        if (!Array.isArray(value) || !value.every((d) => typeof d === 'string' && isValidDate(d))) {
          problems.push({ field, code: 'reminders_date_invalid' });
        }
        break;
      case 'snoozedUntil':
        if (value !== null && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
          problems.push({ field, code: 'reminders_snooze_invalid' });
        }
        break;
      default:
        problems.push({ field, code: 'reminders_unknown_field' });
    }
  }
  return problems;
}

/** Defaults, overlaid with the stored values that are still valid (on their own). */
export function withReminderDefaults(stored: Partial<ReminderSettings> | undefined): ReminderSettings {
  const merged: ReminderSettings = structuredClone(DEFAULT_REMINDER_SETTINGS);
  if (!stored) return merged;
  for (const [field, value] of Object.entries(stored)) {
    if (field in DEFAULT_REMINDER_SETTINGS && checkReminderSettings({ [field]: value }).length === 0) {
      (merged as unknown as Record<string, unknown>)[field] = structuredClone(value);
    }
  }
  return merged;
}

/**
 * "Bisukan hari ini": `date` added to the muted dates; dates before `today` are dropped so the
 * list does not grow forever.
 */
export function muteDate(settings: ReminderSettings, date: string, today: string): ReminderSettings {
  const kept = settings.mutedDates.filter((d) => d >= today && d !== date);
  return { ...settings, mutedDates: [...kept, date].sort() };
}

/** Undoes `muteDate` for `date`. */
export function unmuteDate(settings: ReminderSettings, date: string): ReminderSettings {
  return { ...settings, mutedDates: settings.mutedDates.filter((d) => d !== date) };
}

/** Whether `date` is muted. */
export function isMuted(settings: Pick<ReminderSettings, 'mutedDates'>, date: string): boolean {
  return settings.mutedDates.includes(date);
}

/** "Tunda 15 menit": reminders wait until `now` + `minutes`. */
export function snooze(settings: ReminderSettings, now: number, minutes = SNOOZE_MINUTES): ReminderSettings {
  return { ...settings, snoozedUntil: now + minutes * 60_000 };
}
