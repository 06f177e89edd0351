/**
 * Variables in template texts, rendered for the entry's date in Indonesian.
 *
 * Syntax
 * - `{name}` is a variable. The name is matched without regard to case, surrounding spaces, or
 *   a space/hyphen written instead of the underscore: `{Tanggal}`, `{ tanggal }` and
 *   `{tanggal panjang}` are the same as `{tanggal}` / `{tanggal_panjang}`.
 * - A literal brace is written doubled: `{{` gives `{` and `}}` gives `}` (as in Python's
 *   str.format), so `{{tanggal}}` renders as the text `{tanggal}`.
 * - Anything else between braces is an unknown variable (an error at save time; left as it is
 *   when rendered). A single `{` or `}` with no pair is also an error at save time and left as it
 *   is when rendered. `renderText` itself never throws on any text.
 *
 * Dates are `YYYY-MM-DD` calendar dates (the entry's date in the user's zone). Names come from
 * `Intl` (id-ID) applied to the date at UTC noon with `timeZone: 'UTC'`, so the machine's zone can
 * never move the day.
 *
 * `{minggu_ke}` is the week of the month counted in blocks of seven days:
 * `1 + floor((day - 1) / 7)` — days 1–7 are week 1, 8–14 week 2, 15–21 week 3, 22–28 week 4,
 * 29–31 week 5. It does not depend on the weekday the month starts on.
 */
import type { TemplateEntry } from '../db/schema';
import type { TemplateMessageKey } from './messages';

export const VARIABLES = [
  { name: 'tanggal', descriptionKey: 'template_var_tanggal' },
  { name: 'tanggal_iso', descriptionKey: 'template_var_tanggal_iso' },
  { name: 'tanggal_pendek', descriptionKey: 'template_var_tanggal_pendek' },
  { name: 'tanggal_panjang', descriptionKey: 'template_var_tanggal_panjang' },
  { name: 'hari', descriptionKey: 'template_var_hari' },
  { name: 'bulan', descriptionKey: 'template_var_bulan' },
  { name: 'tahun', descriptionKey: 'template_var_tahun' },
  { name: 'minggu_ke', descriptionKey: 'template_var_minggu_ke' },
] as const satisfies ReadonlyArray<{ name: string; descriptionKey: TemplateMessageKey }>;

export type VariableName = (typeof VARIABLES)[number]['name'];

/** The message key of the editor's help text about variables and literal braces. */
export const VARIABLES_HELP_KEY: TemplateMessageKey = 'template_variables_help';

const NAMES: ReadonlySet<string> = new Set(VARIABLES.map((v) => v.name));

