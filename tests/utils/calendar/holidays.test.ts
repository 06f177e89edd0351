import { describe, expect, it } from 'vitest';
import { COVERED_YEARS, HOLIDAY_SOURCES, HOLIDAYS, holidaysOfYear, shippedHoliday } from '@/utils/calendar/holidays';
import { dayStatus, type CalendarConfig } from '@/utils/calendar/workdays';

/*
 * Expected tables written from the SKB 3 Menteri decrees themselves, not from the
 * data file: [date, a word the shipped name must contain].
 */
const LIBUR_NASIONAL_2026: [string, string][] = [
  ['2026-01-01', 'Tahun Baru'],
  ['2026-01-16', 'Isra Mikraj'],
  ['2026-02-17', 'Imlek'],
  ['2026-03-19', 'Nyepi'],
  ['2026-03-21', 'Idul Fitri'],
  ['2026-03-22', 'Idul Fitri'],
  ['2026-04-03', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'Paskah'],
  ['2026-05-01', 'Buruh'],
  ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-27', 'Idul Adha'],
  ['2026-05-31', 'Waisak'],
  ['2026-06-01', 'Pancasila'],
  ['2026-06-16', 'Tahun Baru Islam'],
  ['2026-08-17', 'Proklamasi'],
  ['2026-08-25', 'Maulid Nabi'],
  ['2026-12-25', 'Natal'],
];

const CUTI_BERSAMA_2026: [string, string][] = [
  ['2026-02-16', 'Imlek'],
  ['2026-03-18', 'Nyepi'],
  ['2026-03-20', 'Idul Fitri'],
  ['2026-03-23', 'Idul Fitri'],
  ['2026-03-24', 'Idul Fitri'],
  ['2026-05-15', 'Kenaikan'],
  ['2026-05-28', 'Idul Adha'],
  ['2026-12-24', 'Natal'],
];

const LIBUR_NASIONAL_2025: [string, string][] = [
  ['2025-01-01', 'Tahun Baru'],
  ['2025-01-27', 'Isra Mikraj'],
  ['2025-01-29', 'Imlek'],
  ['2025-03-29', 'Nyepi'],
  ['2025-03-31', 'Idul Fitri'],
  ['2025-04-01', 'Idul Fitri'],
  ['2025-04-18', 'Wafat Yesus Kristus'],
  ['2025-04-20', 'Paskah'],
  ['2025-05-01', 'Buruh'],
  ['2025-05-12', 'Waisak'],
  ['2025-05-29', 'Kenaikan Yesus Kristus'],
  ['2025-06-01', 'Pancasila'],
  ['2025-06-06', 'Idul Adha'],
  ['2025-06-27', 'Tahun Baru Islam'],
  ['2025-08-17', 'Proklamasi'],
  ['2025-09-05', 'Maulid Nabi'],
  ['2025-12-25', 'Natal'],
];

const CUTI_BERSAMA_2025: string[] = [
  '2025-01-28', '2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07',
  '2025-05-13', '2025-05-30', '2025-06-09', '2025-08-18', '2025-12-26',
];

const five: CalendarConfig = { workWeek: 5, daysOff: [] };
const six: CalendarConfig = { workWeek: 6, daysOff: [] };

describe('2026: every libur nasional (SKB 1497/2025, 2/2025, 5/2025)', () => {
  it.each(LIBUR_NASIONAL_2026)('%s is a national holiday (%s)', (date, word) => {
    for (const cal of [five, six]) {
      const s = dayStatus(date, cal);
      expect(s.workday).toBe(false);
      if (s.workday) return;
      expect(s.reason).toBe('libur-nasional');
      expect(s.name).toContain(word);
    }
  });
});

describe('2026: every cuti bersama', () => {
  it.each(CUTI_BERSAMA_2026)('%s is cuti bersama (%s)', (date, word) => {
    for (const cal of [five, six]) {
      const s = dayStatus(date, cal);
      expect(s.workday).toBe(false);
      if (s.workday) return;
      expect(s.reason).toBe('cuti-bersama');
      expect(s.name).toContain(word);
    }
  });
});

describe('shipped table', () => {
  it('has exactly the 17 + 8 dates of 2026 and nothing else in 2026', () => {
    const ln = holidaysOfYear(2026).filter((h) => h.kind === 'libur-nasional').map((h) => h.date);
    const cb = holidaysOfYear(2026).filter((h) => h.kind === 'cuti-bersama').map((h) => h.date);
    expect(ln).toEqual(LIBUR_NASIONAL_2026.map(([d]) => d));
    expect(cb).toEqual(CUTI_BERSAMA_2026.map(([d]) => d));
  });

  it('has exactly the 17 + 11 dates of 2025 (with the amendment adding 18 August)', () => {
    const ln = holidaysOfYear(2025).filter((h) => h.kind === 'libur-nasional');
    const cb = holidaysOfYear(2025).filter((h) => h.kind === 'cuti-bersama').map((h) => h.date);
    expect(ln.map((h) => h.date)).toEqual(LIBUR_NASIONAL_2025.map(([d]) => d));
    for (const [i, [, word]] of LIBUR_NASIONAL_2025.entries()) expect(ln[i]!.name).toContain(word);
    expect(cb).toEqual(CUTI_BERSAMA_2025);
    expect(shippedHoliday('2025-08-18')?.kind).toBe('cuti-bersama');
  });

  it('is sorted, one entry per date, and only in the covered years', () => {
    const dates = HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(new Set(dates.map((d) => Number(d.slice(0, 4))))).toEqual(new Set([2025, 2026]));
    expect(holidaysOfYear(2027)).toEqual([]);
    expect(shippedHoliday('2027-01-01')).toBeUndefined();
  });

  it('names the decree and public sources for every covered year', () => {
    expect([...COVERED_YEARS]).toEqual([2025, 2026]);
    expect(HOLIDAY_SOURCES[2025].decree).toContain('1017');
    expect(HOLIDAY_SOURCES[2025].amendedBy.join(' ')).toContain('933');
    expect(HOLIDAY_SOURCES[2026].decree).toContain('1497');
    for (const y of COVERED_YEARS) {
      expect(HOLIDAY_SOURCES[y].year).toBe(y);
      expect(HOLIDAY_SOURCES[y].sources.length).toBeGreaterThan(0);
      expect(holidaysOfYear(y).length).toBeGreaterThan(0);
    }
  });
});
