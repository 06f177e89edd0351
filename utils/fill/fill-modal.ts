/**
 * Filling the "Tambah Progress Harian" modal from a template, and undoing it.
 *
 * Decisions
 * - The entry's date: the date asked for (`date`: the day chosen in the control, or the run's
 *   day), typed into TANGGAL KEGIATAN like any field (a different date the user typed there is a
 *   conflict, asked about); without one, a date TANGGAL KEGIATAN already shows (the user chose it,
 *   or the site set it) is kept; otherwise today in the user's zone. The template's variables
 *   are rendered for the entry's date.
 * - Nothing the user typed is overwritten without asking: a field holding something other than
 *   the template's value, and other than what this filler put there, is a conflict; the caller
 *   asks, then fills with `overwrite` listing them ("Timpa") or not ("Lewati": those fields
 *   stay). A field that becomes a conflict after the question is kept.
 * - Read-only fields (SATUAN, set by the site from the Rencana Aksi) and empty template values
 *   are never written. Fields the adapter could not map are not touched (`problems`).
 * - The Rencana Aksi is chosen only when one option's text is the template's (spacing and case
 *   aside); otherwise nothing is chosen and the report lists the site's options to pick from.
 * - Undo restores, for every field still holding what was filled, what it held before this
 *   modal's first fill (the Rencana Aksi choice and the dates included); a field the user has
 *   changed since is left alone.
 * - It never clicks OK.
 */
import type { TemplateRecord } from '../db/schema';
import { normaliseDate, normaliseTime } from '../templates/validate';
import { renderTemplate } from '../templates/variables';
import { FIELD_LABELS, mapProgressForm, type FieldKey, type FieldProblem, type FormField } from '../site/ekinerja-form';
import { setValue, settle } from './events';
import { typeIntoPicker } from './datepicker';
import { choiceBox, chosenText, clearChoice, pickOption, type PickFailure } from './vue-select';
import { flash } from './highlight';
import { sameText } from '../text/text';

export type FillKey = Exclude<FieldKey, 'sumberData'>;
/** Filling order: the Rencana Aksi first (SATUAN follows from it). */
export const FILL_ORDER: readonly FillKey[] = ['rencanaAksi', 'tanggal', 'jamMulai', 'jamSelesai', 'kegiatan', 'realisasi', 'satuan', 'buktiDukung'];

export type Values = Partial<Record<FillKey, string>>;
export type FillTemplate = Pick<TemplateRecord, 'rencanaAksi' | 'jamMulai' | 'jamSelesai' | 'kegiatan' | 'realisasi' | 'satuan' | 'buktiDukung'>;

export interface FieldState {
  value: string;
  readOnly: boolean;
  kind: FormField['kind'];
}

export interface Conflict {
  key: FillKey;
  current: string;
  next: string;
}

export interface FillPlan {
  /** The entry's date, `YYYY-MM-DD`. */
  date: string;
  /** Values to write without asking. */
  writes: Values;
  /** Fields the user filled with something else: written only with `overwrite`. */
  conflicts: Conflict[];
  /** Fields whose template value the site would not take (a time that is not a time): left alone. */
  invalid: FillKey[];
}

/** Whether a field already shows `next` (a date or time in any form the site shows it). */
function shows(state: FieldState, next: string): boolean {
  if (state.kind === 'choice') return sameText(state.value, next);
  if (state.kind === 'date') return normaliseDate(state.value) === next;
  if (state.kind === 'time') return normaliseTime(state.value) === next;
  return state.value === next;
}

/**
 * What to write into the form (pure; see the file comment). `current` has the fields that were
 * found, `today` is today in the user's zone, `lastFilled` what this filler wrote before.
 */
export function planFill(current: Partial<Record<FillKey, FieldState>>, template: FillTemplate, today: string, lastFilled: Values, asked?: string): FillPlan {
  const shownDate = current.tanggal ? normaliseDate(current.tanggal.value) : null;
  const date = asked ?? shownDate ?? today;
  const e = renderTemplate(template, date);
  // A time the picker would reject or roll over (25:00 → 01:00) is never typed.
  const next: Record<FillKey, string | null> = {
    rencanaAksi: e.rencanaAksi,
    tanggal: date,
    jamMulai: normaliseTime(e.jamMulai),
    jamSelesai: normaliseTime(e.jamSelesai),
    kegiatan: e.kegiatan,
    realisasi: String(e.realisasi),
    satuan: e.satuan,
    buktiDukung: e.buktiDukung,
  };
  const writes: Values = {};
  const conflicts: Conflict[] = [];
  const invalid: FillKey[] = [];
  for (const key of FILL_ORDER) {
    const state = current[key];
    const value = next[key];
    if (!state || state.readOnly) continue;
    if (value === null) {
      invalid.push(key);
      continue;
    }
    if (value.trim() === '' || shows(state, value)) continue;
    if (state.value.trim() === '' || state.value === lastFilled[key]) writes[key] = value;
    else conflicts.push({ key, current: state.value, next: value });
  }
  return { date, writes, conflicts, invalid };
}

export interface FillReport {
  date: string;
  filled: FillKey[];
  failed: { key: FillKey; label: string; reason: PickFailure }[];
  /** The site's Rencana Aksi options, when the template's is not one of them. */
  options: string[];
  /** Conflicting fields left as the user had them ("Lewati"). */
  kept: FillKey[];
  /** Fields the form did not show recognisably (nothing was written there). */
  problems: FieldProblem[];
  /** How long the fill took, ms. */
  ms: number;
}

