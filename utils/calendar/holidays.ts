/**
 * Indonesia's national holidays (libur nasional) and collective leave (cuti bersama), as set
 * each year by the joint decree of three ministers (SKB 3 Menteri: Menteri Agama, Menteri
 * Ketenagakerjaan, Menteri PANRB). Shipped data: the user adds what is missing (regional
 * holidays, next year's list before an update) as 'libur-tambahan' days off, and removes a
 * shipped date that no longer applies (see `CalendarConfig.removedHolidays` in workdays.ts).
 *
 * Names are the holidays' Indonesian proper names; they are data, shown as they are in every
 * UI language.
 */

export type HolidayKind = 'libur-nasional' | 'cuti-bersama';

export interface Holiday {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Indonesian name, e.g. "Idul Fitri 1447 H" or "Cuti bersama Idul Fitri 1447 H". */
  name: string;
  kind: HolidayKind;
}

export interface HolidaySource {
  year: number;
  /** The decree that set the year's list. */
  decree: string;
  /** Later decrees that changed it, if any. */
  amendedBy: readonly string[];
  /** Public sources the dates were checked against. */
  sources: readonly string[];
}

/** The years the shipped table covers. Any other year has weekends only, plus the user's dates. */
export const COVERED_YEARS = [2025, 2026] as const;

export const HOLIDAY_SOURCES: Readonly<Record<(typeof COVERED_YEARS)[number], HolidaySource>> = {
  2025: {
    year: 2025,
    decree: 'SKB 3 Menteri No. 1017 Tahun 2024, No. 2 Tahun 2024, No. 2 Tahun 2024',
    amendedBy: ['SKB 3 Menteri No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 (menambah cuti bersama 18 Agustus)'],
    sources: [
      'kabarbanyuwangi.info (2025/08, perubahan SKB: cuti bersama 18 Agustus)',
      'lintaswaktu33.com (2025/08, perubahan SKB)',
      'wmhg.org (cuti bersama 9 Juni 2025)',
      'github.com/guangrei/APIHariLibur_V2 holidays.json',
    ],
  },
  2026: {
    year: 2026,
    decree: 'SKB 3 Menteri No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025 (diumumkan 19 September 2025)',
    amendedBy: [],
    sources: [
      'disdiksmg.semarangkota.go.id (nomor SKB; 17 libur nasional + 8 cuti bersama)',
      'pembelajaranbermaknaid.blogspot.com (2025/11, daftar lengkap 2026)',
      'palu.tribunnews.com news/169028 (cuti bersama 2026)',
      'ntvnews.id / prokaltim (sidang isbat 19 Maret 2026: Idul Fitri 21 Maret 2026)',
      'github.com/guangrei/APIHariLibur_V2 holidays.json',
    ],
  },
};

const L = 'libur-nasional' as const;
const C = 'cuti-bersama' as const;

