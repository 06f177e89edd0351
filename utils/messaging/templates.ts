/** Messages about Progres Harian templates (part of the one contract in protocol.ts). */
import type { TemplateEntryText, TemplateRecord } from '../db/schema';
import type { TemplateDraft, TemplateError } from '../templates/validate';
import type { CsvRowError } from '../templates/csv';

export type SaveTemplateResult = { ok: true; template: TemplateRecord } | { ok: false; errors: TemplateError[] };
/** "Simpan isian ini sebagai template": saved, refused with field errors, or a template of that name exists (asked before replacing). */
export type FormTemplateResult = SaveTemplateResult | { ok: false; exists: string };
export type ImportTemplatesResult = { ok: true; count: number; ignoredColumns: string[] } | { ok: false; errors: CsvRowError[] };

/**
 * What the in-page filler may know of a template before the user picks it: enough to name it and
 * to choose the one for a date — never its texts (issue 12, finding 5).
 */
export type TemplateChoice = Pick<TemplateRecord, 'id' | 'name' | 'weekdays' | 'isDefault' | 'order'>;

export interface TemplatesProtocol {
  /** All templates, in the user's order. */
  listTemplates(): TemplateRecord[];
  /** The templates' names and days, in the user's order (the in-page filler's choice). */
  templateChoices(): TemplateChoice[];
  /** One template, read when the user clicks "Isi dari template"; null when it is gone. */
  templateForFill(id: string): TemplateRecord | null;
  /** Creates (no id) or replaces (with id) a template after validating it. */
  saveTemplate(draft: TemplateDraft): SaveTemplateResult;
  /** The filler's "remember this choice": only the template's Rencana Aksi changes. */
  rememberRencanaAksi(data: { id: string; rencanaAksi: string }): SaveTemplateResult;
  /**
   * The in-page "Simpan isian ini sebagai template": the form's values (from the page, made plain
   * text) become a template named `name`, for the user's working week; `replace` only when the
   * user agreed to replace the template of that name.
   */
  saveFormAsTemplate(data: { name: string; entry: TemplateEntryText; replace: boolean }): FormTemplateResult;
  /** The Rencana Aksi options the e-Kinerja form offered (from the page: kept as plain text). */
  rememberSiteRencanaAksi(options: string[]): void;
  /** The Rencana Aksi options last seen on e-Kinerja, as template values, and when; null before any. */
  siteRencanaAksi(): { at: string; options: string[] } | null;
  deleteTemplate(id: string): TemplateRecord[];
  duplicateTemplate(data: { id: string; nameSuffix: string }): TemplateRecord[];
  moveTemplate(data: { id: string; direction: 'up' | 'down' }): TemplateRecord[];
  setDefaultTemplate(id: string): TemplateRecord[];
  /** Adds every template of a CSV file, or none when any row is wrong. */
  importTemplatesCsv(text: string): ImportTemplatesResult;
  exportTemplatesCsv(): string;
}
