import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_OFF_KINDS, type DayOffRecord } from '@/utils/db/schema';
import { localDate, wallClock } from '@/utils/calendar/dates';
import { HOLIDAYS } from '@/utils/calendar/holidays';
import { countingStart, missedDays, todayStatus, tukinRisk, type MissedDaysInput } from '@/utils/calendar/missed-days';
import { dayStatus, type CalendarConfig } from '@/utils/calendar/workdays';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const five: CalendarConfig = { workWeek: 5, daysOff: [] };
const six: CalendarConfig = { workWeek: 6, daysOff: [] };

function input(over: Partial<MissedDaysInput>): MissedDaysInput {
  return { from: '2026-01-01', today: '2026-01-01', nowTime: '08:00', targetTime: '16:00', cal: five, reported: [], ...over };
}

describe('missedDays', () => {
  it('counts unreported workdays up to yesterday before the target time', () => {
    // Mon 5 – Fri 9 Jan 2026; today Friday 9 at 15:59.
    const got = missedDays(input({ from: '2026-01-05', today: '2026-01-09', nowTime: '15:59', reported: ['2026-01-06'] }));
    expect(got).toEqual(['2026-01-05', '2026-01-07', '2026-01-08']);
  });

  it('counts today too once the target time is reached', () => {
    const base = input({ from: '2026-01-05', today: '2026-01-09', reported: new Set(['2026-01-06']) });
    expect(missedDays({ ...base, nowTime: '16:00' })).toEqual(['2026-01-05', '2026-01-07', '2026-01-08', '2026-01-09']);
    expect(missedDays({ ...base, nowTime: '23:59' })).toHaveLength(4);
    expect(missedDays({ ...base, nowTime: '00:00' })).toHaveLength(3);
    // Reported today: not missed, whatever the time.
    expect(missedDays({ ...base, nowTime: '17:00', reported: ['2026-01-06', '2026-01-09'] })).toEqual(['2026-01-05', '2026-01-07', '2026-01-08']);
  });

  it('crosses the year boundary, skipping Natal, cuti bersama, 1 January and the weekend', () => {
    // Today Monday 5 Jan 2026, 09:00: last counted day is Friday 2 January.
    const got = missedDays(input({ from: '2025-12-22', today: '2026-01-05', nowTime: '09:00', reported: ['2025-12-23'] }));
    expect(got).toEqual(['2025-12-22', '2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02']);
  });

  it('counts a month: all of February 2026 unreported is 18 days (16 Feb cuti bersama, 17 Feb Imlek)', () => {
    const got = missedDays(input({ from: '2026-02-01', today: '2026-03-01', nowTime: '08:00' }));
    expect(got).toHaveLength(18);
    expect(got).not.toContain('2026-02-16');
    expect(got).not.toContain('2026-02-17');
    expect(got[0]).toBe('2026-02-02');
    expect(got.at(-1)).toBe('2026-02-27');
  });

  it('counts Saturdays in a 6-day week', () => {
    const got = missedDays(input({ from: '2026-01-05', today: '2026-01-12', nowTime: '08:00', cal: six }));
    expect(got).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10']);
  });

  it('leaves out a leave range crossing a month', () => {
    const leave: DayOffRecord = { id: 'a', start: '2026-01-29', end: '2026-02-03', kind: 'cuti-tahunan', note: '' };
    const got = missedDays(input({ from: '2026-01-26', today: '2026-02-05', nowTime: '08:00', cal: { workWeek: 5, daysOff: [leave] } }));
    expect(got).toEqual(['2026-01-26', '2026-01-27', '2026-01-28', '2026-02-04']);
  });

  it('in a year without data, every weekday counts until the user adds holidays', () => {
    const got = missedDays(input({ from: '2027-01-01', today: '2027-01-06', nowTime: '08:00' }));
    expect(got).toEqual(['2027-01-01', '2027-01-04', '2027-01-05']);
    const extra: DayOffRecord = { id: 'n', start: '2027-01-01', end: '2027-01-01', kind: 'libur-tambahan', note: 'Tahun Baru' };
    expect(missedDays(input({ from: '2027-01-01', today: '2027-01-06', nowTime: '08:00', cal: { workWeek: 5, daysOff: [extra] } })))
      .toEqual(['2027-01-04', '2027-01-05']);
  });

  it('is empty when counting starts after today', () => {
    expect(missedDays(input({ from: '2026-01-10', today: '2026-01-09', nowTime: '20:00' }))).toEqual([]);
    expect(missedDays(input({ from: '2026-01-09', today: '2026-01-09', nowTime: '20:00' }))).toEqual(['2026-01-09']);
  });

  it('an unreadable time never counts today', () => {
    expect(missedDays(input({ from: '2026-01-09', today: '2026-01-09', nowTime: 'sore' }))).toEqual([]);
    expect(missedDays(input({ from: '2026-01-09', today: '2026-01-09', nowTime: '9:30', targetTime: '09:00' }))).toEqual(['2026-01-09']);
  });
});

