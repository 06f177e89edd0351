/**
 * Templates as CSV, in the column order users of the e-Kinerja Excel importers know:
 *
 *   Rencana Aksi; Tanggal; Jam Mulai; Jam Selesai; Kegiatan Harian; Realisasi; Satuan; Bukti Dukung
 *
 * followed by two optional columns of ours: Nama Template; Hari.
 *
 * Export: a UTF-8 BOM (so Excel opens it as UTF-8), a header row with all ten columns, CRLF line
 * ends, `;` by default (Excel's separator in the Indonesian locale). Tanggal is left empty (a
 * template has no single date); Hari lists the weekdays ("Senin-Jumat", "Senin, Rabu, Jumat").
 * A cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or
 * a carriage return, possibly after spaces) gets a leading apostrophe (`'=HYPERLINK(…)`), the
 * usual guard against CSV formula injection: Excel and LibreOffice then show it as text.
 *
 * Import (all or nothing: one bad row and nothing is imported, with the errors of every row):
 * - Separator `;`, `,` or tab, detected from the first line (the one whose count gives 8–10
 *   columns; if several do, the one giving 8–10 columns on most lines, `;` on a tie; if none
 *   does, the most frequent), or named by Excel's optional first line `sep=;`.
 * - Quoted fields with doubled quotes, line breaks inside quotes, CRLF/LF/CR, a UTF-8 BOM and
 *   blank lines are accepted; row numbers are 1-based file lines (a record spanning lines is
 *   reported at the line where it starts).
 * - Read the file's bytes with `decodeCsvBytes` (UTF-8, else Windows-1252 as Excel writes).
 * - The export's formula guard is undone (parseCsv): one leading apostrophe before what the guard
 *   protects (`'=…`, `'-…`) is removed, so export → import gives the same templates.
 * - A header row is recognised by its column names (case, spaces, `_`/`-` and a trailing
 *   "(…)" do not matter; a few synonyms such as "Tanggal Kegiatan", "Kegiatan", "Nama" are
 *   known). With a header, columns may come in any order, unknown columns are ignored (and
 *   listed in the result), and Rencana Aksi, Jam Mulai, Jam Selesai, Kegiatan Harian and
 *   Realisasi must be present. Without a header the columns are read by position (the eight
 *   known ones, then Nama Template, then Hari).
 * - Times as Excel writes them (`7:30`, `07.30`, `07:30:00`, `7:30 AM`) are normalised to `HH:mm`;
 *   Realisasi `2`, `2,00` is 2.
 * - Nama Template empty or absent: the name is the Kegiatan Harian text (shortened to 60 chars).
 * - Weekdays: the Hari column when filled. Otherwise, a filled Tanggal gives the weekday of that
 *   date — the rows of an Excel importer sheet are one per date, so rows that are identical but
 *   for their Tanggal become ONE template applying to all their weekdays (e.g. the same activity
 *   on five dates of one week → one template for Senin-Jumat). Otherwise the import's default
 *   weekdays (Monday–Friday unless the caller passes others, e.g. Mon–Sat for a six-day week).
 *   A filled Tanggal must be a real date even when Hari is filled (where it is otherwise unused).
 */
import type { TemplateRecord } from '../db/schema';
import { weekdayOf } from './choose';
import type { TemplateMessageKey } from './messages';
import { cleanText, normaliseDate, normaliseTime, validateTemplateFields, type TemplateFields } from './validate';

export type CsvSeparator = ';' | ',' | '\t';

type ColumnKey = keyof TemplateFields | 'tanggal';

interface Column { key: ColumnKey; header: string; aliases: string[]; required: boolean }

/** The columns, in file order. Headers are a file format (the importers' names), not UI text. */
export const CSV_COLUMNS: readonly Column[] = [
  { key: 'rencanaAksi', header: 'Rencana Aksi', aliases: ['rencana aksi'], required: true },
  { key: 'tanggal', header: 'Tanggal', aliases: ['tanggal', 'tanggal kegiatan', 'tgl'], required: false },
  { key: 'jamMulai', header: 'Jam Mulai', aliases: ['jam mulai', 'jam mulai kegiatan', 'mulai'], required: true },
  { key: 'jamSelesai', header: 'Jam Selesai', aliases: ['jam selesai', 'jam selesai kegiatan', 'selesai'], required: true },
  { key: 'kegiatan', header: 'Kegiatan Harian', aliases: ['kegiatan harian', 'kegiatan'], required: true },
  { key: 'realisasi', header: 'Realisasi', aliases: ['realisasi'], required: true },
  { key: 'satuan', header: 'Satuan', aliases: ['satuan'], required: false },
  {
    key: 'buktiDukung', header: 'Bukti Dukung',
    aliases: ['bukti dukung', 'bukti', 'link bukti dukung', 'link bukti', 'bukti eviden', 'link'], required: false,
  },
  { key: 'name', header: 'Nama Template', aliases: ['nama template', 'nama', 'template'], required: false },
  { key: 'weekdays', header: 'Hari', aliases: ['hari', 'hari berlaku'], required: false },
];

