import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayOffRecord } from '@/utils/db/schema';
import {
  formatDayRange, formatMonth, isMonth, monthGrid, shiftMonth, weekdayNames,
  type GridDay, type MonthGridInput,
} from '@/utils/calendar/month-grid';
import type { CalendarConfig } from '@/utils/calendar/workdays';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const five: CalendarConfig = { workWeek: 5, daysOff: [] };
const none: ReadonlySet<string> = new Set();

function off(start: string, end: string, kind: DayOffRecord['kind'], note = ''): DayOffRecord {
  return { id: `${kind}-${start}`, start, end, kind, note };
}

function grid(month: string, over: Partial<MonthGridInput> = {}) {
  return monthGrid({ month, today: '2026-11-12', cal: five, reported: none, missed: none, ...over });
}

function cell(weeks: GridDay[][], date: string): GridDay {
  const found = weeks.flat().find((d) => d.date === date);
  if (!found) throw new Error(`${date} not in grid`);
  return found;
}

describe('monthGrid layout', () => {
  it('starts November 2026 (1 Nov is a Sunday) on Monday 26 October, in six rows', () => {
    const weeks = grid('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]!.map((d) => d.date)).toEqual([
      '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01',
    ]);
    expect(weeks[0]!.map((d) => d.inMonth)).toEqual([false, false, false, false, false, false, true]);
    expect(weeks[5]!.map((d) => d.date)).toEqual([
      '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06',
    ]);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
  });

  it('uses five rows for December 2026 and four for February 2027 (starts on a Monday)', () => {
    const dec = grid('2026-12');
    expect(dec).toHaveLength(5);
    expect(dec[0]![0]!.date).toBe('2026-11-30');
    expect(dec[4]![6]!.date).toBe('2027-01-03');
    const feb = grid('2027-02');
    expect(feb).toHaveLength(4);
    expect(feb[0]![0]).toMatchObject({ date: '2027-02-01', inMonth: true });
    expect(feb[3]![6]).toMatchObject({ date: '2027-02-28', inMonth: true });
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => grid('2026-13')).toThrow(RangeError);
    expect(() => grid('2026-1')).toThrow(RangeError);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth('2026-09')).toBe(true);
  });

  it('has every day of any month exactly once, Monday first, in whole weeks', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      const weeks = grid(month);
      const days = weeks.flat();
      const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const inMonth = days.filter((d) => d.inMonth).map((d) => d.date);
      expect(inMonth).toEqual(Array.from({ length }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`));
      expect(weeks.length).toBeGreaterThanOrEqual(4);
      expect(weeks.length).toBeLessThanOrEqual(6);
      for (const w of weeks) {
        expect(w).toHaveLength(7);
        expect(new Date(`${w[0]!.date}T12:00:00Z`).getUTCDay()).toBe(1);
      }
      // Consecutive dates, no gaps or repeats.
      for (let i = 1; i < days.length; i++) {
        const diff = Date.parse(`${days[i]!.date}T00:00:00Z`) - Date.parse(`${days[i - 1]!.date}T00:00:00Z`);
        expect(diff).toBe(86_400_000);
      }
    }), { numRuns: 200 });
  });
});

describe('monthGrid kinds', () => {
  it('marks cuti bersama on 24 and Natal on 25 December 2026, with their names', () => {
    const weeks = grid('2026-12');
    expect(cell(weeks, '2026-12-24')).toMatchObject({ kind: 'cuti-bersama', name: 'Cuti bersama Natal' });
    expect(cell(weeks, '2026-12-25')).toMatchObject({ kind: 'libur-nasional', name: 'Kelahiran Yesus Kristus (Natal)' });
    expect(cell(weeks, '2026-12-26').kind).toBe('weekend');
    expect(cell(weeks, '2026-12-23').kind).toBe('future');
  });

  it('shows a holiday that falls on a Sunday as the holiday', () => {
    expect(cell(grid('2026-03'), '2026-03-22')).toMatchObject({ kind: 'libur-nasional', name: 'Idul Fitri 1447 H' });
  });

  it('shows a shipped date the user removed as an ordinary working day', () => {
    const weeks = grid('2026-12', { cal: { workWeek: 5, daysOff: [], removedHolidays: ['2026-12-24'] } });
    expect(cell(weeks, '2026-12-24').kind).toBe('future');
    expect(cell(weeks, '2026-12-24').name).toBeUndefined();
  });

  it('spreads a range of leave over its working days; weekends inside stay weekends', () => {
    const cal: CalendarConfig = { workWeek: 5, daysOff: [off('2026-11-27', '2026-11-30', 'cuti-tahunan', 'Pulang kampung')] };
    const weeks = grid('2026-11', { cal });
    expect(cell(weeks, '2026-11-26').kind).toBe('future');
    expect(cell(weeks, '2026-11-27')).toMatchObject({ kind: 'day-off', dayOffKind: 'cuti-tahunan', note: 'Pulang kampung' });
    expect(cell(weeks, '2026-11-28').kind).toBe('weekend');
    expect(cell(weeks, '2026-11-29').kind).toBe('weekend');
    expect(cell(weeks, '2026-11-30')).toMatchObject({ kind: 'day-off', dayOffKind: 'cuti-tahunan' });
    expect(cell(weeks, '2026-12-01').kind).toBe('future');
  });

  it('leaves the note out when it is empty, and shows extra holidays with their kind', () => {
    const cal: CalendarConfig = {
      workWeek: 5,
      daysOff: [off('2026-11-16', '2026-11-16', 'sakit'), off('2026-11-18', '2026-11-18', 'libur-tambahan', 'HUT Kabupaten')],
    };
    const weeks = grid('2026-11', { cal });
    expect(cell(weeks, '2026-11-16')).toMatchObject({ kind: 'day-off', dayOffKind: 'sakit' });
    expect('note' in cell(weeks, '2026-11-16')).toBe(false);
    expect(cell(weeks, '2026-11-18')).toMatchObject({ kind: 'libur-tambahan', dayOffKind: 'libur-tambahan', note: 'HUT Kabupaten' });
  });

  it('tells reported, missed, not-yet-due and future working days apart', () => {
    const weeks = grid('2026-11', {
      today: '2026-11-12',
      reported: new Set(['2026-11-02', '2026-11-03', '2026-11-07']),
      missed: new Set(['2026-11-04', '2026-11-03']),
    });
    expect(cell(weeks, '2026-11-02')).toMatchObject({ kind: 'reported', reported: true });
    // A report wins over a stale "missed" entry.
    expect(cell(weeks, '2026-11-03')).toMatchObject({ kind: 'reported', reported: true });
    expect(cell(weeks, '2026-11-04')).toMatchObject({ kind: 'missed', reported: false });
    // Neither reported nor counted missed (e.g. before counting started).
    expect(cell(weeks, '2026-11-05')).toMatchObject({ kind: 'workday', reported: false });
    expect(cell(weeks, '2026-11-12')).toMatchObject({ kind: 'workday', isToday: true });
    expect(cell(weeks, '2026-11-13')).toMatchObject({ kind: 'future', isToday: false });
    // A Saturday report keeps the day a weekend, flagged as reported.
    expect(cell(weeks, '2026-11-07')).toMatchObject({ kind: 'weekend', reported: true });
    expect(weeks.flat().filter((d) => d.isToday).map((d) => d.date)).toEqual(['2026-11-12']);
  });

  it('treats Saturday as a working day in a 6-day week', () => {
    const weeks = grid('2026-11', { cal: { workWeek: 6, daysOff: [] }, missed: new Set(['2026-11-07']) });
    expect(cell(weeks, '2026-11-07').kind).toBe('missed');
    expect(cell(weeks, '2026-11-14').kind).toBe('future');
    expect(cell(weeks, '2026-11-08').kind).toBe('weekend');
  });

  it('marks today even in the neighbouring month\'s days', () => {
    const weeks = grid('2026-12', { today: '2026-11-30' });
    expect(cell(weeks, '2026-11-30')).toMatchObject({ inMonth: false, isToday: true });
  });
});

describe('shiftMonth', () => {
  it('crosses year boundaries both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
    expect(shiftMonth('2026-05', 24)).toBe('2028-05');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
  });

  it('rejects a malformed month', () => {
    expect(() => shiftMonth('2026-5', 1)).toThrow(RangeError);
  });

  it('adds up: shifting by a then b is shifting by a + b, and -a undoes a', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const monthArb = fc.tuple(fc.integer({ min: 1000, max: 8000 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(fc.property(monthArb, fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 }), (m, a, b) => {
      expect(shiftMonth(shiftMonth(m, a), b)).toBe(shiftMonth(m, a + b));
      expect(shiftMonth(shiftMonth(m, a), -a)).toBe(m);
      const [y1, m1] = m.split('-').map(Number);
      const [y2, m2] = shiftMonth(m, a).split('-').map(Number);
      expect((y2! - y1!) * 12 + (m2! - m1!)).toBe(a);
    }));
  });
});

describe('formatting', () => {
  it('writes ranges the Indonesian way', () => {
    expect(formatDayRange('2026-12-25', '2026-12-25')).toBe('25 Desember 2026');
    expect(formatDayRange('2026-12-28', '2026-12-31')).toBe('28–31 Desember 2026');
    expect(formatDayRange('2026-11-28', '2026-12-02')).toBe('28 November – 2 Desember 2026');
    expect(formatDayRange('2026-12-28', '2027-01-02')).toBe('28 Desember 2026 – 2 Januari 2027');
  });

  it('never reorders a reversed range, and shows unreadable dates as they are', () => {
    expect(formatDayRange('2026-12-31', '2026-12-28')).toBe('31 Desember 2026 – 28 Desember 2026');
    expect(formatDayRange('2026-02-30', '2026-03-01')).toBe('2026-02-30 – 2026-03-01');
  });

  it('names the month and the weekdays, Monday first', () => {
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatMonth('2027-02')).toBe('Februari 2027');
    expect(formatMonth('2026-11', 'en-GB')).toBe('November 2026');
    expect(weekdayNames().map((d) => d.short)).toEqual(['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min']);
    expect(weekdayNames()[4]!.long).toBe('Jumat');
    expect(weekdayNames('en-GB').map((d) => d.short)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });
});
