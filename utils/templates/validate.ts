/**
 * Checking and normalising a template before it is saved (editor, CSV import).
 *
 * What is normalised rather than rejected:
 * - Texts are trimmed, and line breaks inside them become one space: every field of the site's
 *   form is a single-line `<input>`, which would silently drop the line break (gluing the words).
 * - Times written the Indonesian way (`07.30`, `7.30`), without a leading zero (`7:30`), without a
 *   separator (`0730`, `730`), as a bare hour (`7` → 07:00), with seconds (`07:30:00`, as Excel
 *   writes) or with AM/PM (`7:30 PM`) become zero-padded `HH:mm`, the only form the site's
 *   datepicker parses. Out-of-range times (`25:00`, `07:60`) are rejected, never rolled over.
 * - Realisasi may come as a number or a string from a form or a spreadsheet (`'2'`, `'2,00'`,
 *   `'2.0'`); it must be a whole number above 0. `'1.000'` is rejected: in Indonesian it means
 *   a thousand, elsewhere one.
 * - Weekdays are de-duplicated and sorted.
 */
import type { TemplateRecord } from '../db/schema';
import type { TemplateMessageKey } from './messages';
import {
  RENDERED_FIELDS, VALID_VARIABLES_TEXT, daysInMonth, findUnknownVariables, hasUnpairedBrace, renderText,
} from './variables';

/** A template without what only the store knows (id, position, default flag). */
export type TemplateFields = Omit<TemplateRecord, 'id' | 'order' | 'isDefault'>;

/** Whatever a form or a file gave for each field; nothing is trusted. */
export type TemplateDraft = { [K in keyof TemplateRecord]?: unknown };

export interface TemplateError {
  field: keyof TemplateRecord;
  /** Message key of the text to show next to the field. */
  code: TemplateMessageKey;
  /** Extra information for the user, e.g. the list of valid variables, or the rejected value. */
  detail?: string;
  /** Substitutions for the message (`t(code, params)`), when it has `$1`…. */
  params?: string[];
}