const HEADER_OF = Object.fromEntries(CSV_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

// ---------------------------------------------------------------------------------------------
// Plain CSV

/**
 * Cells a spreadsheet would evaluate: `=`, `+`, `-`, `@` first (after any spaces), or a tab or CR
 * first — and cells that already begin with apostrophes before such a start, so that one more
 * apostrophe on export and one fewer on import give back exactly what was there.
 */
const FORMULA_START = /^'*(?:[\t\r]|\s*[=+\-@])/;

/** A cell as written to CSV: with a leading apostrophe when a spreadsheet would run it as a formula. */
export function guardCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of guardCell: drops the apostrophe guardCell added, and only that one. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; code: TemplateMessageKey };

/**
 * Splits CSV text into records (cells as written, unquoted, not trimmed; formatCsv's formula
 * guard removed, see unguardCell). A field is quoted when its first non-space character is `"`;
 * inside, `""` is a quote and line breaks are kept. Text after a closing quote is kept as
 * written. Line ends: CRLF, LF or CR.
 */
export function parseCsv(text: string, sep: CsvSeparator): CsvParse {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let state: 'start' | 'unquoted' | 'quoted' | 'afterQuote' = 'start';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === 'quoted') {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          state = 'afterQuote';
        }
      } else {
        cell += c;
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      }
    } else if (c === sep) {
      cells.push(unguardCell(cell));
      cell = '';
      state = 'start';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(unguardCell(cell));
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      state = 'start';
      line++;
      recordLine = line;
    } else if (c === '"' && (state === 'start' || (state === 'unquoted' && cell.trim() === ''))) {
      state = 'quoted';
      cell = '';
      quoteLine = line;
    } else {
      cell += c;
      if (state === 'start') state = 'unquoted';
    }
  }
  if (state === 'quoted') return { ok: false, line: quoteLine, code: 'template_csv_error_unclosed_quote' };
  if (state !== 'start' || cells.length > 0) {
    cells.push(unguardCell(cell));
    records.push({ line: recordLine, cells });
  }
  return { ok: true, records };
}

function quoteCell(cell: string, sep: CsvSeparator): string {
  const needs = cell.includes(sep) || /["\r\n]/.test(cell) || cell !== cell.trim();
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows as CSV text: formula-guarded (guardCell), quoted where needed, CRLF after every row. */
export function formatCsv(rows: ReadonlyArray<readonly string[]>, sep: CsvSeparator): string {
  return rows.map((row) => `${row.map((c) => quoteCell(guardCell(c), sep)).join(sep)}\r\n`).join('');
}

const SEPARATORS: readonly CsvSeparator[] = [';', ',', '\t'];

/** The separator of the first non-blank line (see the file comment), or null if it has none. */
export function detectSeparator(text: string): CsvSeparator | null {
  const counts = firstLineCounts(text);
  const fitting = SEPARATORS.filter((s) => counts.get(s)! >= 7 && counts.get(s)! <= 9);
  if (fitting.length === 1) return fitting[0]!;
  if (fitting.length > 1) {
    // Ambiguous first line (e.g. unquoted commas in a `;` file): the separator that gives 8–10
    // columns on the most lines wins; a tie goes to the earlier candidate (`;`, Excel's in id-ID).
    const score = (s: CsvSeparator): number => {
      const parsed = parseCsv(text, s);
      return parsed.ok ? parsed.records.filter((r) => r.cells.length >= 8 && r.cells.length <= 10).length : -1;
    };
    return fitting.reduce((a, b) => (score(b) > score(a) ? b : a));
  }
  const best = SEPARATORS.reduce((a, b) => (counts.get(b)! > counts.get(a)! ? b : a));
  return counts.get(best)! > 0 ? best : null;
}

/** How often each separator stands outside quotes on the first non-blank line. */
function firstLineCounts(text: string): Map<CsvSeparator, number> {
  const counts = new Map<CsvSeparator, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(c as CsvSeparator)) {
      counts.set(c as CsvSeparator, counts.get(c as CsvSeparator)! + 1);
      seen = true;
    } else if (c.trim() !== '') {
      seen = true;
    }
  }
  return counts;
}

