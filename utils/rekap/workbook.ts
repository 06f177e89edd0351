/**
 * The Rekap as one .xlsx workbook, one sheet per view (tables.ts). Imported dynamically by the
 * Rekap page when the user asks for the file: it brings the zip library.
 */
import { writeXlsx } from '../xlsx/write';
import type { Table } from './tables';

export function tablesToXlsx(tables: readonly Table[]): Uint8Array {
  return writeXlsx(tables.map((t) => ({ name: t.title, rows: [t.header, ...t.rows] })));
}
