import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '@/utils/calendar/dates';
import { addDays, isWorkday, type CalendarConfig } from '@/utils/calendar/workdays';
import { catchUp, dueReminder, LOOKAHEAD_DAYS, nextAlarm, nextReminders, type ReminderInput } from '@/utils/reminders/next-reminder';
import type { ReminderSettings } from '@/utils/reminders/settings';
import { ZONES } from '@/utils/calendar/dates';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
const MIN = Date.parse('2025-11-01T00:00:00Z');
const MAX = Date.parse('2027-01-31T00:00:00Z');

/** A world: now, settings, calendar and reports around now. */
const world = fc.record({
  now: fc.integer({ min: MIN, max: MAX }),
  zone: fc.constantFrom(...ZONES.filter((z) => z !== 'browser')),
  targetTime: hhmm,
  leadMinutes: fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { maxLength: 6 }),
  morning: fc.record({ enabled: fc.boolean(), time: hhmm }),
  lastCall: fc.record({ enabled: fc.boolean(), minutesAfter: fc.integer({ min: 1, max: 240 }) }),
  monthlySummary: fc.boolean(),
  doNotDisturb: fc.boolean(),
  /** Offsets (days from today) that are reported, muted, off. */
  reportedDays: fc.uniqueArray(fc.integer({ min: -40, max: LOOKAHEAD_DAYS }), { maxLength: 30 }),
  mutedDays: fc.uniqueArray(fc.integer({ min: -1, max: LOOKAHEAD_DAYS }), { maxLength: 3 }),
  offDays: fc.uniqueArray(fc.integer({ min: 0, max: LOOKAHEAD_DAYS }), { maxLength: 4 }),
  workWeek: fc.constantFrom(5 as const, 6 as const),
  snoozeMinutes: fc.option(fc.integer({ min: -120, max: 120 }), { nil: null }),
  countBack: fc.integer({ min: 0, max: 60 }),
});

function build(w: typeof world extends fc.Arbitrary<infer T> ? T : never): ReminderInput {
  const today = localDate(new Date(w.now), w.zone);
  const day = (n: number) => addDays(today, n);
  const cal: CalendarConfig = {
    workWeek: w.workWeek,
    daysOff: w.offDays.map((n) => ({ id: `o${n}`, start: day(n), end: day(n), kind: 'sakit', note: '' })),
  };
  const reminders: ReminderSettings = {
    leadMinutes: w.leadMinutes, morning: w.morning, lastCall: w.lastCall, monthlySummary: w.monthlySummary,
    doNotDisturb: w.doNotDisturb, mutedDates: w.mutedDays.map(day),
    snoozedUntil: w.snoozeMinutes === null ? null : w.now + w.snoozeMinutes * 60_000,
  };
  return {
    now: w.now, zone: w.zone, targetTime: w.targetTime, reminders, cal,
    reported: new Set(w.reportedDays.map(day)), countingStart: day(-w.countBack),
  };
}

describe('nextReminders (properties)', () => {
  it('only future times, strictly in order, on working days that need them', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(world, (w) => {
      const input = build(w);
      const got = nextReminders(input);
      const today = localDate(new Date(input.now), input.zone);
      if (input.reminders.doNotDisturb) expect(got).toEqual([]);
      got.forEach((r, i) => {
        expect(r.at).toBeGreaterThan(input.now);
        if (i > 0) expect(r.at).toBeGreaterThan(got[i - 1]!.at);
        expect(localDate(new Date(r.at), input.zone)).toBe(r.date);
        expect(r.date >= today).toBe(true);
        expect(isWorkday(r.date, input.cal)).toBe(true);
        expect(input.reminders.mutedDates).not.toContain(r.date);
        if (r.kind === 'monthly-summary') expect(r.missedCount).toBeGreaterThan(0);
        else expect(input.reported.has(r.date)).toBe(false);
        const until = input.reminders.snoozedUntil;
        if (until !== null && until > input.now) expect(r.at).toBeGreaterThanOrEqual(until);
      });
    }), { numRuns: 150 });
  });

  it('nextAlarm is the first of the list and the same on every call', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(world, (w) => {
      const input = build(w);
      const first = nextAlarm(input);
      expect(first).toEqual(nextReminders(input)[0] ?? null);
      expect(nextAlarm(build(w))).toEqual(first);
      expect(nextReminders({ ...input, limit: 3 })).toEqual(nextReminders(input).slice(0, 3));
    }), { numRuns: 100 });
  });

  it('a catch-up is at most one reminder, at now, about today', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(world, fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: null }), (w, agoMinutes) => {
      const input = build(w);
      const lastFiredAt = agoMinutes === null ? null : input.now - agoMinutes * 60_000;
      const today = localDate(new Date(input.now), input.zone);
      for (const got of [catchUp({ ...input, lastFiredAt }), dueReminder({ ...input, lastFiredAt })]) {
        if (got === null) continue;
        expect(got.date).toBe(today);
        expect(got.at).toBeLessThanOrEqual(input.now);
        expect(isWorkday(today, input.cal)).toBe(true);
        expect(input.reminders.doNotDisturb).toBe(false);
        if (got.kind !== 'monthly-summary') expect(input.reported.has(today)).toBe(false);
      }
    }), { numRuns: 150 });
  });
});
