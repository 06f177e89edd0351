import { describe, expect, it } from 'vitest';
import {
  checkReminderSettings, DEFAULT_REMINDER_SETTINGS, isMuted, muteDate, snooze, unmuteDate, withReminderDefaults,
} from '@/utils/reminders/settings';

const codes = (patch: Record<string, unknown>, ctx?: { targetTime?: string }) => checkReminderSettings(patch, ctx).map((p) => p.code);

describe('DEFAULT_REMINDER_SETTINGS', () => {
  it('reminds 60 and 15 minutes ahead, monthly summary on, the rest off', () => {
    const d = DEFAULT_REMINDER_SETTINGS;
    expect(d.leadMinutes).toEqual([60, 15]);
    expect([d.monthlySummary, d.morning.enabled, d.lastCall.enabled, d.doNotDisturb]).toEqual([true, false, false, false]);
    expect([d.morning.time, d.lastCall.minutesAfter]).toEqual(['07:30', 30]);
    expect([d.mutedDates, d.snoozedUntil]).toEqual([[], null]);
    expect(Object.keys(d)).toHaveLength(7);
    expect(checkReminderSettings({ ...DEFAULT_REMINDER_SETTINGS }, { targetTime: '16:00' })).toEqual([]);
  });
});

describe('checkReminderSettings', () => {
  it('accepts lead times from 1 to 600 minutes, at most 6, without repeats', () => {
    expect(codes({ leadMinutes: [] })).toEqual([]);
    expect(codes({ leadMinutes: [1, 600, 30, 45, 90, 120] })).toEqual([]);
    expect(codes({ leadMinutes: [0] })).toEqual(['reminders_lead_invalid']);
    expect(codes({ leadMinutes: [601] })).toEqual(['reminders_lead_invalid']);
    expect(codes({ leadMinutes: [15.5] })).toEqual(['reminders_lead_invalid']);
    expect(codes({ leadMinutes: ['15'] })).toEqual(['reminders_lead_invalid']);
    expect(codes({ leadMinutes: 15 })).toEqual(['reminders_lead_invalid']);
    expect(codes({ leadMinutes: [1, 2, 3, 4, 5, 6, 7] })).toEqual(['reminders_lead_too_many']);
    expect(checkReminderSettings({ leadMinutes: [60, 15, 60] })).toEqual([
      { field: 'leadMinutes', code: 'reminders_lead_duplicate', index: 2 },
    ]);
    expect(checkReminderSettings({ leadMinutes: [60, -5] })).toEqual([
      { field: 'leadMinutes', code: 'reminders_lead_invalid', index: 1 },
    ]);
  });

  it('with the target time known, refuses a lead reaching back before midnight', () => {
    // Target 08:00 is 480 minutes after midnight.
    expect(codes({ leadMinutes: [480] }, { targetTime: '08:00' })).toEqual([]);
    expect(checkReminderSettings({ leadMinutes: [60, 481] }, { targetTime: '08:00' })).toEqual([
      { field: 'leadMinutes', code: 'reminders_lead_too_long', index: 1 },
    ]);
    expect(codes({ leadMinutes: [481] })).toEqual([]);
  });

  it('checks the morning reminder: a flag and a zero-padded HH:mm time before the target', () => {
    expect(codes({ morning: { enabled: true, time: '07:30' } })).toEqual([]);
    expect(codes({ morning: { enabled: true, time: '7:30' } })).toEqual(['reminders_time_invalid']);
    expect(codes({ morning: { enabled: false, time: '07.30' } })).toEqual(['reminders_time_invalid']);
    expect(codes({ morning: { enabled: true, time: '24:00' } })).toEqual(['reminders_time_invalid']);
    expect(codes({ morning: { enabled: 'yes', time: '07:30' } })).toEqual(['reminders_flag_invalid']);
    expect(codes({ morning: null })).toEqual(['reminders_flag_invalid']);
    expect(codes({ morning: { enabled: true, time: '16:00' } }, { targetTime: '16:00' })).toEqual(['reminders_morning_after_target']);
    expect(codes({ morning: { enabled: true, time: '15:59' } }, { targetTime: '16:00' })).toEqual([]);
  });

  it('checks the last call: a flag and 1 to 240 minutes', () => {
    expect(codes({ lastCall: { enabled: true, minutesAfter: 1 } })).toEqual([]);
    expect(codes({ lastCall: { enabled: true, minutesAfter: 240 } })).toEqual([]);
    expect(codes({ lastCall: { enabled: true, minutesAfter: 0 } })).toEqual(['reminders_last_call_invalid']);
    expect(codes({ lastCall: { enabled: true, minutesAfter: 241 } })).toEqual(['reminders_last_call_invalid']);
    expect(codes({ lastCall: { enabled: 1, minutesAfter: 30 } })).toEqual(['reminders_flag_invalid']);
  });

  it('checks flags, muted dates, the snooze and unknown fields', () => {
    expect(codes({ monthlySummary: false, doNotDisturb: true })).toEqual([]);
    expect(codes({ monthlySummary: 'no' })).toEqual(['reminders_flag_invalid']);
    expect(codes({ doNotDisturb: 0 })).toEqual(['reminders_flag_invalid']);
    expect(codes({ mutedDates: ['2026-11-30'] })).toEqual([]);
    expect(codes({ mutedDates: ['2026-02-30'] })).toEqual(['reminders_date_invalid']);
    expect(codes({ mutedDates: '2026-11-30' })).toEqual(['reminders_date_invalid']);
    expect(codes({ snoozedUntil: null })).toEqual([]);
    expect(codes({ snoozedUntil: 1_796_025_600_000 })).toEqual([]);
    expect(codes({ snoozedUntil: -1 })).toEqual(['reminders_snooze_invalid']);
    expect(codes({ snoozedUntil: Number.NaN })).toEqual(['reminders_snooze_invalid']);
    expect(checkReminderSettings({ leadTimes: [60] })).toEqual([{ field: 'leadTimes', code: 'reminders_unknown_field' }]);
  });

  it('reports every problem of a patch', () => {
    expect(codes({ leadMinutes: [0], morning: { enabled: true, time: 'x' }, doNotDisturb: 'x' }))
      .toEqual(['reminders_lead_invalid', 'reminders_time_invalid', 'reminders_flag_invalid']);
  });
});

