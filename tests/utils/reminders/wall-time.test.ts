import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClock } from '@/utils/calendar/dates';
import { epochAt } from '@/utils/reminders/wall-time';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const ms = (iso: string) => Date.parse(iso);

describe('epochAt', () => {
  it('reads a wall-clock time in WIB, WITA and WIT (UTC+7, +8, +9)', () => {
    expect(epochAt('2026-11-30', '15:00', 'Asia/Jakarta')).toBe(ms('2026-11-30T08:00:00Z'));
    expect(epochAt('2026-11-30', '15:00', 'Asia/Makassar')).toBe(ms('2026-11-30T07:00:00Z'));
    expect(epochAt('2026-11-30', '15:00', 'Asia/Jayapura')).toBe(ms('2026-11-30T06:00:00Z'));
  });

  it('crosses midnight back into the previous UTC day', () => {
    // 05:00 WIB on 1 January is still 31 December in UTC.
    expect(epochAt('2026-01-01', '05:00', 'Asia/Jakarta')).toBe(ms('2025-12-31T22:00:00Z'));
    expect(epochAt('2026-03-01', '00:00', 'Asia/Jayapura')).toBe(ms('2026-02-28T15:00:00Z'));
  });

  it("uses the runtime's own zone for 'browser'", () => {
    expect(epochAt('2026-11-30', '15:00', 'browser')).toBe(new Date(2026, 10, 30, 15, 0).getTime());
    expect(epochAt('2026-07-01', '07:30', 'browser')).toBe(new Date(2026, 6, 1, 7, 30).getTime());
  });

  it('handles daylight saving in a zone that has it', () => {
    // Berlin: CET (UTC+1) in winter, CEST (UTC+2) in summer.
    expect(epochAt('2026-01-15', '16:00', 'Europe/Berlin')).toBe(ms('2026-01-15T15:00:00Z'));
    expect(epochAt('2026-07-15', '16:00', 'Europe/Berlin')).toBe(ms('2026-07-15T14:00:00Z'));
    // The change day itself (29 March 2026, 02:00 → 03:00): after the change.
    expect(epochAt('2026-03-29', '16:00', 'Europe/Berlin')).toBe(ms('2026-03-29T14:00:00Z'));
    // A skipped time moves forward by the gap: 02:30 → 03:30 CEST.
    expect(epochAt('2026-03-29', '02:30', 'Europe/Berlin')).toBe(ms('2026-03-29T01:30:00Z'));
    // A repeated time (25 October 2026, 03:00 → 02:00) gives the first one, still CEST.
    expect(epochAt('2026-10-25', '02:30', 'Europe/Berlin')).toBe(ms('2026-10-25T00:30:00Z'));
    // New York: EDT (UTC−4) in summer.
    expect(epochAt('2026-07-04', '09:15', 'America/New_York')).toBe(ms('2026-07-04T13:15:00Z'));
  });

  it('gives NaN for an unreadable date or time', () => {
    expect(epochAt('2026-11-3', '15:00', 'Asia/Jakarta')).toBeNaN();
    expect(epochAt('2026-11-30', '7:30', 'Asia/Jakarta')).toBeNaN();
    expect(epochAt('', '', 'Asia/Jakarta')).toBeNaN();
  });

  it('round-trips with the zone wall clock (property)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
    fc.assert(fc.property(
      fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(...zones),
      (d, h, m, zone) => {
        const date = d.toISOString().slice(0, 10);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const at = epochAt(date, time, zone);
        expect(wallClock(new Date(at), zone)).toEqual({ date, time });
      },
    ), { numRuns: 200 });
  });
});
