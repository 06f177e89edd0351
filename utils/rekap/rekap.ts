/**
 * The Rekap of a month or an SKP period: what the assessment needs, from the Jurnal, the reports
 * and the workday calendar. Pure — the caller passes "today" in the user's zone. Whether a day is
 * a working day, and which are missed, comes from utils/calendar (one calendar for the popup, the
 * badge and this page).
 *
 * - Per week (ISO weeks, Monday–Sunday, cut to the period): working days reported, missed, not
 *   yet due, and before counting started ('unknown'); days off (holidays, cuti bersama, the
 *   user's days off — not weekends) without a report; reports made on a non-working day count as
 *   reported.
 * - Hours per day and per Rencana Aksi: the sum of (end − start) of the entries; an entry the
 *   site's calendar shows that is the same as a saved one counts once.
 * - Realisasi summed per Rencana Aksi and satuan (saved entries; a site reading knows none).
 * - Bukti dukung links grouped by Rencana Aksi; days whose entry has no link are listed apart.
 * - Entries read from the site but not in the Jurnal, and reported days with no entry known at
 *   all (e.g. marked by hand), are listed as such.
 */
import type { ReportRecord, ReportSource } from '../db/schema';
import { isoWeekday } from '../calendar/dates';
import { missedDays, pastTarget } from '../calendar/missed-days';
import { addDays, datesBetween, dayStatus, type CalendarConfig, type NonWorkReason } from '../calendar/workdays';
import { compareEntries, durationMinutes, isSaved, linksOf, sameAsSaved, type JurnalEntry } from '../jurnal/entry';
import { periodRange, type Period } from './period';

export type DayKind = 'reported' | 'missed' | 'upcoming' | 'unknown' | 'off' | 'weekend';

export interface RekapInput {
  period: Period;
  /** Every Jurnal entry (saved and read from the site); those outside the period are ignored. */
  entries: readonly JurnalEntry[];
  reports: readonly ReportRecord[];
  cal: CalendarConfig;
  /** Today and the time now in the user's zone, and the day's target time (as the popup counts). */
  today: string;
  nowTime: string;
  targetTime: string;
  /** Working days before this date are 'unknown' when not reported, not 'missed'; null = none. */
  countFrom?: string | null;
}

export interface RekapDay {
  date: string;
  kind: DayKind;
  /** Why it is not a working day ('off' and 'weekend', and reported non-working days). */
  reason?: NonWorkReason;
  /** The holiday's name or the user's note. */
  note?: string;
  minutes: number;
  /** The entries of the day (saved, then site-only), by start time. */
  entries: RekapEntry[];
  /** How the report of the day is known, when reported. */
  reportSource?: ReportSource;
}

export interface RekapEntry extends JurnalEntry {
  /** Read from the site's calendar and not in the Jurnal. */
  siteOnly: boolean;
}

export interface RekapWeek {
  /** First and last day of the week inside the period. */
  from: string;
  to: string;
  reported: number;
  missed: number;
  off: number;
  upcoming: number;
  unknown: number;
}

export interface RencanaAksiHours {
  rencanaAksi: string;
  minutes: number;
  entries: number;
  days: number;
}

export interface RealisasiSum {
  rencanaAksi: string;
  satuan: string;
  total: number;
  entries: number;
}

export interface BuktiGroup {
  rencanaAksi: string;
  /** Entries with at least one link, in date order. */
  links: Array<{ date: string; kegiatan: string; links: string[]; entryId: string }>;
  /** Entries without a link (the bukti dukung text, possibly empty, is kept). */
  missing: Array<{ date: string; kegiatan: string; buktiDukung: string; entryId: string }>;
}

export interface Rekap {
  period: Period;
  from: string;
  to: string;
  days: RekapDay[];
  weeks: RekapWeek[];
  totals: {
    workdays: number;
    reported: number;
    missed: number;
    off: number;
    upcoming: number;
    unknown: number;
    minutes: number;
    /** Saved entries in the period. */
    saved: number;
    siteOnly: number;
  };
  byRencanaAksi: RencanaAksiHours[];
  realisasi: RealisasiSum[];
  bukti: BuktiGroup[];
  /** Entries read from the site's calendar and not in the Jurnal. */
  siteOnly: RekapEntry[];
  /** Reported days with no entry known (saved or read), with how the report is known. */
  reportedWithoutEntry: Array<{ date: string; source: ReportSource }>;
}

const collator = new Intl.Collator('id');

/** The entries of the period as the Rekap counts them: saved ones, then site readings not saved. */
export function rekapEntries(entries: readonly JurnalEntry[], from: string, to: string): RekapEntry[] {
  const inPeriod = entries.filter((e) => e.date >= from && e.date <= to);
  const saved = inPeriod.filter(isSaved);
  const savedByDate = new Map<string, JurnalEntry[]>();
  for (const e of saved) savedByDate.set(e.date, [...(savedByDate.get(e.date) ?? []), e]);
  const out: RekapEntry[] = saved.map((e) => ({ ...e, siteOnly: false }));
  for (const e of inPeriod) {
    if (isSaved(e)) continue;
    if ((savedByDate.get(e.date) ?? []).some((s) => sameAsSaved(e, s))) continue;
    out.push({ ...e, siteOnly: true });
  }
  return out.sort(compareEntries);
}

