/**
 * Noticing when e-Kinerja's "Tambah Progress Harian" modal opens and closes.
 *
 * One cheap MutationObserver looks for the open modal; it sees client-side navigation (history
 * API) as DOM changes, and modals that mount late. The caller gets a signal per opened modal,
 * aborted when that modal closes, to tear down what it started for it.
 */
import { findProgressModal, isModalOpen } from './ekinerja-form';

/**
 * Calls `onOpen(modal, modalSignal)` each time the modal opens; `modalSignal` aborts when that
 * modal closes or `signal` aborts. Returns the check, to run again on navigation.
 */
export function watchProgressModal(doc: Document, signal: AbortSignal, onOpen: (modal: HTMLElement, modalSignal: AbortSignal) => void): () => void {
  let open: { modal: HTMLElement; ctl: AbortController } | null = null;
  let queued = false;
  const check = () => {
    queued = false;
    if (signal.aborted) return;
    if (open && !isModalOpen(open.modal)) {
      open.ctl.abort();
      open = null;
    }
    const modal = open ? null : findProgressModal(doc);
    if (modal) {
      open = { modal, ctl: new AbortController() };
      onOpen(modal, open.ctl.signal);
    }
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(check);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    open?.ctl.abort();
    open = null;
  }, { once: true });
  check();
  return check;
}
