import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, serialToText } from '@/utils/xlsx/read';
import { columnName, sheetName, writeXlsx, type CellValue, type SheetData } from '@/utils/xlsx/write';

/** SheetJS (another library) reading our workbook: every sheet's cells, as values. */
function sheetjsRead(bytes: Uint8Array): Array<{ name: string; rows: unknown[][] }> {
  const wb = XLSX.read(bytes, { type: 'array' });
  return wb.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null, blankrows: true, raw: true }),
  }));
}
const trimRow = (r: readonly unknown[]) => { const a = [...r]; while (a.length && (a.at(-1) === null || a.at(-1) === '')) a.pop(); return a; };
/** Cells as values, '' as null, without trailing empty cells and rows (readers differ only there). */
const norm = (rows: ReadonlyArray<readonly unknown[]>) => {
  const out = rows.map((r) => trimRow(r.map((c) => (c === '' ? null : c))));
  while (out.length && out.at(-1)!.length === 0) out.pop();
  return out;
};

const sheets: SheetData[] = [
  {
    name: 'Rekap: Minggu [1/2]',
    rows: [
      ['Tanggal', 'Kegiatan', 'Realisasi', 'Jam'],
      ['2026-12-04', 'Mengajar kelas 7A; "IPA" & <lab>', 2, '1:30'],
      ['2026-12-05', '=HYPERLINK("http://evil")', 0.5, null],
      ['2026-12-06', 'Baris\nkedua, emoji 😀, ümlaut', -3, ''],
      [null, 'hanya kolom B'],
    ],
  },
  { name: 'Rekap: Minggu [1/2]', rows: [['sama nama']] },
  { name: 'Kosong', rows: [] },
];

describe('writeXlsx', () => {
  it('is read back equal, cell for cell, by SheetJS and by our reader', () => {
    const bytes = writeXlsx(sheets);
    const expected = sheets.map((s) => norm(s.rows));
    const theirs = sheetjsRead(bytes);
    expect(theirs.map((s) => s.name)).toEqual(['Rekap  Minggu  1 2', 'Rekap  Minggu  1 2 2', 'Kosong']);
    expect(theirs.map((s) => norm(s.rows))).toEqual(expected);
    const ours = readXlsx(bytes);
    if (!ours.ok) throw new Error(ours.code);
    expect(ours.sheets.map((s) => norm(s.rows))).toEqual(expected);
    // A text that looks like a formula stays text (never evaluated).
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    expect(wb.Sheets[wb.SheetNames[0]!]!.B3).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil")' });
    expect(wb.Sheets[wb.SheetNames[0]!]!.B3.f).toBeUndefined();
  });

  it('round-trips random text and numbers', () => {
    const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (rows) => {
      const bytes = writeXlsx([{ name: 'S', rows: rows as CellValue[][] }]);
      // What XML 1.0 can hold: control characters and lone surrogates are dropped.
      const clean = (v: CellValue) => (typeof v === 'string'
        // eslint-disable-next-line no-control-regex
        ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
        : Object.is(v, -0) ? 0 : v);
      const expected = norm(rows.map((r) => r.map(clean)));
      const ours = readXlsx(bytes);
      if (!ours.ok) throw new Error(ours.code);
      expect(norm(ours.sheets[0]!.rows)).toEqual(expected);
      expect(norm(sheetjsRead(bytes)[0]!.rows)).toEqual(expected);
    }), { numRuns: 30 });
  }, 60_000);

  it('names columns and sheets as Excel wants', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName("'Data'", new Set(['data']))).toBe('Data 2');
  });
});

describe('readXlsx', () => {
  it('reads a workbook written by SheetJS: shared strings, dates, times, booleans, gaps', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Rencana Aksi', 'Tanggal', 'Jam Mulai', 'Realisasi', 'OK'],
      ['Mengajar', new Date(Date.UTC(2026, 11, 4)), 0.3125, 2, true],
      [],
      ['Rapat', null, 0.5416666666666666, 1.5, false],
    ], { cellDates: false });
    ws.B2!.z = 'dd/mm/yyyy';
    ws.C2!.t = 'n';
    ws.C2!.z = 'hh:mm';
    ws.C4!.z = 'h:mm AM/PM';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Template');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);
    const out = readXlsx(bytes);
    if (!out.ok) throw new Error(out.code);
    expect(out.sheets[0]!.name).toBe('Template');
    expect(norm(out.sheets[0]!.rows)).toEqual([
      ['Rencana Aksi', 'Tanggal', 'Jam Mulai', 'Realisasi', 'OK'],
      ['Mengajar', '2026-12-04', '07:30', 2, true],
      [],
      ['Rapat', null, '13:00', 1.5, false],
    ]);
  });

  it('refuses what is not a workbook', () => {
    expect(readXlsx(new TextEncoder().encode('Rencana Aksi;Tanggal'))).toEqual({ ok: false, code: 'xlsx_not_workbook' });
  });

  it('turns serial numbers into dates and times (1900 and 1904 systems)', () => {
    expect(serialToText(46360, 'date')).toBe('2026-12-04');
    expect(serialToText(1, 'date')).toBe('1900-01-01');
    expect(serialToText(61, 'date')).toBe('1900-03-01');
    expect(serialToText(44898, 'date', true)).toBe('2026-12-04');
    expect(serialToText(0.3125, 'time')).toBe('07:30');
    expect(serialToText(46360.75, 'datetime')).toBe('2026-12-04 18:00');
  });
});