describe('todayStatus', () => {
  const base = { today: '2026-01-09', targetTime: '16:00', cal: five, reported: [] as string[] };

  it('not yet, missed, reported', () => {
    expect(todayStatus({ ...base, nowTime: '15:59' })).toEqual({ state: 'not-yet' });
    expect(todayStatus({ ...base, nowTime: '16:00' })).toEqual({ state: 'missed' });
    expect(todayStatus({ ...base, nowTime: '16:00', reported: ['2026-01-09'] })).toEqual({ state: 'reported' });
    expect(todayStatus({ ...base, nowTime: '07:00', reported: new Set(['2026-01-09']) })).toEqual({ state: 'reported' });
  });

  it('not a workday, with the reason', () => {
    expect(todayStatus({ ...base, today: '2026-01-10', nowTime: '20:00' })).toEqual({ state: 'off', off: { workday: false, reason: 'weekend' }, reported: false });
    const s = todayStatus({ ...base, today: '2026-08-17', nowTime: '20:00', reported: ['2026-08-17'] });
    expect(s).toMatchObject({ state: 'off', off: { reason: 'libur-nasional' }, reported: true });
  });
});

describe('zone change: 2026-11-29T16:30:00Z', () => {
  const now = new Date('2026-11-29T16:30:00Z');

  it('is 23:30 on Sunday 29th in WIB but 01:30 on Monday 30th in WIT', () => {
    expect(wallClock(now, 'Asia/Jakarta')).toEqual({ date: '2026-11-29', time: '23:30' });
    expect(wallClock(now, 'Asia/Makassar')).toEqual({ date: '2026-11-30', time: '00:30' });
    expect(wallClock(now, 'Asia/Jayapura')).toEqual({ date: '2026-11-30', time: '01:30' });
    expect(localDate(now, 'Asia/Jakarta')).toBe('2026-11-29');
    expect(localDate(now, 'Asia/Jayapura')).toBe('2026-11-30');
  });

  it('gives a different "today"', () => {
    const status = (zone: 'Asia/Jakarta' | 'Asia/Jayapura') => {
      const { date, time } = wallClock(now, zone);
      return todayStatus({ today: date, nowTime: time, targetTime: '16:00', cal: five, reported: [] });
    };
    expect(status('Asia/Jakarta')).toEqual({ state: 'off', off: { workday: false, reason: 'weekend' }, reported: false });
    expect(status('Asia/Jayapura')).toEqual({ state: 'not-yet' });
  });

  it('counts Monday 30th as missed in WIT at 17:30 while WIB (15:30) still waits', () => {
    const later = new Date('2026-11-30T08:30:00Z');
    const count = (zone: 'Asia/Jakarta' | 'Asia/Jayapura') => {
      const { date, time } = wallClock(later, zone);
      return missedDays({ from: '2026-11-23', today: date, nowTime: time, targetTime: '16:00', cal: five, reported: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'] });
    };
    expect(count('Asia/Jakarta')).toEqual([]);
    expect(count('Asia/Jayapura')).toEqual(['2026-11-30']);
  });
});

describe('countingStart', () => {
  it('defaults to the first of the month', () => {
    expect(countingStart(null, '2025-12-10', '2026-01-20')).toBe('2026-01-01');
    expect(countingStart(null, '2026-01-01', '2026-01-20')).toBe('2026-01-01');
  });

  it('never before the extension was set up', () => {
    expect(countingStart(null, '2026-01-10', '2026-01-20')).toBe('2026-01-10');
    expect(countingStart(null, '2026-01-20', '2026-01-20')).toBe('2026-01-20');
  });

  it('from the first of the month when the site has shown the whole month so far, also after a mid-month set-up', () => {
    expect(countingStart(null, '2026-01-10', '2026-01-20', true)).toBe('2026-01-01');
    expect(countingStart('2026-01-15', '2026-01-10', '2026-01-20', true)).toBe('2026-01-15'); // the user's choice still wins
  });

  it("uses the user's explicit choice, even before setup", () => {
    expect(countingStart('2025-11-01', '2026-01-10', '2026-01-20')).toBe('2025-11-01');
    expect(countingStart('2026-01-15', '2026-01-10', '2026-01-20')).toBe('2026-01-15');
    expect(countingStart('bukan tanggal', '2026-01-10', '2026-01-20')).toBe('2026-01-10');
  });
});

describe('tukinRisk', () => {
  it('up to 5 missed days is safe, more is at risk', () => {
    expect(tukinRisk(0)).toBe('aman');
    expect(tukinRisk(5)).toBe('aman');
    expect(tukinRisk(6)).toBe('berisiko');
    expect(tukinRisk(22)).toBe('berisiko');
  });
});

// ---- properties over random calendars -------------------------------------------------------

const BASE_UTC = Date.UTC(2025, 10, 1); // 2025-11-01
const SPAN = 500; // days: Nov 2025 … Mar 2027, across two years and one without data
const dateAt = (i: number) => new Date(BASE_UTC + i * 86_400_000).toISOString().slice(0, 10);
const dateArb = fc.integer({ min: 0, max: SPAN }).map(dateAt);
const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const dayOffArb = fc.record({
  id: fc.uuid(),
  start: fc.integer({ min: 0, max: SPAN }),
  length: fc.integer({ min: 0, max: 15 }),
  kind: fc.constantFrom(...DAY_OFF_KINDS),
  note: fc.string({ maxLength: 8 }),
}).map(({ id, start, length, kind, note }): DayOffRecord => ({ id, start: dateAt(start), end: dateAt(start + length), kind, note }));
const shippedDates = HOLIDAYS.map((h) => h.date);
const calArb: fc.Arbitrary<CalendarConfig> = fc.record({
  workWeek: fc.constantFrom(5 as const, 6 as const),
  daysOff: fc.array(dayOffArb, { maxLength: 6 }),
  removedHolidays: fc.subarray(shippedDates, { maxLength: 3 }),
});
const inputArb: fc.Arbitrary<MissedDaysInput> = fc.record({
  from: dateArb,
  today: dateArb,
  nowTime: timeArb,
  targetTime: timeArb,
  cal: calArb,
  reported: fc.array(dateArb, { maxLength: 60 }),
});

/** Independent day walk for the properties (plain UTC arithmetic). */
function walk(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('missedDays properties', () => {
  const runs = { numRuns: 150 };

  it('is exactly the unreported workdays up to yesterday (and today past target), sorted and unique', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(inputArb, (inp) => {
      const got = missedDays(inp);
      const reported = new Set(inp.reported as string[]);
      const range = walk(inp.from, inp.today);
      const workdays = range.filter((d) => dayStatus(d, inp.cal).workday);
      expect(got.length).toBeLessThanOrEqual(workdays.length);
      for (let i = 1; i < got.length; i++) expect(got[i - 1]! < got[i]!).toBe(true);
      for (const d of got) {
        expect(d >= inp.from && d <= inp.today).toBe(true);
        expect(dayStatus(d, inp.cal).workday).toBe(true);
        expect(reported.has(d)).toBe(false);
      }
      const expected = workdays.filter((d) => !reported.has(d) && (d < inp.today || inp.nowTime >= inp.targetTime));
      expect(got).toEqual(expected);
    }), runs);
  });

  it('adding a report never increases the count', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(inputArb, dateArb, (inp, extra) => {
      const before = missedDays(inp);
      const after = missedDays({ ...inp, reported: [...(inp.reported as string[]), extra] });
      expect(after.length).toBeLessThanOrEqual(before.length);
      expect(after.every((d) => before.includes(d))).toBe(true);
      expect(after).not.toContain(extra);
    }), runs);
  });

  it('adding a day off (any kind) never increases the count', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(inputArb, dayOffArb, (inp, extra) => {
      const before = missedDays(inp);
      const after = missedDays({ ...inp, cal: { ...inp.cal, daysOff: [...inp.cal.daysOff, extra] } });
      expect(after.length).toBeLessThanOrEqual(before.length);
      expect(after.every((d) => before.includes(d))).toBe(true);
    }), runs);
  });

  it('a 6-day week never misses fewer days than a 5-day week', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(inputArb, (inp) => {
      const f = missedDays({ ...inp, cal: { ...inp.cal, workWeek: 5 } });
      const s = missedDays({ ...inp, cal: { ...inp.cal, workWeek: 6 } });
      expect(f.every((d) => s.includes(d))).toBe(true);
    }), runs);
  });

  it("today is counted exactly when todayStatus says 'missed'", { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(inputArb, (inp) => {
      const withToday = missedDays({ ...inp, from: inp.today }).includes(inp.today);
      expect(withToday).toBe(todayStatus(inp).state === 'missed');
    }), runs);
  });
});
