import { describe, expect, it } from 'vitest';
import type { DayOffRecord, ReportRecord } from '@/utils/db/schema';
import type { JurnalEntry } from '@/utils/jurnal/entry';
import { buildRekap, formatHours, rekapEntries } from '@/utils/rekap/rekap';
import { parsePeriodKey, periodKey, periodRange, periodsOf } from '@/utils/rekap/period';

const AT = '2026-12-10T10:00:00.000Z';
const report = (date: string, source: ReportRecord['source'] = 'site', status: ReportRecord['status'] = 'reported'): ReportRecord => ({ date, status, source, at: AT });
function entry(over: Partial<JurnalEntry> & Pick<JurnalEntry, 'id' | 'date'>): JurnalEntry {
  return {
    rencanaAksi: '', jamMulai: '', jamSelesai: '', kegiatan: '', realisasi: null, satuan: '', buktiDukung: '',
    source: 'typed', recordedAt: AT, ...over,
  };
}
const leave: DayOffRecord = { id: 'c1', start: '2026-12-08', end: '2026-12-08', kind: 'cuti-tahunan', note: 'Urusan keluarga' };

const entries: JurnalEntry[] = [
  entry({ id: 't1', date: '2026-12-01', source: 'template', templateId: 'tpl', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'Mengajar 7A', realisasi: 2, satuan: 'JP', buktiDukung: 'https://drive.google.com/a' }),
  entry({ id: 's1', date: '2026-12-01', source: 'site-calendar', title: 'Mengajar 7A', jamMulai: '07:30', jamSelesai: '09:00' }),
  entry({ id: 'y1', date: '2026-12-02', rencanaAksi: 'Menyusun laporan', jamMulai: '13:00', jamSelesai: '14:30', kegiatan: 'Laporan bulanan', realisasi: 1, satuan: 'Dokumen', buktiDukung: '' }),
  entry({ id: 'y2', date: '2026-12-02', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '10:00', jamSelesai: '11:00', kegiatan: 'Mengajar 8B', realisasi: 3, satuan: 'JP', buktiDukung: 'foto di https://drive.google.com/b dan https://drive.google.com/c' }),
  entry({ id: 'y3', date: '2026-12-04', rencanaAksi: 'Menyusun laporan', jamMulai: '08:00', jamSelesai: '09:00', kegiatan: 'Catatan rapat', realisasi: 1, satuan: 'Dokumen', buktiDukung: 'di lemari arsip' }),
  entry({ id: 's2', date: '2026-12-07', source: 'site-calendar', title: 'Rapat dinas', jamMulai: '08:00', jamSelesai: '10:00' }),
  entry({ id: 'old', date: '2026-11-30', rencanaAksi: 'Lama', jamMulai: '08:00', jamSelesai: '16:00', realisasi: 9, satuan: 'JP' }),
];
const reports = [report('2026-12-01'), report('2026-12-02', 'observed'), report('2026-12-03', 'manual'), report('2026-12-07'), report('2026-12-09', 'site', 'not-reported')];

const december = buildRekap({
  period: { kind: 'month', year: 2026, month: 12 },
  entries, reports, cal: { workWeek: 5, daysOff: [leave] },
  today: '2026-12-10', nowTime: '17:00', targetTime: '16:00',
});

describe('buildRekap: a month', () => {
  it('counts each week (Monday–Sunday, cut to the month) with the shared workday calendar', () => {
    expect(december.from).toBe('2026-12-01');
    expect(december.to).toBe('2026-12-31');
    expect(december.weeks).toEqual([
      { from: '2026-12-01', to: '2026-12-06', reported: 3, missed: 1, off: 0, upcoming: 0, unknown: 0 },
      { from: '2026-12-07', to: '2026-12-13', reported: 1, missed: 2, off: 1, upcoming: 1, unknown: 0 },
      { from: '2026-12-14', to: '2026-12-20', reported: 0, missed: 0, off: 0, upcoming: 5, unknown: 0 },
      { from: '2026-12-21', to: '2026-12-27', reported: 0, missed: 0, off: 2, upcoming: 3, unknown: 0 },
      { from: '2026-12-28', to: '2026-12-31', reported: 0, missed: 0, off: 0, upcoming: 4, unknown: 0 },
    ]);
    expect(december.totals).toMatchObject({ workdays: 20, reported: 4, missed: 3, off: 3, upcoming: 13, unknown: 0, saved: 4, siteOnly: 1 });
  });

  it('names why a day is off', () => {
    const day = (d: string) => december.days.find((x) => x.date === d)!;
    expect(day('2026-12-08')).toMatchObject({ kind: 'off', reason: 'day-off', note: 'Urusan keluarga' });
    expect(day('2026-12-25')).toMatchObject({ kind: 'off', reason: 'libur-nasional', note: 'Kelahiran Yesus Kristus (Natal)' });
    expect(day('2026-12-06')).toMatchObject({ kind: 'weekend', reason: 'weekend' });
    expect(day('2026-12-09').kind).toBe('missed'); // a 'not-reported' record is not a report
    expect(day('2026-12-03')).toMatchObject({ kind: 'reported', reportSource: 'manual', minutes: 0 });
  });

  it('sums hours per day and per Rencana Aksi, counting a site reading of a saved entry once', () => {
    const minutes = Object.fromEntries(december.days.filter((d) => d.minutes).map((d) => [d.date, d.minutes]));
    expect(minutes).toEqual({ '2026-12-01': 90, '2026-12-02': 150, '2026-12-04': 60, '2026-12-07': 120 });
    expect(december.totals.minutes).toBe(420);
    expect(december.byRencanaAksi).toEqual([
      { rencanaAksi: 'Melaksanakan pembelajaran', minutes: 150, entries: 2, days: 2 },
      { rencanaAksi: 'Menyusun laporan', minutes: 150, entries: 2, days: 2 },
      { rencanaAksi: '', minutes: 120, entries: 1, days: 1 },
    ]);
    expect(formatHours(150)).toBe('2:30');
    expect(formatHours(0)).toBe('0:00');
  });

  it('sums realisasi per Rencana Aksi and satuan from saved entries only', () => {
    expect(december.realisasi).toEqual([
      { rencanaAksi: 'Melaksanakan pembelajaran', satuan: 'JP', total: 5, entries: 2 },
      { rencanaAksi: 'Menyusun laporan', satuan: 'Dokumen', total: 2, entries: 2 },
    ]);
  });

  it('groups bukti dukung links by Rencana Aksi and flags entries without a link', () => {
    expect(december.bukti).toEqual([
      {
        rencanaAksi: 'Melaksanakan pembelajaran',
        links: [
          { date: '2026-12-01', kegiatan: 'Mengajar 7A', links: ['https://drive.google.com/a'], entryId: 't1' },
          { date: '2026-12-02', kegiatan: 'Mengajar 8B', links: ['https://drive.google.com/b', 'https://drive.google.com/c'], entryId: 'y2' },
        ],
        missing: [],
      },
      {
        rencanaAksi: 'Menyusun laporan',
        links: [],
        missing: [
          { date: '2026-12-02', kegiatan: 'Laporan bulanan', buktiDukung: '', entryId: 'y1' },
          { date: '2026-12-04', kegiatan: 'Catatan rapat', buktiDukung: 'di lemari arsip', entryId: 'y3' },
        ],
      },
    ]);
  });

  it('marks entries read from the site but not in the Jurnal, and reported days with no entry', () => {
    expect(december.siteOnly.map((e) => [e.id, e.title, e.siteOnly])).toEqual([['s2', 'Rapat dinas', true]]);
    expect(december.reportedWithoutEntry).toEqual([{ date: '2026-12-03', source: 'manual' }]);
    const d1 = december.days.find((d) => d.date === '2026-12-01')!;
    expect(d1.entries.map((e) => e.id)).toEqual(['t1']);
  });
});

