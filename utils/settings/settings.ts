/** User settings: one record, merged over these defaults on every read so that a
 * setting added by a later version has a value in databases created before it. */

import { isTime, isValidDate, ZONES, type ZoneChoice } from '../calendar/dates';
import { checkReminderSettings, DEFAULT_REMINDER_SETTINGS, withReminderDefaults, type ReminderSettings, type ReminderSettingsProblem } from '../reminders/settings';

export interface Settings {
  /** Time zone used for "today" and every schedule: the browser's, or WIB / WITA / WIT. */
  zone: ZoneChoice;
  /** Working days per week: 5 (Mon–Fri) or 6 (Mon–Sat). */
  workWeek: 5 | 6;
  /** The time by which the day's Progres Harian should be entered, `HH:mm`. */
  targetTime: string;
  /** First day missed days are counted from, chosen by the user; null = the month's first day. */
  countFrom: string | null;
  /** The day the extension was set up (`YYYY-MM-DD`); missed days never count before it by default. */
  installedOn: string | null;
  /** Reminders before the target time (utils/reminders/settings.ts). */
  reminders: ReminderSettings;
}

/** A change to the settings: any top-level field, and any part of the reminders. */
export type SettingsPatch = Partial<Omit<Settings, 'reminders'>> & { reminders?: Partial<ReminderSettings> };

/** The settings after `patch` (reminders are merged field by field). */
export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  return { ...settings, ...patch, reminders: { ...settings.reminders, ...patch.reminders } };
}

export const DEFAULT_SETTINGS: Settings = {
  zone: 'browser',
  workWeek: 5,
  targetTime: '16:00',
  countFrom: null,
  installedOn: null,
  reminders: DEFAULT_REMINDER_SETTINGS,
};

export type SettingsProblem =
  | { field: 'zone'; code: 'settings_zone_invalid' }
  | { field: 'workWeek'; code: 'settings_workweek_invalid' }
  | { field: 'targetTime'; code: 'settings_time_invalid' }
  | { field: 'countFrom' | 'installedOn'; code: 'settings_date_invalid' }
  | { field: 'reminders'; code: ReminderSettingsProblem['code']; detail: ReminderSettingsProblem }
  | { field: string; code: 'settings_unknown_field' };

/** Checks a (partial) settings object; returns every problem found, empty when valid. */
export function checkSettings(patch: Record<string, unknown>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    switch (field) {
      case 'zone':
        if (!(ZONES as readonly unknown[]).includes(value)) problems.push({ field, code: 'settings_zone_invalid' });
        break;
      case 'workWeek':
        if (value !== 5 && value !== 6) problems.push({ field, code: 'settings_workweek_invalid' });
        break;
      case 'targetTime':
        if (typeof value !== 'string' || !isTime(value)) problems.push({ field, code: 'settings_time_invalid' });
        break;
      case 'reminders': {
        const target = typeof patch.targetTime === 'string' ? patch.targetTime : undefined;
        const inner = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : { reminders: value };
        for (const p of checkReminderSettings(inner, target ? { targetTime: target } : undefined)) {
          problems.push({ field: 'reminders', code: p.code, detail: p });
        }
        break;
      }
      case 'countFrom':
      case 'installedOn':
        if (value !== null && (typeof value !== 'string' || !isValidDate(value))) problems.push({ field, code: 'settings_date_invalid' });
        break;
      default:
        problems.push({ field, code: 'settings_unknown_field' });
    }
  }
  return problems;
}

/** Defaults, overlaid with the stored values that are still valid. */
export function withDefaults(stored: Readonly<Record<string, unknown>> | undefined): Settings {
  const merged: Settings = { ...DEFAULT_SETTINGS };
  if (!stored) return merged;
  for (const [field, value] of Object.entries(stored)) {
    if (field === 'reminders') {
      merged.reminders = withReminderDefaults(value as Partial<ReminderSettings>);
    } else if (field in DEFAULT_SETTINGS && checkSettings({ [field]: value }).length === 0) {
      (merged as unknown as Record<string, unknown>)[field] = value;
    }
  }
  return merged;
}
