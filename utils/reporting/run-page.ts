/**
 * The reporting run on an e-Kinerja page (the state is the background's, utils/background/run.ts):
 * asks what the run wants of this tab, shows it (the caller's bar), and on the daily-progress
 * page opens the "Tambah Progress Harian" modal for the run's day with a click on the site's own
 * button — never a submit. The filler fills the modal; the user clicks OK. "Lewati" closes the
 * skipped day's modal with its own Close button. After a reload the modal opens again; after the
 * user closed it, not (each run, day and attempt is asked for once per page).
 */
import type { RunView } from './run';
import type { ProtocolMap } from '../messaging/protocol';
import { waitFor } from '../fill/events';
import { findAddButton, findDismissButton, findProgressModal } from '../site/ekinerja-form';
import { pageKind } from '../site/pages';
import { watchProgressModal } from '../site/watch-modal';

export type RunAction = Parameters<ProtocolMap['runAction']>[0];

export interface RunPageDeps {
  /** The run's view for this tab (runTask). */
  ask(): Promise<RunView | null>;
  /** Tells the run what the user did (runAction). */
  tell(action: RunAction): Promise<RunView | null>;
  /** Shows `view` (null: nothing), inside the open modal when there is one, else over the page. */
  show(view: RunView | null, modal: HTMLElement | null, act: (action: RunAction) => void): void;
}

/** How long to wait for the site's "Tambah Progress Harian" button (a slow page mounts late). */
const BUTTON_WAIT_MS = 20_000;

/** Runs until `signal` aborts; returns `sync`, to call when the run changed or the page navigated. */
export function runOnPage(doc: Document, signal: AbortSignal, deps: RunPageDeps): () => void {
  let view: RunView | null = null;
  let modal: HTMLElement | null = null;
  const asked = new Set<string>();
  const loc = () => doc.defaultView?.location.pathname ?? '/';

  const show = () => deps.show(view, modal, (action) => void act(action));

  const act = async (action: RunAction) => {
    view = await deps.tell(action).catch(() => view);
    if (action.action === 'skip' && modal) findDismissButton(modal)?.click();
    show();
    await openIfWanted();
  };

  const openIfWanted = async () => {
    if (!view || view.finished || view.date === null || view.stage === 'unconfirmed') return;
    if (pageKind(loc()) !== 'daily-progress' || findProgressModal(doc)) return;
    const key = `${view.id} ${view.date} ${view.attempt}`;
    if (asked.has(key)) return;
    asked.add(key);
    const button = await waitFor(() => findAddButton(doc), doc.documentElement, BUTTON_WAIT_MS, signal);
    if (button && !signal.aborted && !findProgressModal(doc)) button.click();
  };

  let syncing = false;
  let again = false;
  const sync = async () => {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    try {
      do {
        again = false;
        view = await deps.ask().catch(() => null);
        if (signal.aborted) return;
        show();
        await openIfWanted();
      } while (again && !signal.aborted);
    } finally {
      syncing = false;
    }
  };

  watchProgressModal(doc, signal, (m, modalSignal) => {
    modal = m;
    show();
    modalSignal.addEventListener('abort', () => {
      modal = null;
      if (!signal.aborted) void sync();
    }, { once: true });
  });
  void sync();
  return () => void sync();
}