export type TemplateValidation<T> = { ok: true; template: T } | { ok: false; errors: TemplateError[] };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A time as zero-padded `HH:mm`, or null when it is not a time of day (see the file comment). */
export function normaliseTime(s: string): string | null {
  let text = s.trim().toLowerCase();
  let meridiem: 'a' | 'p' | null = null;
  const mer = /\s*([ap])\.?\s*m\.?$/.exec(text);
  if (mer) {
    meridiem = mer[1] as 'a' | 'p';
    text = text.slice(0, mer.index);
  }
  let hour: number;
  let minute: number;
  const withSep = /^(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(text);
  if (withSep) {
    hour = Number(withSep[1]);
    minute = withSep[2] === undefined ? 0 : Number(withSep[2]);
    if (withSep[3] !== undefined && Number(withSep[3]) > 59) return null;
  } else if (/^\d{3,4}$/.test(text)) {
    hour = Number(text.slice(0, -2));
    minute = Number(text.slice(-2));
  } else {
    return null;
  }
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
}

/**
 * A date as `YYYY-MM-DD`, or null. Accepts `YYYY-MM-DD` (also unpadded, or with `/` or `.`) and
 * day-first `D-M-YYYY`, `DD/MM/YYYY`, `D.M.YYYY` (Indonesian order; month-first is not supported).
 * Impossible dates such as 2025-02-30 are rejected, never rolled over.
 */
export function normaliseDate(s: string): string | null {
  const text = s.trim();
  let y: number;
  let m: number;
  let d: number;
  const ymd = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  if (ymd) {
    [y, m, d] = [Number(ymd[1]), Number(ymd[3]), Number(ymd[4])];
  } else if (dmy) {
    [d, m, y] = [Number(dmy[1]), Number(dmy[3]), Number(dmy[4])];
  } else {
    return null;
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Realisasi as written in a form or a file (`'2'`, `' 2 '`, `'2,00'`, as e-Kinerja shows it) → a
 * whole number ≥ 0, else null. The template editor and the Jurnal (the values sent) both read it so.
 */
export function parseRealisasi(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(?:[.,]0{1,2})?$/.test(t)) return null;
  const n = Number.parseInt(t, 10);
  return Number.isSafeInteger(n) ? n : null;
}

/** A whole number above 0 from a number or a string (`'2'`, `' 2 '`, `'2,00'`), or null. */
export function normaliseRealisasi(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseRealisasi(v) : null;
  return n !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** ISO weekdays (1 = Monday … 7 = Sunday), sorted and de-duplicated; 'empty', or null when invalid. */
export function normaliseWeekdays(v: unknown): number[] | 'empty' | null {
  if (!Array.isArray(v)) return v === undefined || v === null ? 'empty' : null;
  const days = new Set<number>();
  for (const x of v) {
    const n = typeof x === 'string' && /^\s*\d+\s*$/.test(x) ? Number(x) : x;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 7) return null;
    days.add(n);
  }
  return days.size === 0 ? 'empty' : [...days].sort((a, b) => a - b);
}

/** A text field: trimmed, line breaks (and the spaces around them) turned into one space. */
export function cleanText(v: unknown): string {
  const s = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  return s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/** Any date works: every variable renders to a non-empty text, which is all the URL check needs. */
const SAMPLE_DATE = '2026-01-01';

/** An http(s) link with a host name, once variables are rendered; no spaces outside variables. */
export function isHttpUrl(raw: string): boolean {
  if (/\s/.test(raw.replace(/\{[^{}]*\}/g, ''))) return false;
  const rendered = renderText(raw, SAMPLE_DATE);
  if (!/^https?:\/\/[^/]/i.test(rendered)) return false;
  try {
    const url = new URL(rendered);
    return (url.protocol === 'http:' || url.protocol === 'https:')
      && (url.hostname.includes('.') || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

/** The editor's field order, in which errors are listed. */
const FIELD_ORDER: ReadonlyArray<keyof TemplateRecord> = [
  'id', 'name', 'rencanaAksi', 'jamMulai', 'jamSelesai', 'kegiatan', 'realisasi', 'satuan', 'buktiDukung', 'weekdays',
];

function variableErrors(field: keyof TemplateRecord, text: string): TemplateError[] {
  const errors: TemplateError[] = [];
  const unknown = findUnknownVariables(text);
  if (unknown.length > 0) {
    errors.push({
      field, code: 'template_error_unknown_variable', detail: VALID_VARIABLES_TEXT,
      params: [unknown.join(', '), VALID_VARIABLES_TEXT],
    });
  }
  if (hasUnpairedBrace(text)) errors.push({ field, code: 'template_error_brace' });
  return errors;
}

/** Checks every field of a template but its id, position and default flag. */
export function validateTemplateFields(draft: TemplateDraft): TemplateValidation<TemplateFields> {
  const errors: TemplateError[] = [];
  const text = {
    name: cleanText(draft.name),
    rencanaAksi: cleanText(draft.rencanaAksi),
    kegiatan: cleanText(draft.kegiatan),
    satuan: cleanText(draft.satuan),
    buktiDukung: cleanText(draft.buktiDukung),
  };

  if (!text.name) errors.push({ field: 'name', code: 'template_error_name_required' });
  if (!text.rencanaAksi) errors.push({ field: 'rencanaAksi', code: 'template_error_rencana_aksi_required' });

  const times: Partial<Record<'jamMulai' | 'jamSelesai', string>> = {};
  for (const field of ['jamMulai', 'jamSelesai'] as const) {
    const raw = cleanText(draft[field]);
    const time = raw ? normaliseTime(raw) : null;
    if (!raw) errors.push({ field, code: 'template_error_time_required' });
    else if (!time) errors.push({ field, code: 'template_error_time_invalid', detail: raw });
    else times[field] = time;
  }
  if (times.jamMulai && times.jamSelesai && times.jamSelesai <= times.jamMulai) {
    errors.push({ field: 'jamSelesai', code: 'template_error_time_order', detail: `${times.jamMulai}–${times.jamSelesai}` });
  }

  if (!text.kegiatan) errors.push({ field: 'kegiatan', code: 'template_error_kegiatan_required' });

  const realisasi = normaliseRealisasi(draft.realisasi);
  if (realisasi === null) {
    const given = cleanText(draft.realisasi);
    errors.push({ field: 'realisasi', code: 'template_error_realisasi_invalid', ...(given ? { detail: given } : {}) });
  }

  for (const field of RENDERED_FIELDS) errors.push(...variableErrors(field, text[field]));
  const urlVariablesOk = !errors.some((e) => e.field === 'buktiDukung');
  if (text.buktiDukung && urlVariablesOk && !isHttpUrl(text.buktiDukung)) {
    errors.push({ field: 'buktiDukung', code: 'template_error_url_invalid', detail: text.buktiDukung });
  }

  const weekdays = normaliseWeekdays(draft.weekdays);
  if (weekdays === 'empty') errors.push({ field: 'weekdays', code: 'template_error_weekdays_empty' });
  else if (weekdays === null) errors.push({ field: 'weekdays', code: 'template_error_weekdays_invalid' });

  errors.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  if (errors.length > 0 || realisasi === null || !Array.isArray(weekdays) || !times.jamMulai || !times.jamSelesai) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    template: {
      name: text.name,
      rencanaAksi: text.rencanaAksi,
      jamMulai: times.jamMulai,
      jamSelesai: times.jamSelesai,
      kegiatan: text.kegiatan,
      realisasi,
      satuan: text.satuan,
      buktiDukung: text.buktiDukung,
      weekdays,
    },
  };
}

/**
 * Checks a whole template record before it is stored. `isDefault` is true only when it is
 * exactly `true`; a missing or non-finite `order` becomes 0.
 */
export function validateTemplate(draft: TemplateDraft): TemplateValidation<TemplateRecord> {
  const fields = validateTemplateFields(draft);
  const id = typeof draft.id === 'string' ? draft.id.trim() : '';
  const idErrors: TemplateError[] = id ? [] : [{ field: 'id', code: 'template_error_id_missing' }];
  if (!fields.ok) return { ok: false, errors: [...idErrors, ...fields.errors] };
  if (idErrors.length > 0) return { ok: false, errors: idErrors };
  const order = typeof draft.order === 'number' && Number.isFinite(draft.order) ? draft.order : 0;
  return { ok: true, template: { id, ...fields.template, isDefault: draft.isDefault === true, order } };
}