export function buildRekap(input: RekapInput): Rekap {
  const { period, cal, today } = input;
  const { from, to } = periodRange(period);
  const reportByDate = new Map<string, ReportRecord>();
  for (const r of input.reports) if (r.status === 'reported') reportByDate.set(r.date, r);
  const countFrom = input.countFrom && input.countFrom > from ? input.countFrom : from;
  const missed = new Set(missedDays({
    from: countFrom, today, nowTime: input.nowTime, targetTime: input.targetTime, cal, reported: new Set(reportByDate.keys()),
  }).filter((d) => d <= to));
  const lastDue = pastTarget(input.nowTime, input.targetTime) ? today : addDays(today, -1);

  const entries = rekapEntries(input.entries, from, to);
  const entriesByDate = new Map<string, RekapEntry[]>();
  for (const e of entries) entriesByDate.set(e.date, [...(entriesByDate.get(e.date) ?? []), e]);

  const days: RekapDay[] = datesBetween(from, to).map((date) => {
    const status = dayStatus(date, cal);
    const report = reportByDate.get(date);
    let kind: DayKind;
    if (report) kind = 'reported';
    else if (!status.workday) kind = status.reason === 'weekend' ? 'weekend' : 'off';
    else if (missed.has(date)) kind = 'missed';
    else if (date > lastDue) kind = 'upcoming';
    else kind = 'unknown'; // before counting started
    const dayEntries = entriesByDate.get(date) ?? [];
    const day: RekapDay = { date, kind, minutes: dayEntries.reduce((m, e) => m + durationMinutes(e), 0), entries: dayEntries };
    if (!status.workday) {
      day.reason = status.reason;
      const note = status.name ?? status.note;
      if (note) day.note = note;
    }
    if (report) day.reportSource = report.source;
    return day;
  });

  // Weeks: Monday–Sunday, cut to the period.
  const weeks: RekapWeek[] = [];
  for (const day of days) {
    let week = weeks[weeks.length - 1];
    if (!week || isoWeekday(day.date) === 1) {
      week = { from: day.date, to: day.date, reported: 0, missed: 0, off: 0, upcoming: 0, unknown: 0 };
      weeks.push(week);
    }
    week.to = day.date;
    if (day.kind !== 'weekend') week[day.kind]++;
  }

  const sum = (k: DayKind) => days.filter((d) => d.kind === k).length;
  const saved = entries.filter((e) => !e.siteOnly);

  const raMap = new Map<string, RencanaAksiHours & { dates: Set<string> }>();
  for (const e of entries) {
    const key = e.rencanaAksi;
    const g = raMap.get(key) ?? { rencanaAksi: key, minutes: 0, entries: 0, days: 0, dates: new Set<string>() };
    g.minutes += durationMinutes(e);
    g.entries++;
    g.dates.add(e.date);
    raMap.set(key, g);
  }
  const byRencanaAksi = [...raMap.values()]
    .map(({ dates, ...g }) => ({ ...g, days: dates.size }))
    .sort((a, b) => b.minutes - a.minutes || collator.compare(a.rencanaAksi, b.rencanaAksi));

  const realMap = new Map<string, RealisasiSum>();
  for (const e of saved) {
    if (e.realisasi === null) continue;
    const key = JSON.stringify([e.rencanaAksi, e.satuan]);
    const g = realMap.get(key) ?? { rencanaAksi: e.rencanaAksi, satuan: e.satuan, total: 0, entries: 0 };
    g.total += e.realisasi;
    g.entries++;
    realMap.set(key, g);
  }
  const realisasi = [...realMap.values()].sort((a, b) => collator.compare(a.rencanaAksi, b.rencanaAksi) || collator.compare(a.satuan, b.satuan));

  const buktiMap = new Map<string, BuktiGroup>();
  for (const e of saved) {
    const g = buktiMap.get(e.rencanaAksi) ?? { rencanaAksi: e.rencanaAksi, links: [], missing: [] };
    const links = linksOf(e.buktiDukung);
    if (links.length) g.links.push({ date: e.date, kegiatan: e.kegiatan, links, entryId: e.id });
    else g.missing.push({ date: e.date, kegiatan: e.kegiatan, buktiDukung: e.buktiDukung, entryId: e.id });
    buktiMap.set(e.rencanaAksi, g);
  }
  const bukti = [...buktiMap.values()].sort((a, b) => collator.compare(a.rencanaAksi, b.rencanaAksi));

  const reportedWithoutEntry = days
    .filter((d) => d.kind === 'reported' && d.entries.length === 0)
    .map((d) => ({ date: d.date, source: d.reportSource! }));

  return {
    period,
    from,
    to,
    days,
    weeks,
    totals: {
      workdays: days.filter((d) => dayStatus(d.date, cal).workday).length,
      reported: sum('reported'),
      missed: sum('missed'),
      off: sum('off'),
      upcoming: sum('upcoming'),
      unknown: sum('unknown'),
      minutes: entries.reduce((m, e) => m + durationMinutes(e), 0),
      saved: saved.length,
      siteOnly: entries.length - saved.length,
    },
    byRencanaAksi,
    realisasi,
    bukti,
    siteOnly: entries.filter((e) => e.siteOnly),
    reportedWithoutEntry,
  };
}

/** Minutes as hours text: 90 → "1:30". */
export function formatHours(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
