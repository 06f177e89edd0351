/**
 * Watches e-Kinerja's page for what comes of each click on "OK" in the "Tambah Progress Harian"
 * modal and reports the outcome decided by the confirmation rule (confirm.ts). One watcher per
 * page: an attempt outlives its modal (the error toast of an HTTP 500 comes after the modal
 * closed), and a new "OK" first settles the attempt before it.
 *
 * While an attempt is open it observes the document: the modal (closed? validation messages?),
 * new toasts and alerts (site/save-signs.ts), the calendar's entries on the attempt's date
 * (site/calendar-reader.ts `entriesOn`) and the login page. Nothing runs between attempts but
 * the click and key listeners.
 */
import { clickAction, findProgressModal, hasValidationErrors, isModalOpen, mapProgressForm } from '../site/ekinerja-form';
import { entriesOn } from '../site/calendar-reader';
import { readSaveSigns } from '../site/save-signs';
import { pageKind } from '../site/pages';
import { normaliseDate } from '../templates/validate';
import { IDLE, settleDelay, step, type OutcomeReason, type SaveEvent, type SaveOutcome, type SaveState } from './confirm';

/** What came of an "OK" for `date` (the date in TANGGAL KEGIATAN when it was clicked). */
export type OnOutcome = (date: string, outcome: SaveOutcome, reason: OutcomeReason) => void;

/**
 * Watches `doc` until `signal` aborts (the content script stops). An "OK" whose TANGGAL KEGIATAN
 * cannot be read is not followed: nothing is reported for it, never a guessed date.
 */
export function watchSaves(doc: Document, signal: AbortSignal, onOutcome: OnOutcome): void {
  let state: SaveState = IDLE;
  let modal: HTMLElement | null = null;
  /** Toasts/alerts shown when "OK" was clicked, with their text: not signs of this attempt. */
  let before = new Map<Element, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(look);
  });
  const win = doc.defaultView;

  const apply = (event: SaveEvent) => {
    const prev = state;
    state = step(state, event);
    if (state === prev) return;
    if (state.phase === 'done') {
      stopLooking();
      onOutcome(state.date, state.outcome, state.reason);
      return;
    }
    if (state.phase === 'idle') {
      stopLooking();
      return;
    }
    const delay = settleDelay(state);
    const prevDelay = settleDelay(prev);
    if (delay !== prevDelay) {
      clearTimeout(timer);
      if (delay !== null) timer = setTimeout(() => apply({ type: 'settled' }), delay);
    }
  };

  function stopLooking() {
    observer.disconnect();
    clearTimeout(timer);
    timer = undefined;
  }

  function look() {
    queued = false;
    if (state.phase !== 'sent' && state.phase !== 'closed') return;
    if (win && pageKind(win.location.pathname) === 'login') return apply({ type: 'login-page' });
    if (modal && isModalOpen(modal)) {
      if (hasValidationErrors(modal)) apply({ type: 'validation-errors' });
    } else {
      apply({ type: 'modal-closed' });
    }
    for (const seen of readSaveSigns(doc)) {
      if (before.get(seen.el) === seen.text) continue;
      before.set(seen.el, seen.text);
      apply({ type: 'sign', sign: seen.sign });
    }
    if (state.phase === 'sent' || state.phase === 'closed') apply({ type: 'calendar', entries: entriesOn(doc, state.date) });
  }

  doc.addEventListener('click', (e) => {
    const open = findProgressModal(doc);
    const action = open ? clickAction(open, e.target) : null;
    if (action === 'dismiss') apply({ type: 'dismissed' });
    if (action !== 'save') return;
    // A new "OK": the attempt still waiting after its modal closed is decided now.
    if (state.phase === 'closed') apply({ type: 'settled' });
    modal = open;
    const field = mapProgressForm(open!).fields.tanggal;
    const date = (field && normaliseDate(field.input.value)) || null;
    before = new Map(readSaveSigns(doc).map((s) => [s.el, s.text]));
    apply({ type: 'ok', date, entriesBefore: date ? entriesOn(doc, date) : null });
    if (state.phase === 'sent') {
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style'] });
    }
  }, { capture: true, signal });
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && findProgressModal(doc)) apply({ type: 'dismissed' });
  }, { capture: true, signal });
  win?.addEventListener('pagehide', () => apply({ type: 'page-left' }), { signal });
  signal.addEventListener('abort', () => apply({ type: 'page-left' }), { once: true });
}