/**
 * The text of a CSV file's bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8,
 * else Windows-1252, which is what Excel's plain "CSV" format writes on Windows.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Decoded by hand: some TextDecoder implementations (Node's) treat windows-1252 as Latin-1.
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80]! : b);
    return out;
  }
}

/** Windows-1252 code points for bytes 0x80–0x9F (the five unassigned ones map to C1 controls). */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

// ---------------------------------------------------------------------------------------------
// Weekdays ("Hari")

/** Indonesian day names, ISO order (Senin = 1). A file format, like the column headers. */
export const DAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;

const DAY_ALIASES: Readonly<Record<string, number>> = {
  senin: 1, sen: 1, monday: 1, mon: 1,
  selasa: 2, sel: 2, tuesday: 2, tue: 2,
  rabu: 3, rab: 3, wednesday: 3, wed: 3,
  kamis: 4, kam: 4, thursday: 4, thu: 4,
  jumat: 5, "jum'at": 5, jum: 5, friday: 5, fri: 5,
  sabtu: 6, sab: 6, saturday: 6, sat: 6,
  minggu: 7, min: 7, ahad: 7, sunday: 7, sun: 7,
  1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7,
};

/** "Senin-Jumat", "Senin, Rabu, Jumat", "Senin-Rabu, Sabtu": runs of three or more as ranges. */
export function formatWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const name = (d: number): string => DAY_NAMES[d - 1] ?? String(d);
    if (j - i >= 2) parts.push(`${name(sorted[i]!)}-${name(sorted[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(name(sorted[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * Weekdays from text: day names (Indonesian, also short or English) or numbers 1–7, separated
 * by commas, spaces, `/`, `&` or "dan", and ranges "Senin-Jumat", "Senin s/d Jumat",
 * "Senin sampai Jumat" (a range must not wrap past Minggu). Null when anything is not understood.
 */
export function parseWeekdays(text: string): number[] | null {
  const normalised = text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s*(?:s\/d|s\.d\.?|sampai|hingga|[-–—])\s*/g, '-');
  const days = new Set<number>();
  for (const token of normalised.split(/[,;/&+]|\s+dan\s+|\s+/)) {
    if (!token) continue;
    const ends = token.split('-');
    if (ends.length > 2) return null;
    const a = DAY_ALIASES[ends[0]!];
    const b = ends.length === 2 ? DAY_ALIASES[ends[1]!] : a;
    if (a === undefined || b === undefined || a > b) return null;
    for (let d = a; d <= b; d++) days.add(d);
  }
  return days.size > 0 ? [...days].sort((x, y) => x - y) : null;
}

// ---------------------------------------------------------------------------------------------
// Templates

export interface CsvRowError {
  /** 1-based line in the file. */
  row: number;
  /** The column's header name (e.g. "Jam Mulai"), when the error is about one cell. */
  column?: string;
  code: TemplateMessageKey;
  detail?: string;
  /** Substitutions for the message (`t(code, params)`), when it has `$1`…. */
  params?: string[];
}

export type CsvImport =
  | { ok: true; templates: TemplateFields[]; separator: CsvSeparator; ignoredColumns: string[] }
  | { ok: false; errors: CsvRowError[] };

export interface CsvImportOptions {
  /** Weekdays of rows with neither Hari nor Tanggal; Monday–Friday by default. */
  defaultWeekdays?: readonly number[];
}

const normaliseHeader = (s: string): string =>
  s.toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function columnFor(headerCell: string): Column | undefined {
  const name = normaliseHeader(headerCell);
  return CSV_COLUMNS.find((c) => c.aliases.includes(name));
}

const isBlank = (r: CsvRecord): boolean => r.cells.every((c) => c.trim() === '');

const NAME_MAX = 60;

/** A template name from its Kegiatan Harian: the text, cut at a word under 60 characters. */
export function nameFromKegiatan(kegiatan: string): string {
  const text = cleanText(kegiatan);
  if (text.length <= NAME_MAX) return text;
  let cut = text.slice(0, NAME_MAX - 1);
  const space = cut.lastIndexOf(' ');
  if (space > NAME_MAX / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

type Layout = Array<ColumnKey | null>;
type Failure = { ok: false; errors: CsvRowError[] };
const fail = (row: number, code: TemplateMessageKey): Failure => ({ ok: false, errors: [{ row, code }] });

/** Reads templates from CSV text (see the file comment): every template, or every row's errors. */
export function parseTemplatesCsv(input: string, options: CsvImportOptions = {}): CsvImport {
  const read = readRecords(input.replace(/^\uFEFF/, ''));
  if (!read.ok) return read;
  const { sep, records, firstLine } = read;
  const first = records[0];
  if (!first) return fail(firstLine, 'template_csv_error_empty');
  const header = readHeader(first);
  if (!header.ok) return header;
  const dataRecords = header.isHeader ? records.slice(1) : records;
  if (dataRecords.length === 0) return fail(first.line, 'template_csv_error_empty');

  const defaultWeekdays = [...(options.defaultWeekdays ?? [1, 2, 3, 4, 5])];
  const rows: ReadRow[] = [];
  const errors: CsvRowError[] = [];
  for (const record of dataRecords) {
    const row = readRow(record, header.layout, defaultWeekdays);
    if (row.ok) rows.push(row);
    else errors.push(...row.errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, templates: mergeDatedRows(rows), separator: sep, ignoredColumns: header.ignoredColumns };
}

/**
 * The file's separator (Excel's optional first line "sep=;", else detected) and its non-blank
 * records; `firstLine` is the line of the first non-blank text, where file-wide errors are reported.
 */
function readRecords(text: string): { ok: true; sep: CsvSeparator; records: CsvRecord[]; firstLine: number } | Failure {
  const firstLine = 1 + (/^[\s\uFEFF]*/.exec(text)![0].match(/\r\n|\r|\n/g)?.length ?? 0);
  if (text.trim() === '') return fail(1, 'template_csv_error_empty');
  const sepLine = /^sep=([;,\t])[ \t]*(?:\r\n|\r|\n|$)/i.exec(text);
  const sep = sepLine ? (sepLine[1] as CsvSeparator) : detectSeparator(text);
  if (!sep) return fail(firstLine, 'template_csv_error_separator');
  const parsed = parseCsv(text, sep);
  if (!parsed.ok) return fail(parsed.line, parsed.code);
  const records = parsed.records.filter((r) => !isBlank(r) && !(sepLine && r.line === 1));
  return { ok: true, sep, records, firstLine };
}

/**
 * Whether the first record is a header, and which column each cell position holds. A header
 * names at least two known columns and, unlike every data row, holds no time; it must name each
 * required column once. Without a header, columns are read by position.
 */
function readHeader(first: CsvRecord): { ok: true; isHeader: boolean; layout: Layout; ignoredColumns: string[] } | Failure {
  const isHeader = first.cells.filter((c) => columnFor(c)).length >= 2
    && !first.cells.some((c) => normaliseTime(c) !== null);
  if (!isHeader) return { ok: true, isHeader, layout: CSV_COLUMNS.map((c) => c.key), ignoredColumns: [] };
  const ignoredColumns: string[] = [];
  const layout = first.cells.map((cell) => {
    const column = columnFor(cell);
    if (!column && cell.trim()) ignoredColumns.push(cell.trim());
    return column?.key ?? null;
  });
  const errors: CsvRowError[] = [];
  for (const column of CSV_COLUMNS) {
    const count = layout.filter((k) => k === column.key).length;
    if (count > 1) {
      errors.push({ row: first.line, code: 'template_csv_error_duplicate_column', params: [column.header], detail: column.header });
    } else if (count === 0 && column.required) {
      errors.push({ row: first.line, code: 'template_csv_error_missing_column', params: [column.header], detail: column.header });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, isHeader, layout, ignoredColumns };
}

interface ReadRow { ok: true; template: TemplateFields; byDate: boolean }

/**
 * One data record as a template, or its errors in column order. `byDate`: its weekday came from
 * its Tanggal (no Hari), so it may merge with rows that differ only by their date.
 */
function readRow(record: CsvRecord, layout: Layout, defaultWeekdays: readonly number[]): ReadRow | Failure {
  const errors: CsvRowError[] = [];
  const cell = (key: ColumnKey): string => {
    const i = layout.indexOf(key);
    return i < 0 ? '' : (record.cells[i] ?? '');
  };
  if (record.cells.slice(layout.length).some((c) => c.trim() !== '')) {
    errors.push({ row: record.line, code: 'template_csv_error_too_many_columns' });
  }
  const days = readRowWeekdays(record.line, cell('tanggal').trim(), cell('weekdays').trim(), defaultWeekdays);
  errors.push(...days.errors);

  const givenName = cleanText(cell('name'));
  const result = validateTemplateFields({
    name: givenName || nameFromKegiatan(cell('kegiatan')),
    rencanaAksi: cell('rencanaAksi'),
    jamMulai: cell('jamMulai'),
    jamSelesai: cell('jamSelesai'),
    kegiatan: cell('kegiatan'),
    realisasi: cell('realisasi'),
    satuan: cell('satuan'),
    buktiDukung: cell('buktiDukung'),
    weekdays: days.weekdays,
  });
  if (!result.ok) {
    for (const e of result.errors) {
      // A derived name is empty only when Kegiatan Harian is, which has its own error.
      if (e.field === 'name' && !givenName) continue;
      errors.push(cellError(record.line, e));
    }
  }
  if (result.ok && errors.length === 0) return { ok: true, template: result.template, byDate: days.byDate };
  const position = (e: CsvRowError): number => CSV_COLUMNS.findIndex((c) => c.header === e.column);
  return { ok: false, errors: errors.sort((a, b) => position(a) - position(b)) };
}

/** A row's weekdays: its Hari, else its Tanggal's weekday, else the defaults; a bad cell is an error. */
function readRowWeekdays(
  row: number,
  tanggalText: string,
  hariText: string,
  defaultWeekdays: readonly number[],
): { weekdays: number[]; byDate: boolean; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const tanggal = tanggalText ? normaliseDate(tanggalText) : null;
  if (tanggalText && !tanggal) {
    errors.push({ row, column: HEADER_OF.tanggal, code: 'template_csv_error_date_invalid', detail: tanggalText });
  }
  const hari = hariText ? parseWeekdays(hariText) : null;
  if (hariText && !hari) {
    errors.push({ row, column: HEADER_OF.weekdays, code: 'template_error_weekdays_invalid', detail: hariText });
  }
  const weekdays = hari ?? (tanggal ? [weekdayOf(tanggal)] : [...defaultWeekdays]);
  return { weekdays, byDate: !hariText && tanggal !== null, errors };
}

/** A template field's validation error as a row error, naming the field's column. */
function cellError(row: number, e: { field: string; code: TemplateMessageKey; detail?: string; params?: string[] }): CsvRowError {
  const column = HEADER_OF[e.field as ColumnKey] as string | undefined;
  const error: CsvRowError = { row, code: e.code };
  if (column) error.column = column;
  if (e.detail !== undefined) error.detail = e.detail;
  if (e.params) error.params = e.params;
  return error;
}

/** Rows differing only by their Tanggal become one template for all their weekdays; file order kept. */
function mergeDatedRows(rows: readonly ReadRow[]): TemplateFields[] {
  const templates: TemplateFields[] = [];
  const byKey = new Map<string, TemplateFields>();
  for (const { template, byDate } of rows) {
    if (!byDate) {
      templates.push(template);
      continue;
    }
    const { weekdays, ...rest } = template;
    const key = JSON.stringify(rest);
    const existing = byKey.get(key);
    if (existing) {
      existing.weekdays = [...new Set([...existing.weekdays, ...weekdays])].sort((a, b) => a - b);
    } else {
      const copy = { ...template, weekdays: [...weekdays] };
      byKey.set(key, copy);
      templates.push(copy);
    }
  }
  return templates;
}

/**
 * Templates as CSV text for Excel: BOM, header, one row per template in the given order, Tanggal
 * empty, Nama Template and Hari filled. `sep` is `;` unless told otherwise.
 */
export function templatesToCsv(
  templates: ReadonlyArray<TemplateFields | TemplateRecord>,
  sep: CsvSeparator = ';',
): string {
  return `\uFEFF${formatCsv(templatesToRows(templates), sep)}`;
}

/** The header and one row per template, as templatesToCsv writes them (also the .xlsx sheet's cells). */
export function templatesToRows(templates: ReadonlyArray<TemplateFields | TemplateRecord>): string[][] {
  const rows: string[][] = [CSV_COLUMNS.map((c) => c.header)];
  for (const t of templates) {
    const values: Record<ColumnKey, string> = {
      rencanaAksi: t.rencanaAksi,
      tanggal: '',
      jamMulai: t.jamMulai,
      jamSelesai: t.jamSelesai,
      kegiatan: t.kegiatan,
      realisasi: String(t.realisasi),
      satuan: t.satuan,
      buktiDukung: t.buktiDukung,
      name: t.name,
      weekdays: formatWeekdays(t.weekdays),
    };
    rows.push(CSV_COLUMNS.map((c) => values[c.key]));
  }
  return rows;
}
