/**
 * e-Kinerja's "Tambah Progress Harian" modal: finding it, mapping its labels to its controls,
 * and reading what the site does after "OK". Every piece of the form's DOM knowledge lives here
 * (where it comes from: ./README.md); utils/fill/ only knows the widget libraries.
 *
 * Mapping rule ("fill nothing wrong"): a field's control is the one control between its label
 * and the next label (a flat form), or else in the smallest element around the label that holds
 * a control, which must hold exactly that one label and one control; and it must be of the kind
 * the field needs. Labels are matched by text, ignoring case (the site may upper-case them with CSS),
 * spacing and a trailing `*` or `:`. Anything else — a missing label, a label seen twice, two
 * controls under one label, a plain input where a dropdown belongs — is reported, not guessed.
 */
import { sameText, squash } from '../text/text';

export const FIELD_KEYS = [
  'rencanaAksi', 'tanggal', 'jamMulai', 'jamSelesai', 'kegiatan', 'sumberData', 'realisasi', 'satuan', 'buktiDukung',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** How a field is filled: vue-select, vue2-datepicker (date or time), or a plain text/number input. */
export type FieldKind = 'choice' | 'date' | 'time' | 'text';

/** The labels as the site writes them, in form order. */
export const FIELD_LABELS: Readonly<Record<FieldKey, string>> = {
  rencanaAksi: 'RENCANA AKSI',
  tanggal: 'TANGGAL KEGIATAN',
  jamMulai: 'JAM MULAI KEGIATAN',
  jamSelesai: 'JAM SELESAI KEGIATAN',
  kegiatan: 'KEGIATAN HARIAN',
  sumberData: 'SUMBER DATA',
  realisasi: 'REALISASI',
  satuan: 'SATUAN',
  buktiDukung: 'BUKTI DUKUNG',
};

const KINDS: Readonly<Record<FieldKey, FieldKind>> = {
  rencanaAksi: 'choice', tanggal: 'date', jamMulai: 'time', jamSelesai: 'time',
  kegiatan: 'text', sumberData: 'text', realisasi: 'text', satuan: 'text', buktiDukung: 'text',
};

export const PROGRESS_MODAL_TITLE = 'Tambah Progress Harian';

const SEL = {
  shownModal: '.modal.show',
  title: '.modal-title',
  body: '.modal-body',
  content: '.modal-content',
  controls: '.v-select, input, textarea, select',
  choice: '.v-select',
  choiceSearch: 'input.vs__search',
  invalid: '.invalid-feedback',
  footerButtons: '.modal-footer button, .modal-footer [role="button"]',
  dismiss: '[data-dismiss="modal"], [data-bs-dismiss="modal"], .close, .btn-close',
} as const;

/** Input types that are not a place to type a value. */
const NOT_TYPED = new Set(['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file']);

export interface FormField {
  key: FieldKey;
  /** The label as the page shows it. */
  label: string;
  kind: FieldKind;
  /** Where text goes: the input, the datepicker's input, or vue-select's search box. */
  input: HTMLInputElement | HTMLTextAreaElement;
  /** What to highlight and read a choice from: vue-select's root, otherwise the input. */
  widget: HTMLElement;
  /** Read-only or disabled: never written (SATUAN, derived from the Rencana Aksi). */
  readOnly: boolean;
}

export interface FieldProblem {
  key: FieldKey;
  /** The label the field should have (the site's text). */
  label: string;
  reason: 'missing' | 'ambiguous' | 'unexpected';
}

export interface ProgressForm {
  modal: HTMLElement;
  fields: Partial<Record<FieldKey, FormField>>;
  /** Fields that were not found or not unambiguous, in form order. */
  problems: FieldProblem[];
}

function labelKey(text: string | null): string {
  return squash(text).replace(/\s*[*:]+$/, '').toLocaleUpperCase('id');
}

/** The open "Tambah Progress Harian" modal (`.modal.show` with that title), or null. */
export function findProgressModal(doc: Document): HTMLElement | null {
  for (const modal of doc.querySelectorAll<HTMLElement>(SEL.shownModal)) {
    if (sameText(modal.querySelector(SEL.title)?.textContent, PROGRESS_MODAL_TITLE)) return modal;
  }
  return null;
}

/**
 * The site's own "Tambah Progress Harian" button on the daily-progress page (it opens the modal;
 * it is not a submit). Found by its text, among buttons outside any modal; null when absent or
 * not unique.
 */
export function findAddButton(doc: Document): HTMLElement | null {
  const found = [...doc.querySelectorAll<HTMLElement>('button, a.btn, [role="button"]')].filter(
    (b) => !b.closest('.modal') && sameText(b.textContent?.replace(/^\s*\+\s*/, ''), PROGRESS_MODAL_TITLE),
  );
  return found.length === 1 ? found[0]! : null;
}

/** Whether a modal found by findProgressModal is still open (not closed, not removed). */
export function isModalOpen(modal: HTMLElement): boolean {
  return modal.isConnected && modal.matches(SEL.shownModal);
}

/** Where the in-page control goes: the top of the modal's body. */
export function controlSlot(modal: HTMLElement): HTMLElement {
  return modal.querySelector<HTMLElement>(SEL.body) ?? modal.querySelector<HTMLElement>(SEL.content) ?? modal;
}

/** The controls `el` is or holds; a vue-select counts once, whatever inputs it holds. */
function controlsIn(el: Element): Element[] {
  return [...(el.matches(SEL.controls) ? [el] : []), ...el.querySelectorAll(SEL.controls)].filter((c) => {
    if (c.matches(SEL.choice)) return true;
    if (c.closest(SEL.choice)) return false;
    return !(c instanceof HTMLInputElement && NOT_TYPED.has(c.type));
  });
}

/** The one control that belongs to `label`, or 'ambiguous' / null (see the file comment). */
function controlOf(label: Element, stop: Element): Element | 'ambiguous' | null {
  // A flat form: the controls between this label and the next.
  const near: Element[] = [];
  for (let s = label.nextElementSibling; s && !s.matches('label') && !s.querySelector('label'); s = s.nextElementSibling) near.push(...controlsIn(s));
  if (near.length) return near.length === 1 ? near[0]! : 'ambiguous';
  for (let el = label.parentElement; el && stop.contains(el); el = el.parentElement) {
    const controls = controlsIn(el);
    if (controls.length === 0) continue;
    return controls.length === 1 && el.querySelectorAll('label').length === 1 ? controls[0]! : 'ambiguous';
  }
  return null;
}

function asField(key: FieldKey, label: string, control: Element): FormField | null {
  const kind = KINDS[key];
  if (kind === 'choice') {
    const search = control.matches(SEL.choice) ? control.querySelector<HTMLInputElement>(SEL.choiceSearch) : null;
    if (!search) return null;
    return { key, label, kind, input: search, widget: control as HTMLElement, readOnly: search.disabled };
  }
  const typed = control instanceof HTMLInputElement || (kind === 'text' && control instanceof HTMLTextAreaElement);
  if (!typed) return null;
  const input = control as HTMLInputElement | HTMLTextAreaElement;
  return { key, label, kind, input, widget: input, readOnly: input.readOnly || input.disabled };
}

/** Maps the modal's labels to its controls; what cannot be mapped unambiguously is in `problems`. */
export function mapProgressForm(modal: HTMLElement): ProgressForm {
  const byKey = new Map<string, FieldKey>(FIELD_KEYS.map((k) => [FIELD_LABELS[k], k]));
  const seen = new Map<FieldKey, Element[]>();
  for (const label of modal.querySelectorAll('label')) {
    const key = byKey.get(labelKey(label.textContent));
    if (key) seen.set(key, [...(seen.get(key) ?? []), label]);
  }
  const fields: ProgressForm['fields'] = {};
  const problems: FieldProblem[] = [];
  for (const key of FIELD_KEYS) {
    const labels = seen.get(key) ?? [];
    const problem = (reason: FieldProblem['reason']) => problems.push({ key, label: FIELD_LABELS[key], reason });
    if (labels.length === 0) { problem('missing'); continue; }
    if (labels.length > 1) { problem('ambiguous'); continue; }
    const control = controlOf(labels[0]!, modal);
    if (control === null) { problem('missing'); continue; }
    if (control === 'ambiguous') { problem('ambiguous'); continue; }
    const field = asField(key, squash(labels[0]!.textContent), control);
    if (field) fields[key] = field;
    else problem('unexpected');
  }
  return { modal, fields, problems };
}

/**
 * What a click in the modal does: 'save' ("OK"), 'dismiss' (Close, ×, or the backdrop around
 * the dialog, which closes a Bootstrap modal) or nothing (null).
 */
export function clickAction(modal: HTMLElement, target: EventTarget | null): 'save' | 'dismiss' | null {
  if (!(target instanceof Element) || !modal.contains(target)) return null;
  if (target === modal || target.closest(SEL.dismiss)) return 'dismiss';
  const button = target.closest(SEL.footerButtons);
  if (!button) return null;
  const text = squash(button.textContent).toLocaleLowerCase('id');
  if (button.matches('.btn-primary') || text === 'ok' || text === 'simpan') return 'save';
  return 'dismiss';
}

/** The modal's own closing button (Close / ×: never "OK"), or null. */
export function findDismissButton(modal: HTMLElement): HTMLElement | null {
  const candidates = [...modal.querySelectorAll<HTMLElement>(`${SEL.footerButtons}, ${SEL.dismiss}`)];
  return candidates.find((b) => clickAction(modal, b) === 'dismiss') ?? null;
}

/** Whether the form shows a validation message (the site then keeps the modal open). */
export function hasValidationErrors(modal: HTMLElement): boolean {
  return [...modal.querySelectorAll<HTMLElement>(SEL.invalid)].some(
    (el) => squash(el.textContent) !== '' && getComputedStyle(el).display !== 'none',
  );
}
