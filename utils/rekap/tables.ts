/**
 * The Rekap's views and the Jurnal as tables (a header row, then rows of cells): what the Rekap
 * page shows, what each CSV holds, and the sheets of the .xlsx workbook — one source for all
 * three. Dates are `YYYY-MM-DD` and times `HH:mm` (what spreadsheets and the CSV importers read);
 * the Jurnal's first eight columns are the templates CSV's (the e-Kinerja Excel importers'
 * order), so a Jurnal export can be edited and imported back as templates.
 */
import type { MessageKey } from '../i18n/i18n';
import { formatCsv, CSV_COLUMNS, type CsvSeparator } from '../templates/csv';
import { compareEntries, type JurnalEntry } from '../jurnal/entry';
import { formatHours, type DayKind, type Rekap } from './rekap';
import { periodKey } from './period';

export type Cell = string | number | null;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export const TABLE_IDS = ['weeks', 'days', 'rencanaAksi', 'realisasi', 'bukti', 'site', 'jurnal'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface Table {
  id: TableId;
  /** The view's title (the sheet's name). */
  title: string;
  header: string[];
  rows: Cell[][];
}

export const DAY_KIND_MESSAGE = {
  reported: 'rekap_kind_reported',
  missed: 'rekap_kind_missed',
  upcoming: 'rekap_kind_upcoming',
  unknown: 'rekap_kind_unknown',
  off: 'rekap_kind_off',
  weekend: 'rekap_kind_weekend',
} as const satisfies Record<DayKind, MessageKey>;

export const SOURCE_MESSAGE = {
  'template': 'jurnal_source_template',
  'typed': 'jurnal_source_typed',
  'site-calendar': 'jurnal_source_site',
} as const satisfies Record<JurnalEntry['source'], MessageKey>;

export const REPORT_SOURCE_MESSAGE = {
  site: 'rekap_report_site',
  observed: 'rekap_report_observed',
  manual: 'rekap_report_manual',
} as const satisfies Record<'site' | 'observed' | 'manual', MessageKey>;

/** The weekday name of a date; one formatter per locale (making one costs far more than using it). */
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekday(date: string, locale: string): string {
  let f = weekdayFormats.get(locale);
  if (!f) weekdayFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })));
  return f.format(new Date(`${date}T12:00:00Z`));
}

/** `t` remembering each key's text without substitutions: the tables ask for the same few labels hundreds of times. */
function remembering(t: Translate): Translate {
  const seen = new Map<string, string>();
  return (key, substitutions) => {
    if (substitutions !== undefined) return t(key, substitutions);
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = t(key)));
    return text;
  };
}

