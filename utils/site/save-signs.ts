/**
 * What e-Kinerja shows after "OK" in the "Tambah Progress Harian" modal: a success toast, an error
 * (toast, alert in the modal, SweetAlert2 dialog) or "Sesi Anda telah berakhir" before it goes
 * to the login page. The live site's toast texts are not known for certain (what is known: "a
 * toast 'Berhasil disimpan' may appear"; where the facts come from: ./README.md), so a sign is
 * read from the common toast/alert libraries' classes and from the wording; the calendar entry
 * (calendar-reader.ts `entriesOn`) stays the strongest sign of a save.
 */
import { squash } from '../text/text';

export type SaveSign = 'success' | 'error' | 'session-ended';

/** Where toasts, alerts and dialogs appear (Bootstrap, BootstrapVue, vue-toastification, SweetAlert2, iziToast, Noty). */
const SIGN_SELECTOR = [
  '.toast', '.b-toast', '.Vue-Toastification__toast', '.swal2-popup', '.alert', '[role="alert"]', '[role="status"]',
  '.iziToast', '.noty_bar', '.toasted', '.notification', '.el-message', '.el-notification',
].join(', ');

const ERROR_CLASS = /(^|[\s_-])(error|danger|fail(ed|ure)?)($|[\s_-])|swal2-icon-error|Toastification__toast--error/i;
const SUCCESS_CLASS = /(^|[\s_-])success($|[\s_-])|swal2-icon-success|Toastification__toast--success/i;

const SESSION_TEXT = /sesi(\s+anda)?(\s+(telah|sudah))?\s+(berakhir|habis|kedaluwarsa)|session\s+(has\s+)?expired|unauthenticated|unauthori[sz]ed|silakan\s+log\s*in(\s+kembali)?|token\s+(expired|tidak\s+valid)/i;
const ERROR_TEXT = /gagal|kesalahan|galat|error|tidak\s+(dapat|bisa|berhasil)|failed|server/i;
const SUCCESS_TEXT = /berhasil|sukses|tersimpan|success|saved/i;

/** Text and classes of an element and its descendants' classes (icons carry the kind). */
function classesOf(el: Element): string {
  return [el, ...el.querySelectorAll('[class]')].map((e) => e.getAttribute('class') ?? '').join(' ');
}

function isShown(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

/** What one toast/alert says, or null when it is none of the three. */
export function classifySign(el: Element): SaveSign | null {
  const text = squash(el.textContent);
  if (text === '') return null;
  if (SESSION_TEXT.test(text)) return 'session-ended';
  const classes = classesOf(el);
  // Wording first: a toast styled as a success that says "gagal" is an error.
  if (ERROR_TEXT.test(text) && !SUCCESS_TEXT.test(text)) return 'error';
  if (SUCCESS_TEXT.test(text) && !ERROR_TEXT.test(text)) return 'success';
  if (ERROR_CLASS.test(classes)) return 'error';
  if (SUCCESS_CLASS.test(classes)) return 'success';
  return null;
}

/** A shown toast/alert: its element, text, and what it says. */
export interface SignSeen {
  el: Element;
  text: string;
  sign: SaveSign;
}

/**
 * The success/error/session signs the page shows now (outermost element of each, once), leaving
 * out form validation messages, which the modal shows under its fields.
 */
export function readSaveSigns(doc: Document): SignSeen[] {
  const out: SignSeen[] = [];
  for (const el of doc.querySelectorAll(SIGN_SELECTOR)) {
    if (out.some((s) => s.el.contains(el))) continue;
    if (el.matches('.invalid-feedback') || !isShown(el)) continue;
    const sign = classifySign(el);
    if (sign) out.push({ el, text: squash(el.textContent), sign });
  }
  return out;
}
