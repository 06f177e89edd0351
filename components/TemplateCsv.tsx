import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { decodeCsvBytes, parseCsv, type CsvRowError } from '@/utils/templates/csv';
import { XLSX_MIME } from '@/utils/xlsx/mime';
import type { ImportTemplatesResult } from '@/utils/messaging/templates';
import { InputWithHelp } from './InputWithHelp';

export const CSV_FILE_NAME = 'template-progres-harian.csv';
export const XLSX_FILE_NAME = 'template-progres-harian.xlsx';

export interface Props {
  exportCsv(): Promise<string>;
  importCsv(text: string): Promise<ImportTemplatesResult>;
  /** Called after templates were added, so the list shows them. */
  onImported(count: number): void;
}

/** The message of one row error; the rejected value follows when the message does not name it. */
export function rowErrorText(e: CsvRowError): string {
  const text = t(e.code as MessageKey, e.params);
  return e.detail !== undefined && !e.params?.length ? `${text} ${t('templates_csv_value', e.detail)}` : text;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'exported'; fileName: string }
  | { kind: 'imported'; count: number; ignored: string[] }
  | { kind: 'rejected'; fileName: string; errors: CsvRowError[] }
  | { kind: 'failed' };

/**
 * "Impor & ekspor CSV": export every template for Excel; import a file (Excel's `;` or `,`) in
 * one go — when any row is wrong nothing is added and every row's errors are listed.
 */
export function TemplateCsv({ exportCsv, importCsv, onImported }: Props) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);

  const doExport = async () => {
    try {
      const text = await exportCsv();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      a.download = CSV_FILE_NAME;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setOutcome({ kind: 'exported', fileName: CSV_FILE_NAME });
    } catch {
      setOutcome({ kind: 'failed' });
    }
  };

  // The same templates as an Excel workbook (the CSV's columns); the zip code loads only now.
  const doExportXlsx = async () => {
    try {
      const [text, { writeXlsx }] = await Promise.all([exportCsv(), import('@/utils/xlsx/write')]);
      const parsed = parseCsv(text.replace(/^\uFEFF/, ''), ';');
      if (!parsed.ok) throw new Error('unreadable export');
      const bytes = writeXlsx([{ name: 'Template', rows: parsed.records.map((r) => r.cells) }]);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }));
      a.download = XLSX_FILE_NAME;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setOutcome({ kind: 'exported', fileName: XLSX_FILE_NAME });
    } catch {
      setOutcome({ kind: 'failed' });
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome({ kind: 'none' });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let text: string;
      // An .xlsx is a zip ("PK"): its template sheet becomes CSV text for the same import.
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
        const { templatesXlsxToCsv } = await import('@/utils/templates/xlsx');
        const sheet = templatesXlsxToCsv(bytes);
        if (!sheet.ok) {
          setOutcome({ kind: 'rejected', fileName: file.name, errors: [{ row: 1, code: sheet.code }] });
          return;
        }
        text = sheet.text;
      } else {
        text = decodeCsvBytes(bytes);
      }
      const res = await importCsv(text);
      if (res.ok) {
        setOutcome({ kind: 'imported', count: res.count, ignored: res.ignoredColumns });
        onImported(res.count);
      } else {
        setOutcome({ kind: 'rejected', fileName: file.name, errors: res.errors });
      }
    } catch {
      setOutcome({ kind: 'failed' });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="tpl-csv" aria-labelledby="tpl-csv-title">
      <h3 id="tpl-csv-title">{t('templates_csv_title')}</h3>
      <p class="muted">{t('templates_csv_help')}</p>
      <button type="button" onClick={() => void doExport()}>{t('templates_export_csv')}</button>
      <button type="button" onClick={() => void doExportXlsx()}>{t('templates_export_xlsx')}</button>
      <InputWithHelp
        id="tpl-csv-file"
        label={t('templates_import_csv')}
        type="file"
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        help={{ id: 'tpl-csv-file-hint', text: t('templates_import_hint'), class: 'muted tpl-hint' }}
        onChange={(e) => void onFile(e.currentTarget)}
      />
      {outcome.kind === 'rejected' && (
        <div role="alert" class="error tpl-csv-errors">
          <p>{t('templates_import_rejected', outcome.fileName)}</p>
          <table class="tpl-table">
            <thead>
              <tr>
                <th scope="col">{t('templates_csv_row')}</th>
                <th scope="col">{t('templates_csv_column')}</th>
                <th scope="col">{t('templates_csv_problem')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{rowErrorText(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outcome.kind === 'failed' && <p role="alert" class="error">{t('error_background')}</p>}
      <p role="status" class="ok">
        {outcome.kind === 'exported' && t('templates_exported', outcome.fileName)}
        {outcome.kind === 'imported' && t('templates_imported', String(outcome.count))}
        {outcome.kind === 'imported' && outcome.ignored.length > 0 && ` ${t('templates_imported_ignored', outcome.ignored.join(', '))}`}
      </p>
    </section>
  );
}
