/**
 * Noticing that the site saved a Progres Harian entry ("observed" reports).
 *
 * After a click on the modal's "OK", the entry counts as saved when the modal closes on its own:
 * the site keeps it open on validation errors (`.invalid-feedback`). A click on "Close", × or the
 * backdrop, or Escape, cancels; a modal that goes away still showing validation errors does not count. The
 * date is read from TANGGAL KEGIATAN when "OK" is clicked (falling back to the date the filler
 * used); with no readable date nothing is reported — never a guess.
 */
import { clickAction, hasValidationErrors, isModalOpen, mapProgressForm } from './ekinerja-form';
import { normaliseDate } from '../templates/validate';

/**
 * Watches `modal` until `signal` aborts — which the caller does when the modal closes (or the
 * content script stops). `onSaved(date)` is called at most once per "OK" that led to a close.
 */
export function watchSave(modal: HTMLElement, signal: AbortSignal, fallbackDate: () => string | null, onSaved: (date: string) => void): void {
  let pending: string | null = null;
  const doc = modal.ownerDocument;
  doc.addEventListener('click', (e) => {
    const action = clickAction(modal, e.target);
    if (action === 'dismiss') pending = null;
    if (action !== 'save') return;
    const field = mapProgressForm(modal).fields.tanggal;
    pending = (field && normaliseDate(field.input.value)) || fallbackDate();
  }, { capture: true, signal });
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') pending = null;
  }, { capture: true, signal });
  signal.addEventListener('abort', () => {
    if (pending && !isModalOpen(modal) && !hasValidationErrors(modal)) onSaved(pending);
  }, { once: true });
}