/** `{tanggal}, {tanggal_iso}, …` — the valid variables, for error details. */
export const VALID_VARIABLES_TEXT = VARIABLES.map((v) => `{${v.name}}`).join(', ');

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month, day of a real calendar date `YYYY-MM-DD`, or null. */
export function dateParts(date: string): { y: number; m: number; d: number } | null {
  const match = DATE_RE.exec(date);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

let formats: { weekday: Intl.DateTimeFormat; month: Intl.DateTimeFormat; short: Intl.DateTimeFormat; long: Intl.DateTimeFormat } | undefined;
function idFormats(): NonNullable<typeof formats> {
  formats ??= {
    weekday: new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long' }),
    month: new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long' }),
    short: new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
    long: new Intl.DateTimeFormat('id-ID', {
      timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    }),
  };
  return formats;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The value of every variable for `date` (`YYYY-MM-DD`), e.g. for the editor's help table.
 * Throws a RangeError when `date` is not a real calendar date (a programming error).
 */
export function variableValues(date: string): Record<VariableName, string> {
  const p = dateParts(date);
  if (!p) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${date}`);
  const utcNoon = new Date(Date.UTC(p.y, p.m - 1, p.d, 12));
  utcNoon.setUTCFullYear(p.y); // years 1–99 would otherwise be read as 1901–1999
  const f = idFormats();
  const dd = pad(p.d, 2);
  const mm = pad(p.m, 2);
  const yyyy = pad(p.y, 4);
  return {
    tanggal: `${dd}-${mm}-${yyyy}`,
    tanggal_iso: `${yyyy}-${mm}-${dd}`,
    tanggal_pendek: f.short.format(utcNoon),
    tanggal_panjang: f.long.format(utcNoon),
    hari: f.weekday.format(utcNoon),
    bulan: f.month.format(utcNoon),
    tahun: yyyy,
    minggu_ke: String(1 + Math.floor((p.d - 1) / 7)),
  };
}

/** `{{`, `}}`, a `{…}` reference, or a single unpaired brace. */
const TOKEN_RE = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;

/** The canonical name for what was written between braces (`Tanggal Panjang` → `tanggal_panjang`). */
function canonicalName(inner: string): string {
  return inner.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

type Token =
  | { kind: 'brace'; text: '{' | '}' }
  | { kind: 'variable'; name: VariableName; raw: string }
  | { kind: 'unknown'; raw: string }
  | { kind: 'unpaired'; raw: string };

function classify(match: RegExpMatchArray): Token {
  const raw = match[0];
  if (raw === '{{') return { kind: 'brace', text: '{' };
  if (raw === '}}') return { kind: 'brace', text: '}' };
  if (match[1] === undefined) return { kind: 'unpaired', raw };
  const name = canonicalName(match[1]);
  return NAMES.has(name) ? { kind: 'variable', name: name as VariableName, raw } : { kind: 'unknown', raw };
}

function* tokens(text: string): Generator<{ token: Token; index: number; end: number }> {
  for (const m of text.matchAll(TOKEN_RE)) {
    yield { token: classify(m), index: m.index, end: m.index + m[0].length };
  }
}

/**
 * `text` with its variables replaced by their values for `date` (`YYYY-MM-DD`) and `{{`/`}}`
 * turned into single braces. Unknown variables and unpaired braces are left as written.
 * Throws a RangeError only when `date` is not a real calendar date.
 */
export function renderText(text: string, date: string): string {
  const values = variableValues(date);
  if (!text.includes('{') && !text.includes('}')) return text;
  let out = '';
  let last = 0;
  for (const { token, index, end } of tokens(text)) {
    out += text.slice(last, index);
    switch (token.kind) {
      case 'brace': out += token.text; break;
      case 'variable': out += values[token.name]; break;
      default: out += token.raw;
    }
    last = end;
  }
  return out + text.slice(last);
}

/** The unknown `{…}` references in `text`, as written, without repeats, in order of appearance. */
export function findUnknownVariables(text: string): string[] {
  const found: string[] = [];
  for (const { token } of tokens(text)) {
    if (token.kind === 'unknown' && !found.includes(token.raw)) found.push(token.raw);
  }
  return found;
}

/** Whether `text` has a `{` or `}` that is neither doubled nor part of a `{…}` reference. */
export function hasUnpairedBrace(text: string): boolean {
  for (const { token } of tokens(text)) if (token.kind === 'unpaired') return true;
  return false;
}

/** The texts variables are rendered in (the template's name is a label and is not rendered). */
export const RENDERED_FIELDS = ['rencanaAksi', 'kegiatan', 'satuan', 'buktiDukung'] as const;

/** What a template fills into the form for `date`: the Progres Harian entry, variables rendered. */
export interface RenderedEntry extends TemplateEntry {
  /** `YYYY-MM-DD`, the date typed into Tanggal Kegiatan. */
  tanggal: string;
}

/** The entry `template` gives for `date` (`YYYY-MM-DD`): for the filler and the editor's preview. */
export function renderTemplate(template: TemplateEntry, date: string): RenderedEntry {
  return {
    rencanaAksi: renderText(template.rencanaAksi, date),
    tanggal: date,
    jamMulai: template.jamMulai,
    jamSelesai: template.jamSelesai,
    kegiatan: renderText(template.kegiatan, date),
    realisasi: template.realisasi,
    satuan: renderText(template.satuan, date),
    buktiDukung: renderText(template.buktiDukung, date),
  };
}