export interface FillSession {
  /** The plan for `template` against the form as it is now (to ask about conflicts first). */
  check(template: FillTemplate, date?: string): FillPlan & { problems: FieldProblem[] };
  /** Fills (for `date` when given); of the conflicting fields, only those in `overwrite` (the ones the user agreed to replace). */
  fill(template: FillTemplate, overwrite?: readonly FillKey[], date?: string): Promise<FillReport>;
  /** Chooses a Rencana Aksi the user picked from the site's options. */
  choose(rencanaAksi: string): Promise<boolean>;
  /** Restores the fields; resolves to the labels of fields left alone because the user changed them. */
  undo(): Promise<string[]>;
  readonly canUndo: boolean;
  /** The entry's date of the last fill, if any. */
  readonly date: string | null;
}

function readField(f: FormField): string {
  return f.kind === 'choice' ? chosenText(f.widget) : f.input.value;
}

async function write(f: FormField, value: string, signal?: AbortSignal): Promise<true | { reason: PickFailure; options: string[] }> {
  let ok: boolean;
  if (f.kind === 'choice') {
    if (value === '') ok = await clearChoice(f.widget);
    else {
      const r = await pickOption(f.widget, value, signal);
      if (!r.ok) return r;
      ok = true;
    }
  } else if (f.kind === 'date' || f.kind === 'time') {
    const norm = f.kind === 'date' ? normaliseDate : normaliseTime;
    ok = await typeIntoPicker(f.input as HTMLInputElement, value, (shown) => (value === '' ? shown === '' : norm(shown) === value));
  } else {
    setValue(f.input, value);
    await settle();
    ok = f.input.value === value;
  }
  return ok || { reason: 'rejected', options: [] };
}

const highlight = (f: FormField) => flash(f.kind === 'choice' ? choiceBox(f.widget) : f.widget);

/**
 * A filler for one open modal. `today()` gives today's date in the user's zone; `clock()` a
 * millisecond clock for the report's timing.
 */
export function createFillSession(modal: HTMLElement, today: () => string, clock: () => number, signal?: AbortSignal): FillSession {
  /** What the fields held before this modal's first fill. */
  let original: Values = {};
  /** What this filler last put in each field (as the field shows it). */
  let lastFilled: Values = {};
  let date: string | null = null;

  const states = (fields: ReturnType<typeof mapProgressForm>['fields']) => {
    const out: Partial<Record<FillKey, FieldState>> = {};
    for (const key of FILL_ORDER) {
      const f = fields[key];
      if (f) out[key] = { value: readField(f), readOnly: f.readOnly, kind: f.kind };
    }
    return out;
  };

  const check: FillSession['check'] = (template, asked) => {
    const form = mapProgressForm(modal);
    return { ...planFill(states(form.fields), template, today(), lastFilled, asked), problems: form.problems };
  };

  return {
    check,
    async fill(template, overwrite = [], asked) {
      const start = clock();
      const form = mapProgressForm(modal);
      const current = states(form.fields);
      const plan = planFill(current, template, today(), lastFilled, asked);
      const writes: Values = { ...plan.writes };
      const kept: FillKey[] = [];
      for (const c of plan.conflicts) {
        if (overwrite.includes(c.key)) writes[c.key] = c.next;
        else kept.push(c.key);
      }
      const report: FillReport = { date: plan.date, filled: [], failed: [], options: [], kept, problems: form.problems, ms: 0 };
      for (const key of plan.invalid) report.failed.push({ key, label: form.fields[key]!.label, reason: 'rejected' });
      for (const key of FILL_ORDER) {
        const value = writes[key];
        const f = form.fields[key];
        if (value === undefined || !f) continue;
        const result = await write(f, value, signal);
        if (result === true) {
          report.filled.push(key);
          if (!(key in original)) original[key] = current[key]!.value;
          lastFilled[key] = readField(f);
          highlight(f);
        } else {
          report.failed.push({ key, label: f.label, reason: result.reason });
          if (key === 'rencanaAksi') report.options = result.options;
        }
      }
      report.failed.sort((a, b) => FILL_ORDER.indexOf(a.key) - FILL_ORDER.indexOf(b.key));
      date = plan.date;
      report.ms = clock() - start;
      return report;
    },
    async choose(rencanaAksi) {
      const f = mapProgressForm(modal).fields.rencanaAksi;
      if (!f) return false;
      const before = readField(f);
      const r = await pickOption(f.widget, rencanaAksi, signal);
      if (!r.ok) return false;
      if (!('rencanaAksi' in original)) original.rencanaAksi = before;
      lastFilled.rencanaAksi = readField(f);
      highlight(f);
      return true;
    },
    async undo() {
      const fields = mapProgressForm(modal).fields;
      const changed: string[] = [];
      for (const key of FILL_ORDER) {
        const f = fields[key];
        const before = original[key];
        if (!f || before === undefined) continue;
        if (readField(f) !== lastFilled[key]) {
          changed.push(f.label);
          continue;
        }
        if ((await write(f, before, signal)) === true) highlight(f);
        else changed.push(f.label);
      }
      original = {};
      lastFilled = {};
      return changed;
    },
    get canUndo() {
      return Object.keys(original).length > 0;
    },
    get date() {
      return date;
    },
  };
}

/** The label to show for a field key (the site's text). */
export const labelOf = (key: FieldKey): string => FIELD_LABELS[key];
