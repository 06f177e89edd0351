import { describe, expect, it } from 'vitest';
import type { DayOffRecord } from '@/utils/db/schema';
import {
  addDays, checkDayOff, datesBetween, dayStatus, isCovered, isValidDate, isWeekend, isWorkday,
  monthEnd, monthStart, workdaysBetween, type CalendarConfig,
} from '@/utils/calendar/workdays';

const five: CalendarConfig = { workWeek: 5, daysOff: [] };
const six: CalendarConfig = { workWeek: 6, daysOff: [] };

function off(start: string, end: string, kind: DayOffRecord['kind'], note = ''): DayOffRecord {
  return { id: `${kind}-${start}`, start, end, kind, note };
}

describe('date arithmetic', () => {
  it('crosses month and year boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('lists dates inclusively, empty when reversed or invalid', () => {
    expect(datesBetween('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(datesBetween('2026-05-05', '2026-05-05')).toEqual(['2026-05-05']);
    expect(datesBetween('2026-05-06', '2026-05-05')).toEqual([]);
    expect(datesBetween('2026-05-01', 'nanti')).toEqual([]);
    expect(datesBetween('2026-01-01', '2026-12-31')).toHaveLength(365);
    expect(datesBetween('2024-01-01', '2024-12-31')).toHaveLength(366);
  });

  it('finds month start and end, leap years included', () => {
    expect(monthStart('2026-03-24')).toBe('2026-03-01');
    expect(monthEnd('2026-02-10')).toBe('2026-02-28');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
    expect(monthEnd('2026-04-30')).toBe('2026-04-30');
    expect(monthEnd('2026-01-31')).toBe('2026-01-31');
  });

  it('accepts only real dates', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-01')).toBe(false);
    expect(isValidDate('')).toBe(false);
  });
});

describe('work week', () => {
  it('5-day week: Saturday and Sunday off', () => {
    // 2026-01-05 is a Monday.
    expect(isWorkday('2026-01-05', five)).toBe(true);
    expect(isWorkday('2026-01-09', five)).toBe(true);
    expect(dayStatus('2026-01-10', five)).toEqual({ workday: false, reason: 'weekend' });
    expect(dayStatus('2026-01-11', five)).toEqual({ workday: false, reason: 'weekend' });
    expect(isWeekend('2026-01-10', 5)).toBe(true);
  });

  it('6-day week: Saturday is a workday, Sunday is not', () => {
    expect(isWorkday('2026-01-10', six)).toBe(true);
    expect(dayStatus('2026-01-11', six)).toEqual({ workday: false, reason: 'weekend' });
    expect(isWeekend('2026-01-10', 6)).toBe(false);
  });

  it('counts January 2026: 20 workdays in a 5-day week, 25 in a 6-day week', () => {
    // 31 days, 5 Saturdays, 4 Sundays, holidays 1 Jan (Thu) and 16 Jan (Fri).
    expect(workdaysBetween('2026-01-01', '2026-01-31', five)).toHaveLength(20);
    expect(workdaysBetween('2026-01-01', '2026-01-31', six)).toHaveLength(25);
  });

  it('a Saturday holiday is a holiday in both weeks; a Saturday cuti bersama too', () => {
    // 2026-03-21 (Idul Fitri) is a Saturday, 2026-03-22 a Sunday.
    for (const cal of [five, six]) {
      expect(dayStatus('2026-03-21', cal)).toMatchObject({ workday: false, reason: 'libur-nasional' });
      expect(dayStatus('2026-03-22', cal)).toMatchObject({ workday: false, reason: 'libur-nasional' });
    }
    // Idul Fitri week 2026: only Wednesday 18 March … Tuesday 24 March are off.
    expect(workdaysBetween('2026-03-16', '2026-03-27', five)).toEqual(['2026-03-16', '2026-03-17', '2026-03-25', '2026-03-26', '2026-03-27']);
  });
});

describe('year boundary', () => {
  it('31 Dec 2025 is a workday, 1 Jan 2026 a holiday, 2 Jan a workday', () => {
    expect(isWorkday('2025-12-31', five)).toBe(true);
    expect(dayStatus('2026-01-01', five)).toMatchObject({ workday: false, reason: 'libur-nasional' });
    expect(isWorkday('2026-01-02', five)).toBe(true);
    expect(workdaysBetween('2025-12-22', '2026-01-05', five)).toEqual([
      '2025-12-22', '2025-12-23', '2025-12-24', // 25 Natal, 26 cuti bersama, 27–28 weekend
      '2025-12-29', '2025-12-30', '2025-12-31', // 1 Jan holiday
      '2026-01-02', '2026-01-05',
    ]);
  });
});