/** Every shipped date, in date order. */
export const HOLIDAYS: readonly Holiday[] = [
  // 2025 — 17 libur nasional, 11 cuti bersama
  { date: '2025-01-01', kind: L, name: 'Tahun Baru 2025 Masehi' },
  { date: '2025-01-27', kind: L, name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2025-01-28', kind: C, name: 'Cuti bersama Tahun Baru Imlek' },
  { date: '2025-01-29', kind: L, name: 'Tahun Baru Imlek 2576 Kongzili' },
  { date: '2025-03-28', kind: C, name: 'Cuti bersama Hari Suci Nyepi' },
  { date: '2025-03-29', kind: L, name: 'Hari Suci Nyepi (Tahun Baru Saka 1947)' },
  { date: '2025-03-31', kind: L, name: 'Idul Fitri 1446 H' },
  { date: '2025-04-01', kind: L, name: 'Idul Fitri 1446 H' },
  { date: '2025-04-02', kind: C, name: 'Cuti bersama Idul Fitri 1446 H' },
  { date: '2025-04-03', kind: C, name: 'Cuti bersama Idul Fitri 1446 H' },
  { date: '2025-04-04', kind: C, name: 'Cuti bersama Idul Fitri 1446 H' },
  { date: '2025-04-07', kind: C, name: 'Cuti bersama Idul Fitri 1446 H' },
  { date: '2025-04-18', kind: L, name: 'Wafat Yesus Kristus' },
  { date: '2025-04-20', kind: L, name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2025-05-01', kind: L, name: 'Hari Buruh Internasional' },
  { date: '2025-05-12', kind: L, name: 'Hari Raya Waisak 2569 BE' },
  { date: '2025-05-13', kind: C, name: 'Cuti bersama Hari Raya Waisak' },
  { date: '2025-05-29', kind: L, name: 'Kenaikan Yesus Kristus' },
  { date: '2025-05-30', kind: C, name: 'Cuti bersama Kenaikan Yesus Kristus' },
  { date: '2025-06-01', kind: L, name: 'Hari Lahir Pancasila' },
  { date: '2025-06-06', kind: L, name: 'Idul Adha 1446 H' },
  { date: '2025-06-09', kind: C, name: 'Cuti bersama Idul Adha 1446 H' },
  { date: '2025-06-27', kind: L, name: 'Tahun Baru Islam 1447 H' },
  { date: '2025-08-17', kind: L, name: 'Hari Proklamasi Kemerdekaan RI' },
  { date: '2025-08-18', kind: C, name: 'Cuti bersama Hari Kemerdekaan RI' },
  { date: '2025-09-05', kind: L, name: 'Maulid Nabi Muhammad SAW' },
  { date: '2025-12-25', kind: L, name: 'Kelahiran Yesus Kristus (Natal)' },
  { date: '2025-12-26', kind: C, name: 'Cuti bersama Natal' },

  // 2026 — 17 libur nasional, 8 cuti bersama
  { date: '2026-01-01', kind: L, name: 'Tahun Baru 2026 Masehi' },
  { date: '2026-01-16', kind: L, name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2026-02-16', kind: C, name: 'Cuti bersama Tahun Baru Imlek' },
  { date: '2026-02-17', kind: L, name: 'Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-03-18', kind: C, name: 'Cuti bersama Hari Suci Nyepi' },
  { date: '2026-03-19', kind: L, name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-20', kind: C, name: 'Cuti bersama Idul Fitri 1447 H' },
  { date: '2026-03-21', kind: L, name: 'Idul Fitri 1447 H' },
  { date: '2026-03-22', kind: L, name: 'Idul Fitri 1447 H' },
  { date: '2026-03-23', kind: C, name: 'Cuti bersama Idul Fitri 1447 H' },
  { date: '2026-03-24', kind: C, name: 'Cuti bersama Idul Fitri 1447 H' },
  { date: '2026-04-03', kind: L, name: 'Wafat Yesus Kristus' },
  { date: '2026-04-05', kind: L, name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2026-05-01', kind: L, name: 'Hari Buruh Internasional' },
  { date: '2026-05-14', kind: L, name: 'Kenaikan Yesus Kristus' },
  { date: '2026-05-15', kind: C, name: 'Cuti bersama Kenaikan Yesus Kristus' },
  { date: '2026-05-27', kind: L, name: 'Idul Adha 1447 H' },
  { date: '2026-05-28', kind: C, name: 'Cuti bersama Idul Adha 1447 H' },
  { date: '2026-05-31', kind: L, name: 'Hari Raya Waisak 2570 BE' },
  { date: '2026-06-01', kind: L, name: 'Hari Lahir Pancasila' },
  { date: '2026-06-16', kind: L, name: 'Tahun Baru Islam 1448 H' },
  { date: '2026-08-17', kind: L, name: 'Hari Proklamasi Kemerdekaan RI' },
  { date: '2026-08-25', kind: L, name: 'Maulid Nabi Muhammad SAW' },
  { date: '2026-12-24', kind: C, name: 'Cuti bersama Natal' },
  { date: '2026-12-25', kind: L, name: 'Kelahiran Yesus Kristus (Natal)' },
];

const byDate = new Map<string, Holiday>(HOLIDAYS.map((h) => [h.date, h]));

/** The shipped holiday or cuti bersama on `date`, if any. */
export function shippedHoliday(date: string): Holiday | undefined {
  return byDate.get(date);
}

/** The shipped dates of `year`, in date order (empty for a year not covered). */
export function holidaysOfYear(year: number): Holiday[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return HOLIDAYS.filter((h) => h.date.startsWith(prefix));
}
