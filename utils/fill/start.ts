/**
 * The form filler on e-Kinerja pages (called by entrypoints/kinerja.content.ts).
 *
 * On every page it keeps one cheap MutationObserver that looks for the open "Tambah Progress
 * Harian" modal; the observer sees client-side navigation (history API) as DOM changes, and
 * modals that mount late. When the modal opens: a fill session, the "observed save" watcher and
 * the in-page control (its code loaded with a dynamic import). When it closes, all of it is torn
 * down through an AbortSignal; leaving the page or reloading the extension stops everything.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findProgressModal, isModalOpen } from '../site/ekinerja-form';
import { sendMessage } from '../messaging/protocol';
import { localDate } from '../calendar/dates';
import type { ZoneChoice } from '../settings/settings';
import { createFillSession } from './fill-modal';
import { watchSave } from './observed-save';

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

export function startFiller(ctx: ContentScriptContext): void {
  const check = watchProgressModal(document, ctx.signal, (modal, signal) => {
    let zone: ZoneChoice = 'browser';
    const today = () => localDate(new Date(), zone);
    const session = createFillSession(modal, today, () => performance.now(), signal);
    watchSave(modal, signal, () => session.date, (date) => void sendMessage('recordObserved', { date }).catch(() => undefined));
    const data = Promise.all([sendMessage('listTemplates'), sendMessage('getSettings')]).then(
      ([templates, settings]) => {
        zone = settings.zone;
        return templates;
      },
      () => null,
    );
    void import('./mount-control').then((m) => m.mountControl(modal, { session, templates: data, today, signal }));
  });
  ctx.addEventListener(window, 'wxt:locationchange', check);
}