describe('days off', () => {
  it('a leave range crossing a month covers its workdays and leaves weekends as weekends', () => {
    const cal: CalendarConfig = { workWeek: 5, daysOff: [off('2026-01-29', '2026-02-03', 'cuti-tahunan', 'Pulang kampung')] };
    expect(isWorkday('2026-01-28', cal)).toBe(true);
    for (const d of ['2026-01-29', '2026-01-30', '2026-02-02', '2026-02-03']) {
      expect(dayStatus(d, cal)).toEqual({ workday: false, reason: 'day-off', kind: 'cuti-tahunan', note: 'Pulang kampung' });
    }
    expect(dayStatus('2026-01-31', cal)).toEqual({ workday: false, reason: 'weekend' });
    expect(dayStatus('2026-02-01', cal)).toEqual({ workday: false, reason: 'weekend' });
    expect(isWorkday('2026-02-04', cal)).toBe(true);
    // In a 6-day week the Saturday inside the range is leave.
    expect(dayStatus('2026-01-31', { ...cal, workWeek: 6 })).toMatchObject({ reason: 'day-off', kind: 'cuti-tahunan' });
  });

  it('a single day, with no note, and each kind', () => {
    for (const kind of ['sakit', 'dinas-luar', 'lainnya', 'cuti-tahunan'] as const) {
      const cal: CalendarConfig = { workWeek: 5, daysOff: [off('2026-02-10', '2026-02-10', kind)] };
      expect(dayStatus('2026-02-10', cal)).toEqual({ workday: false, reason: 'day-off', kind });
      expect(isWorkday('2026-02-09', cal)).toBe(true);
      expect(isWorkday('2026-02-11', cal)).toBe(true);
    }
  });

  it('a leave range across the new year (Dec → Jan)', () => {
    const cal: CalendarConfig = { workWeek: 5, daysOff: [off('2025-12-29', '2026-01-02', 'cuti-tahunan')] };
    expect(workdaysBetween('2025-12-22', '2026-01-09', cal)).toEqual([
      '2025-12-22', '2025-12-23', '2025-12-24', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09',
    ]);
  });

  it('a shipped holiday wins over leave on the same day', () => {
    const cal: CalendarConfig = { workWeek: 5, daysOff: [off('2026-03-16', '2026-03-27', 'cuti-tahunan')] };
    expect(dayStatus('2026-03-19', cal)).toMatchObject({ reason: 'libur-nasional' });
    expect(dayStatus('2026-03-20', cal)).toMatchObject({ reason: 'cuti-bersama' });
    expect(dayStatus('2026-03-17', cal)).toMatchObject({ reason: 'day-off' });
  });

  it('an extra holiday (libur tambahan) counts on weekdays and is reported on weekends', () => {
    const cal: CalendarConfig = {
      workWeek: 5,
      daysOff: [off('2026-05-02', '2026-05-04', 'sakit'), off('2026-05-02', '2026-05-04', 'libur-tambahan', 'HUT Kota')],
    };
    expect(dayStatus('2026-05-02', cal)).toEqual({ workday: false, reason: 'libur-tambahan', kind: 'libur-tambahan', note: 'HUT Kota' });
    expect(dayStatus('2026-05-04', cal)).toEqual({ workday: false, reason: 'libur-tambahan', kind: 'libur-tambahan', note: 'HUT Kota' });
  });

  it('a reversed range covers nothing, and checkDayOff says why', () => {
    const bad = off('2026-02-12', '2026-02-10', 'sakit');
    expect(isWorkday('2026-02-11', { workWeek: 5, daysOff: [bad] })).toBe(true);
    expect(checkDayOff(bad)).toEqual([{ field: 'end', code: 'calendar_dayoff_range_reversed' }]);
    expect(checkDayOff({ start: '2026-02-30', end: 'x' })).toEqual([
      { field: 'start', code: 'calendar_dayoff_date_invalid' },
      { field: 'end', code: 'calendar_dayoff_date_invalid' },
    ]);
    expect(checkDayOff({ start: '2026-02-10', end: '2026-02-10' })).toEqual([]);
  });
});

describe('removed holidays', () => {
  it('a shipped date the user removes becomes an ordinary day again', () => {
    const cal: CalendarConfig = { workWeek: 5, daysOff: [], removedHolidays: ['2026-12-24', '2026-03-22'] };
    expect(isWorkday('2026-12-24', cal)).toBe(true); // Thursday
    expect(dayStatus('2026-03-22', cal)).toEqual({ workday: false, reason: 'weekend' }); // Sunday
    expect(dayStatus('2026-12-25', cal)).toMatchObject({ reason: 'libur-nasional' });
  });
});

describe('a year without data (2027)', () => {
  it('is not covered; weekdays are workdays; the user can add holidays', () => {
    expect(isCovered(2025)).toBe(true);
    expect(isCovered(2026)).toBe(true);
    expect(isCovered(2027)).toBe(false);
    expect(isCovered(2024)).toBe(false);
    // 2027-01-01 is a Friday: with no data it counts as a workday.
    expect(isWorkday('2027-01-01', five)).toBe(true);
    expect(workdaysBetween('2027-01-01', '2027-01-10', five)).toEqual([
      '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
    ]);
    const withExtra: CalendarConfig = { workWeek: 5, daysOff: [off('2027-01-01', '2027-01-01', 'libur-tambahan', 'Tahun Baru 2027')] };
    expect(dayStatus('2027-01-01', withExtra)).toMatchObject({ reason: 'libur-tambahan', note: 'Tahun Baru 2027' });
  });
});