/** Every view of the Rekap, in page order (the Jurnal's entries of the period last). */
export function rekapTables(r: Rekap, entries: readonly JurnalEntry[], translate: Translate, locale = 'id-ID'): Table[] {
  const t = remembering(translate);
  const hours = t('rekap_col_hours');
  const minutes = t('rekap_col_minutes');
  const ra = CSV_COLUMNS[0]!.header;
  return [
    {
      id: 'weeks', title: t('rekap_weeks_title'),
      header: [t('rekap_col_from'), t('rekap_col_to'), t('rekap_kind_reported'), t('rekap_kind_missed'), t('rekap_kind_off'), t('rekap_kind_upcoming'), t('rekap_kind_unknown')],
      rows: r.weeks.map((w) => [w.from, w.to, w.reported, w.missed, w.off, w.upcoming, w.unknown]),
    },
    {
      id: 'days', title: t('rekap_days_title'),
      header: [t('rekap_col_date'), t('rekap_col_weekday'), t('rekap_col_status'), t('rekap_col_note'), t('rekap_col_entries'), hours, minutes],
      rows: r.days.map((d) => [
        d.date, weekday(d.date, locale), t(DAY_KIND_MESSAGE[d.kind]),
        d.note ?? (d.reportSource ? t(REPORT_SOURCE_MESSAGE[d.reportSource]) : ''),
        d.entries.length, formatHours(d.minutes), d.minutes,
      ]),
    },
    {
      id: 'rencanaAksi', title: t('rekap_ra_title'),
      header: [ra, t('rekap_col_entries'), t('rekap_col_days'), hours, minutes],
      rows: r.byRencanaAksi.map((g) => [g.rencanaAksi || t('rekap_ra_unknown'), g.entries, g.days, formatHours(g.minutes), g.minutes]),
    },
    {
      id: 'realisasi', title: t('rekap_realisasi_title'),
      header: [ra, CSV_COLUMNS[6]!.header, CSV_COLUMNS[5]!.header, t('rekap_col_entries')],
      rows: r.realisasi.map((g) => [g.rencanaAksi, g.satuan, g.total, g.entries]),
    },
    {
      id: 'bukti', title: t('rekap_bukti_title'),
      header: [ra, t('rekap_col_date'), CSV_COLUMNS[4]!.header, t('rekap_col_link'), t('rekap_col_note')],
      rows: r.bukti.flatMap((g) => [
        ...g.links.flatMap((l) => l.links.map((link): Cell[] => [g.rencanaAksi, l.date, l.kegiatan, link, ''])),
        ...g.missing.map((m): Cell[] => [g.rencanaAksi, m.date, m.kegiatan, '', m.buktiDukung ? t('rekap_bukti_not_link', m.buktiDukung) : t('rekap_bukti_missing')]),
      ]),
    },
    {
      id: 'site', title: t('rekap_site_title'),
      header: [t('rekap_col_date'), t('rekap_col_title'), CSV_COLUMNS[2]!.header, CSV_COLUMNS[3]!.header, t('rekap_col_note')],
      rows: [
        ...r.siteOnly.map((e): Cell[] => [e.date, e.title ?? '', e.jamMulai, e.jamSelesai, t('rekap_site_not_in_jurnal')]),
        ...r.reportedWithoutEntry.map((d): Cell[] => [d.date, '', '', '', t('rekap_site_no_entry', t(REPORT_SOURCE_MESSAGE[d.source]))]),
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    },
    jurnalTable(entries.filter((e) => e.source !== 'site-calendar' && e.date >= r.from && e.date <= r.to), t),
  ];
}

/** Jurnal entries: the importers' eight columns, then where each came from and when it was recorded. */
export function jurnalTable(entries: readonly JurnalEntry[], translate: Translate): Table {
  const t = remembering(translate);
  return {
    id: 'jurnal', title: t('jurnal_title'),
    header: [...CSV_COLUMNS.slice(0, 8).map((c) => c.header), t('jurnal_col_source'), t('rekap_col_title'), t('jurnal_col_recorded')],
    rows: [...entries].sort(compareEntries).map((e) => [
      e.rencanaAksi, e.date, e.jamMulai, e.jamSelesai, e.kegiatan, e.realisasi, e.satuan, e.buktiDukung,
      t(SOURCE_MESSAGE[e.source]), e.title ?? '', e.recordedAt,
    ]),
  };
}

/** One table as CSV text for Excel (BOM, `;`, CRLF), written by the templates CSV's writer. */
export function tableToCsv(table: Table, sep: CsvSeparator = ';'): string {
  const rows = [table.header, ...table.rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  return `\uFEFF${formatCsv(rows, sep)}`;
}

/** A file name for a table or the workbook: `rekap-2026-S2-jam-per-rencana-aksi.csv`. */
export function exportFileName(r: Pick<Rekap, 'period'>, part: TableId | 'all', ext: 'csv' | 'xlsx'): string {
  const slug: Record<TableId | 'all', string> = {
    all: '', weeks: '-mingguan', days: '-harian', rencanaAksi: '-jam-per-rencana-aksi', realisasi: '-realisasi',
    bukti: '-bukti-dukung', site: '-dari-situs', jurnal: '-jurnal',
  };
  return `rekap-${periodKey(r.period)}${slug[part]}.${ext}`;
}