describe('withReminderDefaults', () => {
  it('keeps valid stored values and falls back to the defaults for the rest', () => {
    const s = withReminderDefaults({ leadMinutes: [30], doNotDisturb: 'x' as unknown as boolean, morning: { enabled: true, time: '7:00' } });
    expect(s.leadMinutes).toEqual([30]);
    expect(s.doNotDisturb).toBe(false);
    expect(s.morning).toEqual({ enabled: false, time: '07:30' });
    expect(s.monthlySummary).toBe(true);
  });

  it('never shares arrays with the defaults', () => {
    const s = withReminderDefaults(undefined);
    s.leadMinutes.push(5);
    s.mutedDates.push('2026-11-30');
    expect(DEFAULT_REMINDER_SETTINGS.leadMinutes).toEqual([60, 15]);
    expect(DEFAULT_REMINDER_SETTINGS.mutedDates).toEqual([]);
  });
});

describe('mute and snooze', () => {
  it('mutes a date once, forgetting dates before today', () => {
    const before = { ...DEFAULT_REMINDER_SETTINGS, mutedDates: ['2026-11-20', '2026-12-01'] };
    const s = muteDate(muteDate(before, '2026-11-30', '2026-11-30'), '2026-11-30', '2026-11-30');
    expect(s.mutedDates).toEqual(['2026-11-30', '2026-12-01']);
    expect(isMuted(s, '2026-11-30')).toBe(true);
    expect(isMuted(unmuteDate(s, '2026-11-30'), '2026-11-30')).toBe(false);
    expect(before.mutedDates).toEqual(['2026-11-20', '2026-12-01']);
  });

  it('snoozes for 15 minutes', () => {
    const now = Date.parse('2026-11-30T08:00:00Z');
    expect(snooze(DEFAULT_REMINDER_SETTINGS, now).snoozedUntil).toBe(Date.parse('2026-11-30T08:15:00Z'));
    expect(snooze(DEFAULT_REMINDER_SETTINGS, now, 5).snoozedUntil).toBe(Date.parse('2026-11-30T08:05:00Z'));
  });
});
