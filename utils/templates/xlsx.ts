/**
 * Templates as an .xlsx workbook, the same columns as the CSV (csv.ts): people keep their plans
 * in Excel. Export: one sheet "Template" with the CSV's header and rows. Import: the first sheet
 * whose first filled row names the columns (else the first sheet) becomes CSV text for
 * `parseTemplatesCsv`, one line per sheet row, so its errors name the sheet's row numbers. Dates
 * and times formatted as such in Excel arrive as `YYYY-MM-DD` / `HH:mm` (utils/xlsx/read.ts).
 *
 * Runs only on the options page, loaded when the user asks (it brings the zip library).
 */
import type { TemplateRecord } from '../db/schema';
import { readXlsx, type ReadValue } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import { CSV_COLUMNS, templatesToRows } from './csv';
import type { TemplateFields } from './validate';

export const TEMPLATES_SHEET = 'Template';
export const XLSX_FILE_NAME = 'template-progres-harian.xlsx';

export function templatesToXlsx(templates: ReadonlyArray<TemplateFields | TemplateRecord>): Uint8Array {
  return writeXlsx([{ name: TEMPLATES_SHEET, rows: templatesToRows(templates) }]);
}

const HEADERS = new Set(CSV_COLUMNS.flatMap((c) => c.aliases));
const headerName = (v: ReadValue) => String(v ?? '').toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function cellText(v: ReadValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Every cell quoted, at least ten per line: the CSV reader then finds `;` and keeps line = row. */
function toCsv(rows: readonly ReadValue[][]): string {
  return rows.map((row) => {
    const cells = row.map(cellText);
    while (cells.length < CSV_COLUMNS.length) cells.push('');
    return `${cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')}\r\n`;
  }).join('');
}

export type XlsxToCsv = { ok: true; text: string; sheet: string } | { ok: false; code: 'template_xlsx_error_not_workbook' };

/** The CSV text of a workbook's template sheet, for `parseTemplatesCsv` (or the import message). */
export function templatesXlsxToCsv(bytes: Uint8Array): XlsxToCsv {
  const read = readXlsx(bytes);
  if (!read.ok) return { ok: false, code: 'template_xlsx_error_not_workbook' };
  const firstFilled = (rows: ReadValue[][]) => rows.find((r) => r.some((c) => c !== null && c !== ''));
  const sheet = read.sheets.find((s) => (firstFilled(s.rows) ?? []).filter((c) => HEADERS.has(headerName(c))).length >= 2) ?? read.sheets[0]!;
  return { ok: true, text: toCsv(sheet.rows), sheet: sheet.name };
}