describe('buildRekap: an SKP period', () => {
  it('covers January–June, with weeks cut at both ends and days before counting started as unknown', () => {
    const r = buildRekap({
      period: { kind: 'skp', year: 2026, half: 1 },
      entries: [], reports: [report('2026-03-02')], cal: { workWeek: 5, daysOff: [] },
      today: '2026-12-10', nowTime: '08:00', targetTime: '16:00', countFrom: '2026-03-01',
    });
    expect(r.days).toHaveLength(181);
    expect(r.weeks[0]).toMatchObject({ from: '2026-01-01', to: '2026-01-04', off: 1, unknown: 1 }); // 1 Jan holiday, 2 Jan unknown
    expect(r.weeks.at(-1)).toMatchObject({ from: '2026-06-29', to: '2026-06-30', missed: 2 });
    expect(r.weeks).toHaveLength(27);
    const march = r.days.filter((d) => d.date.startsWith('2026-03'));
    expect(march.find((d) => d.date === '2026-03-02')!.kind).toBe('reported');
    expect(march.find((d) => d.date === '2026-03-03')!.kind).toBe('missed');
    expect(r.days.find((d) => d.date === '2026-02-27')!.kind).toBe('unknown');
    const t = r.totals;
    expect(t.reported + t.missed + t.unknown + t.upcoming).toBe(t.workdays);
    expect(t.upcoming).toBe(0);
  });

  it('counts a 6-day week and a report on a Sunday', () => {
    const r = buildRekap({
      period: { kind: 'month', year: 2026, month: 12 }, entries: [], reports: [report('2026-12-06')],
      cal: { workWeek: 6, daysOff: [] }, today: '2026-12-07', nowTime: '08:00', targetTime: '16:00',
    });
    expect(r.weeks[0]).toEqual({ from: '2026-12-01', to: '2026-12-06', reported: 1, missed: 5, off: 0, upcoming: 0, unknown: 0 });
  });
});

describe('rekapEntries', () => {
  it('keeps a site reading whose times differ from the saved entry of that day', () => {
    const out = rekapEntries([
      entry({ id: 'a', date: '2026-12-01', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'X' }),
      entry({ id: 'b', date: '2026-12-01', source: 'site-calendar', title: 'X', jamMulai: '10:00', jamSelesai: '11:00' }),
      entry({ id: 'c', date: '2026-12-02', source: 'site-calendar', title: 'Mengajar kelas 7A' }),
      entry({ id: 'd', date: '2026-12-02', kegiatan: 'mengajar kelas 7a' }),
    ], '2026-12-01', '2026-12-31');
    expect(out.map((e) => [e.id, e.siteOnly])).toEqual([['a', false], ['b', true], ['d', false]]);
  });
});

describe('periods', () => {
  it('ranges, keys and the periods of a date', () => {
    expect(periodRange({ kind: 'month', year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange({ kind: 'skp', year: 2026, half: 2 })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodsOf('2026-06-30')).toEqual({ month: { kind: 'month', year: 2026, month: 6 }, skp: { kind: 'skp', year: 2026, half: 1 } });
    for (const key of ['2026-01', '2026-12', '2026-S1', '2026-S2']) expect(periodKey(parsePeriodKey(key)!)).toBe(key);
    for (const bad of ['2026-13', '2026-S3', '2026', 'x']) expect(parsePeriodKey(bad)).toBeNull();
  });
});
