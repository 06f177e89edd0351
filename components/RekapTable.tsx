import { t } from '@/utils/i18n/i18n';
import type { Cell, Table } from '@/utils/rekap/tables';

export interface Props {
  table: Table;
  /** Rows to show (the export always has them all); all by default. */
  show?: (row: readonly Cell[]) => boolean;
  /** Rows to mark (e.g. an entry without a bukti dukung link). */
  flag?: (row: readonly Cell[]) => boolean;
  onCsv(table: Table): void;
}

const isLink = (c: Cell): c is string => typeof c === 'string' && /^https?:\/\/\S+$/.test(c);

/** One view of the Rekap as an HTML table, with its CSV download. */
export function RekapTable({ table, show, flag, onCsv }: Props) {
  const rows = show ? table.rows.filter(show) : table.rows;
  const id = `rekap-${table.id}`;
  return (
    <section class="rekap-section" aria-labelledby={`${id}-title`}>
      <div class="rekap-section-head">
        <h2 id={`${id}-title`}>{table.title}</h2>
        <button type="button" class="small no-print" aria-label={t('rekap_export_csv_of', table.title)} onClick={() => onCsv(table)}>
          {t('rekap_export_csv')}
        </button>
      </div>
      {rows.length === 0 ? <p class="muted">{t('rekap_table_empty')}</p> : (
        <table id={id} class="rekap-table">
          <thead>
            <tr>{table.header.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} class={flag?.(row) ? 'flagged' : undefined}>
                {row.map((c, j) => (
                  <td key={j} class={typeof c === 'number' ? 'num' : undefined}>
                    {isLink(c) ? <a href={c} target="_blank" rel="noopener noreferrer">{c}</a> : c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
