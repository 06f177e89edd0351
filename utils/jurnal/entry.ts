/**
 * The Jurnal: a local record of every Progres Harian entry the extension saw saved, with the
 * values sent, and what the site's calendar showed. Pure: no storage, no DOM.
 *
 * Where an entry came from (`source`):
 * - 'template': the filler filled the form from a template (`templateId`), the user clicked OK and
 *   the save was confirmed. The values are those in the form at OK (the user may have edited them).
 * - 'typed': the user typed the form themselves; the save was confirmed.
 * - 'site-calendar': read from the site's calendar (only its `title` and times are known); never
 *   sent by the extension.
 */

import { isDateShaped, isTime, minutesOfDay } from '../calendar/dates';
import type { TemplateEntryText } from '../db/schema';
import { parseRealisasi } from '../templates/validate';

export { JURNAL_SOURCES, type JurnalEntry, type JurnalSource } from '../db/schema';
import { JURNAL_SOURCES, type JurnalEntry } from '../db/schema';

/** The values of the form at OK, as the content script read them (every field as written). */
export interface SentValues extends TemplateEntryText {
  date: string;
}

const clean = (s: unknown): string => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '');

/** Minutes since midnight of `HH:mm`, or null. */
export function timeMinutes(time: string): number | null {
  return isTime(time) ? minutesOfDay(time) : null;
}

/** The entry's length in minutes (end − start); 0 when either time is unknown or end is not after start. */
export function durationMinutes(e: Pick<JurnalEntry, 'jamMulai' | 'jamSelesai'>): number {
  const a = timeMinutes(e.jamMulai);
  const b = timeMinutes(e.jamSelesai);
  return a === null || b === null || b <= a ? 0 : b - a;
}

/** Whether the bukti dukung holds a web link (http or https). */
export function hasLink(buktiDukung: string): boolean {
  return /\bhttps?:\/\/\S+/i.test(buktiDukung);
}

/** The web links in a bukti dukung text, in order. */
export function linksOf(buktiDukung: string): string[] {
  return buktiDukung.match(/\bhttps?:\/\/[^\s,;]+/gi) ?? [];
}

/** Realisasi as the form shows it ('2', '2,00') → a whole number ≥ 0, else null (the editor's reading). */
export { parseRealisasi };

/**
 * A Jurnal entry from the values sent with a confirmed save. `templateId` set means the form was
 * filled from that template; otherwise the user typed it. Null when the date is not a real date
 * (nothing is recorded on a guess).
 */
export function entryFromSave(
  values: SentValues,
  opts: { id: string; now: Date; templateId?: string | null },
): JurnalEntry | null {
  const date = values.date.trim();
  if (!isDateShaped(date)) return null;
  const entry: JurnalEntry = {
    id: opts.id,
    date,
    rencanaAksi: clean(values.rencanaAksi),
    jamMulai: isTime(values.jamMulai.trim()) ? values.jamMulai.trim() : '',
    jamSelesai: isTime(values.jamSelesai.trim()) ? values.jamSelesai.trim() : '',
    kegiatan: clean(values.kegiatan),
    realisasi: parseRealisasi(values.realisasi),
    satuan: clean(values.satuan),
    buktiDukung: clean(values.buktiDukung),
    source: opts.templateId ? 'template' : 'typed',
    recordedAt: opts.now.toISOString(),
  };
  if (opts.templateId) entry.templateId = opts.templateId;
  return entry;
}

/** What the site's calendar shows for one entry. */
export interface SiteCalendarEvent {
  date: string;
  title: string;
  /** `HH:mm` or ''. */
  start: string;
  end: string;
}

/** A stable id for a calendar event, so reading the same calendar twice stores it once. */
export function siteEntryId(ev: SiteCalendarEvent): string {
  return `site:${ev.date}:${ev.start}-${ev.end}:${clean(ev.title)}`;
}

/** A 'site-calendar' entry: only the title and times are known. */
export function entryFromSite(ev: SiteCalendarEvent, now: Date): JurnalEntry | null {
  if (!isDateShaped(ev.date)) return null;
  return {
    id: siteEntryId(ev),
    date: ev.date,
    rencanaAksi: '',
    jamMulai: isTime(ev.start) ? ev.start : '',
    jamSelesai: isTime(ev.end) ? ev.end : '',
    kegiatan: '',
    realisasi: null,
    satuan: '',
    buktiDukung: '',
    source: 'site-calendar',
    title: clean(ev.title),
    recordedAt: now.toISOString(),
  };
}

/** Whether an entry was sent by the extension (a confirmed save), not only read from the site. */
export const isSaved = (e: Pick<JurnalEntry, 'source'>): boolean => e.source !== 'site-calendar';

/**
 * Whether a site-calendar entry is the same as a saved one: same date and, when the site shows
 * times, the same times; otherwise its title holds the saved kegiatan (or the other way round).
 */
export function sameAsSaved(site: JurnalEntry, saved: JurnalEntry): boolean {
  if (site.date !== saved.date) return false;
  if (site.jamMulai && saved.jamMulai) return site.jamMulai === saved.jamMulai && (!site.jamSelesai || !saved.jamSelesai || site.jamSelesai === saved.jamSelesai);
  const t = (site.title ?? '').toLocaleLowerCase('id');
  const k = saved.kegiatan.toLocaleLowerCase('id');
  return t !== '' && k !== '' && (t.includes(k) || k.includes(t));
}

/** Orders entries by date, then start time, then when they were recorded. */
export function compareEntries(a: JurnalEntry, b: JurnalEntry): number {
  return a.date.localeCompare(b.date) || a.jamMulai.localeCompare(b.jamMulai) || a.recordedAt.localeCompare(b.recordedAt);
}

export type EntryProblem = { field: keyof JurnalEntry | ''; expected: string };

/** Checks a stored or restored entry; every problem found, empty when valid. */
export function checkEntry(v: unknown): EntryProblem[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [{ field: '', expected: 'object' }];
  const r = v as Record<string, unknown>;
  const problems: EntryProblem[] = [];
  const want = (field: keyof JurnalEntry, ok: boolean, expected: string) => { if (!ok) problems.push({ field, expected }); };
  const isStr = (x: unknown) => typeof x === 'string';
  const timeOrEmpty = (x: unknown) => x === '' || isTime(x);
  want('id', typeof r.id === 'string' && r.id.trim() !== '', 'string');
  want('date', isDateShaped(r.date), 'YYYY-MM-DD');
  for (const f of ['rencanaAksi', 'kegiatan', 'satuan', 'buktiDukung', 'recordedAt'] as const) want(f, isStr(r[f]), 'string');
  want('jamMulai', timeOrEmpty(r.jamMulai), "HH:mm | ''");
  want('jamSelesai', timeOrEmpty(r.jamSelesai), "HH:mm | ''");
  want('realisasi', r.realisasi === null || (typeof r.realisasi === 'number' && Number.isFinite(r.realisasi)), 'number | null');
  want('source', (JURNAL_SOURCES as readonly unknown[]).includes(r.source), JURNAL_SOURCES.join(' | '));
  if ('templateId' in r) want('templateId', isStr(r.templateId), 'string');
  if ('title' in r) want('title', isStr(r.title), 'string');
  return problems;
}
