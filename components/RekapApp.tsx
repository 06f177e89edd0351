import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { wallClock } from '@/utils/calendar/dates';
import { calendarConfig } from '@/utils/calendar/status';
import { countingStart } from '@/utils/calendar/missed-days';
import { buildRekap, formatHours } from '@/utils/rekap/rekap';
import { parsePeriodKey, periodKey, periodsOf } from '@/utils/rekap/period';
import { exportFileName, rekapTables, tableToCsv, type Table } from '@/utils/rekap/tables';
import { XLSX_MIME } from '@/utils/xlsx/mime';
import type { RekapData } from '@/utils/messaging/jurnal';
import { REKAP_READY_MARK } from '@/utils/ui/marks';
import { RekapPeriodPicker, periodTitle } from './RekapPeriodPicker';
import { RekapWeekChart } from './RekapWeekChart';
import { RekapTable } from './RekapTable';

export interface Props {
  load(): Promise<RekapData>;
  /** The period to show first (`2026-12`, `2026-S2`); this month otherwise. */
  initial?: string;
  onPeriod?(key: string): void;
  now?: () => Date;
}

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * The Rekap page: a month or an SKP period — days reported / missed / off per week (chart and
 * table), hours per day and per Rencana Aksi, realisasi, bukti dukung links, what the site shows
 * that the Jurnal lacks, and the Jurnal's entries; each view as CSV, all as one .xlsx; printable.
 */
export function RekapApp({ load, initial, onPeriod, now = () => new Date() }: Props) {
  const [data, setData] = useState<RekapData | null>(null);
  const [error, setError] = useState(false);
  const [exportError, setExportError] = useState(false);
  const [key, setKey] = useState<string | null>(initial && parsePeriodKey(initial) ? initial : null);

  useEffect(() => {
    load().then(setData, () => setError(true));
  }, [load]);

  const [openedAt] = useState(now);
  const clock = useMemo(() => (data ? wallClock(openedAt, data.settings.zone) : null), [data, openedAt]);
  const chosen = key ?? (clock ? periodKey(periodsOf(clock.date).month) : null);
  const period = chosen ? parsePeriodKey(chosen) : null;

  const view = useMemo(() => {
    const period = chosen ? parsePeriodKey(chosen) : null;
    if (!data || !clock || !period) return null;
    const { settings } = data;
    const rekap = buildRekap({
      period, entries: data.entries, reports: data.reports, cal: calendarConfig(settings, data.daysOff),
      today: clock.date, nowTime: clock.time, targetTime: settings.targetTime,
      countFrom: countingStart(settings.countFrom, settings.installedOn ?? clock.date, clock.date),
    });
    return { rekap, tables: rekapTables(rekap, data.entries, t, uiLocale()) };
  }, [data, clock, chosen]);

  useEffect(() => {
    if (view) performance.mark(REKAP_READY_MARK);
  }, [view]);

  if (error) return <main class="rekap"><p role="alert" class="error">{t('error_background')}</p></main>;
  if (!data || !clock || !period || !view) return <main class="rekap" aria-busy="true"><p class="muted">{t('rekap_loading')}</p></main>;

  const { rekap, tables } = view;
  const byId = Object.fromEntries(tables.map((x) => [x.id, x])) as Record<Table['id'], Table>;
  const choose = (k: string) => { setKey(k); onPeriod?.(k); };
  const csv = (table: Table) => download(exportFileName(rekap, table.id, 'csv'), new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const xlsx = async () => {
    setExportError(false);
    try {
      const { tablesToXlsx } = await import('@/utils/rekap/workbook');
      download(exportFileName(rekap, 'all', 'xlsx'), new Blob([tablesToXlsx(tables) as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }));
    } catch {
      setExportError(true);
    }
  };
  const tot = rekap.totals;
  const missingLinks = rekap.bukti.reduce((n, g) => n + g.missing.length, 0);
  const title = periodTitle(period);
  const weekends = new Set(rekap.days.filter((d) => d.kind === 'weekend').map((d) => d.date));
  const missedLabel = t('rekap_kind_missed');

  return (
    <main class="rekap">
      <header class="rekap-head">
        <h1>{t('rekap_title')}: {title}</h1>
        <p class="print-only muted">{t('rekap_printed_at', new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long' }).format(openedAt))}</p>
        <div class="rekap-controls no-print">
          <RekapPeriodPicker today={clock.date} value={periodKey(period)} onChange={choose} />
          <button type="button" class="primary" onClick={() => window.print()}>{t('rekap_print')}</button>
          <button type="button" onClick={() => void xlsx()}>{t('rekap_export_xlsx')}</button>
          <button type="button" onClick={() => csv(byId.jurnal)}>{t('rekap_export_jurnal_csv')}</button>
        </div>
        {exportError && <p role="alert" class="error">{t('rekap_export_failed')}</p>}
      </header>

      <section class="rekap-section" aria-labelledby="rekap-summary-title">
        <h2 id="rekap-summary-title">{t('rekap_summary_title')}</h2>
        <dl class="rekap-summary">
          <div><dt>{t('rekap_total_workdays')}</dt><dd>{tot.workdays}</dd></div>
          <div><dt>{t('rekap_kind_reported')}</dt><dd>{tot.reported}</dd></div>
          <div><dt>{t('rekap_kind_missed')}</dt><dd class={tot.missed ? 'error' : undefined}>{tot.missed}</dd></div>
          <div><dt>{t('rekap_kind_off')}</dt><dd>{tot.off}</dd></div>
          <div><dt>{t('rekap_total_hours')}</dt><dd>{formatHours(tot.minutes)}</dd></div>
          <div><dt>{t('rekap_total_saved')}</dt><dd>{tot.saved}</dd></div>
          <div><dt>{t('rekap_site_title')}</dt><dd>{tot.siteOnly + rekap.reportedWithoutEntry.length}</dd></div>
        </dl>
      </section>

      <section class="rekap-section" aria-labelledby="rekap-chart-heading">
        <h2 id="rekap-chart-heading">{t('rekap_chart_title')}</h2>
        <RekapWeekChart weeks={rekap.weeks} tableId="rekap-weeks" />
      </section>
      <RekapTable table={byId.weeks} onCsv={csv} />
      <RekapTable table={byId.rencanaAksi} onCsv={csv} />
      <RekapTable table={byId.realisasi} onCsv={csv} />
      {missingLinks > 0 && <p class="rekap-warning">{t('rekap_bukti_missing_count', String(missingLinks))}</p>}
      <RekapTable table={byId.bukti} onCsv={csv} flag={(row) => row[3] === ''} />
      <RekapTable table={byId.site} onCsv={csv} />
      <RekapTable
        table={byId.days} onCsv={csv}
        show={(row) => row[4] !== 0 || !weekends.has(row[0] as string)}
        flag={(row) => row[2] === missedLabel}
      />
      <RekapTable table={byId.jurnal} onCsv={csv} />
    </main>
  );
}
