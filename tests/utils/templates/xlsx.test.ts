import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parseTemplatesCsv, templatesToRows } from '@/utils/templates/csv';
import type { TemplateFields } from '@/utils/templates/validate';
import { templatesToXlsx, templatesXlsxToCsv } from '@/utils/templates/xlsx';
import { readXlsx } from '@/utils/xlsx/read';

const tpl = (over: Partial<TemplateFields> = {}): TemplateFields => ({
  name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar kelas 7A; "IPA" {hari}', realisasi: 2, satuan: 'JP', buktiDukung: 'https://drive.google.com/x',
  weekdays: [1, 2, 3, 4, 5], ...over,
});

function parsedFrom(bytes: Uint8Array) {
  const csv = templatesXlsxToCsv(bytes);
  if (!csv.ok) throw new Error(csv.code);
  return parseTemplatesCsv(csv.text);
}

describe('templates as .xlsx', () => {
  it('exports the CSV columns and reads them back to the same templates', () => {
    const list = [tpl(), tpl({ name: 'Rapat', kegiatan: '=1+1 rapat', weekdays: [1, 3, 5], buktiDukung: '', realisasi: 1 })];
    const bytes = templatesToXlsx(list);
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.code);
    // Every cell as written ('' is an empty cell).
    const filled = (rows: ReadonlyArray<ReadonlyArray<unknown>>) => rows.map((r) => r.map((c) => (c === '' ? null : c)));
    expect(filled(read.sheets[0]!.rows)).toEqual(filled(templatesToRows(list)));
    expect(parsedFrom(bytes)).toMatchObject({ ok: true, templates: list });
  });

  it('reads a sheet as Excel keeps it: header elsewhere, real times and dates, numbers, a second sheet', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Rencana Aksi', 'Tanggal Kegiatan', 'Jam Mulai', 'Jam Selesai', 'Kegiatan Harian', 'Realisasi', 'Satuan', 'Link Bukti Dukung', 'Catatan'],
      ['Melaksanakan pembelajaran', 46360, 0.3125, 0.375, 'Mengajar\nkelas 7A', 2, 'JP', '', 'abaikan'],
      ['Melaksanakan pembelajaran', 46361, 0.3125, 0.375, 'Mengajar\nkelas 7A', 2, 'JP', '', ''],
      [],
      ['Rapat', null, 0.5416666666666666, 0.5833333333333334, 'Rapat koordinasi', 1, 'Kegiatan', 'https://x.id', null],
    ]);
    for (const r of [2, 3]) ws[`B${r}`]!.z = 'dd/mm/yyyy';
    for (const r of [2, 3, 5]) for (const c of ['C', 'D']) ws[`${c}${r}`]!.z = 'hh:mm';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Petunjuk: isi lembar Template']]), 'Petunjuk');
    XLSX.utils.book_append_sheet(wb, ws, 'Template');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const out = parsedFrom(bytes);
    expect(out).toMatchObject({
      ok: true,
      ignoredColumns: ['Catatan'],
      templates: [
        { rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'Mengajar kelas 7A', realisasi: 2, weekdays: [5, 6] },
        { rencanaAksi: 'Rapat', jamMulai: '13:00', jamSelesai: '14:00', buktiDukung: 'https://x.id', weekdays: [1, 2, 3, 4, 5] },
      ],
    });
  });

  it('reports errors at the sheet\'s row numbers', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Rencana Aksi', 'Jam Mulai', 'Jam Selesai', 'Kegiatan Harian', 'Realisasi'],
      ['A', '07:00', '08:00', 'Baik\nbaris dua', 1],
      [],
      ['B', '09:00', '08:00', 'Jam terbalik', 1],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Data');
    const out = parsedFrom(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'Jam Selesai', 'template_error_time_order']]);
  });

  it('refuses a file that is not a workbook', () => {
    expect(templatesXlsxToCsv(new TextEncoder().encode('a;b'))).toEqual({ ok: false, code: 'template_xlsx_error_not_workbook' });
  });
});
