import * as XLSX from '@e965/xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n/i18n';
import type { JurnalEntry } from '@/utils/jurnal/entry';
import { buildRekap } from '@/utils/rekap/rekap';
import { exportFileName, jurnalTable, rekapTables, tableToCsv } from '@/utils/rekap/tables';
import { tablesToXlsx } from '@/utils/rekap/workbook';
import { parseCsv, parseTemplatesCsv } from '@/utils/templates/csv';
import { readXlsx } from '@/utils/xlsx/read';

const AT = '2026-12-10T10:00:00.000Z';
const entries: JurnalEntry[] = [
  { id: 'a', date: '2026-12-01', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'Mengajar 7A; "IPA"', realisasi: 2, satuan: 'JP', buktiDukung: 'https://drive.google.com/a', source: 'template', templateId: 'tpl', recordedAt: AT },
  { id: 'b', date: '2026-12-02', rencanaAksi: 'Menyusun laporan', jamMulai: '13:00', jamSelesai: '14:30', kegiatan: 'Laporan\u00a0bulanan', realisasi: 1, satuan: 'Dokumen', buktiDukung: '', source: 'typed', recordedAt: AT },
  { id: 's', date: '2026-12-07', rencanaAksi: '', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: '', realisasi: null, satuan: '', buktiDukung: '', source: 'site-calendar', title: 'Rapat dinas', recordedAt: AT },
];
const rekap = buildRekap({
  period: { kind: 'month', year: 2026, month: 12 }, entries,
  reports: [{ date: '2026-12-01', status: 'reported', source: 'observed', at: AT }, { date: '2026-12-02', status: 'reported', source: 'observed', at: AT }, { date: '2026-12-03', status: 'reported', source: 'manual', at: AT }],
  cal: { workWeek: 5, daysOff: [] }, today: '2026-12-10', nowTime: '17:00', targetTime: '16:00',
});
let tables: ReturnType<typeof rekapTables>;
beforeEach(() => { tables = rekapTables(rekap, entries, t); });

describe('rekapTables', () => {
  it('has every view, with translated headers and the importers\' column names', () => {
    expect(tables.map((x) => x.id)).toEqual(['weeks', 'days', 'rencanaAksi', 'realisasi', 'bukti', 'site', 'jurnal']);
    expect(tables[0]!.header).toEqual(['Dari', 'Sampai', 'Dilaporkan', 'Terlewat', 'Libur/cuti', 'Belum waktunya', 'Sebelum mulai dihitung']);
    expect(tables[0]!.rows[0]).toEqual(['2026-12-01', '2026-12-06', 3, 1, 0, 0, 0]);
    expect(tables[1]!.rows[0]).toEqual(['2026-12-01', 'Selasa', 'Dilaporkan', 'disimpan lewat ekstensi', 1, '1:30', 90]);
    expect(tables[1]!.rows.find((r) => r[0] === '2026-12-25')).toEqual(['2026-12-25', 'Jumat', 'Libur/cuti', 'Kelahiran Yesus Kristus (Natal)', 0, '0:00', 0]);
    expect(tables[4]!.rows).toEqual([
      ['Melaksanakan pembelajaran', '2026-12-01', 'Mengajar 7A; "IPA"', 'https://drive.google.com/a', ''],
      ['Menyusun laporan', '2026-12-02', 'Laporan\u00a0bulanan', '', 'Tanpa bukti dukung'],
    ]);
    expect(tables[5]!.rows).toEqual([
      ['2026-12-03', '', '', '', 'Dilaporkan (ditandai manual); isiannya tidak diketahui'],
      ['2026-12-07', 'Rapat dinas', '08:00', '10:00', 'Ada di kalender situs, tidak tercatat di Jurnal'],
    ]);
    expect(tables[6]!.rows.map((r) => r[0])).toEqual(['Melaksanakan pembelajaran', 'Menyusun laporan']);
    expect(exportFileName(rekap, 'rencanaAksi', 'csv')).toBe('rekap-2026-12-jam-per-rencana-aksi.csv');
    expect(exportFileName({ period: { kind: 'skp', year: 2026, half: 2 } }, 'all', 'xlsx')).toBe('rekap-2026-S2.xlsx');
  });

  it('every table as CSV reads back equal', () => {
    for (const table of tables) {
      const csv = tableToCsv(table);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const parsed = parseCsv(csv.slice(1), ';');
      if (!parsed.ok) throw new Error('unreadable');
      const expected = [table.header, ...table.rows].map((r) => r.map((c) => (c === null ? '' : String(c))));
      expect(parsed.records.map((r) => r.cells)).toEqual(expected);
    }
  });

  it('the workbook has one sheet per view and reads back equal, cell for cell, with two readers', () => {
    const bytes = tablesToXlsx(tables);
    const expected = tables.map((x) => [x.header, ...x.rows].map((r) => r.map((c) => (c === '' ? null : c))));
    const ours = readXlsx(bytes);
    if (!ours.ok) throw new Error(ours.code);
    expect(ours.sheets.map((s) => s.name)).toEqual(tables.map((x) => x.title.slice(0, 31).trim()));
    const pad = (rows: unknown[][], like: unknown[][]) => like.map((r, i) => r.map((_, j) => rows[i]?.[j] ?? null));
    expect(ours.sheets.map((s, i) => pad(s.rows, expected[i]!))).toEqual(expected);
    const wb = XLSX.read(bytes, { type: 'array' });
    const theirs = wb.SheetNames.map((n) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1, defval: null, raw: true }));
    expect(theirs.map((rows, i) => pad(rows, expected[i]!))).toEqual(expected);
  });

  it('a Jurnal CSV imports back as templates (same columns as the importers)', () => {
    const csv = tableToCsv(jurnalTable(entries.filter((e) => e.source !== 'site-calendar'), t));
    const out = parseTemplatesCsv(csv);
    expect(out).toMatchObject({ ok: true, templates: [{ rencanaAksi: 'Melaksanakan pembelajaran', weekdays: [2] }, { rencanaAksi: 'Menyusun laporan', weekdays: [3] }] });
  });
});
