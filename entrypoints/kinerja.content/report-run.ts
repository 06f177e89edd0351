/**
 * The reporting run on e-Kinerja (utils/reporting/run.ts; state in the background): shows the
 * run's bar (components/RunBar.tsx) and, on the daily-progress page, opens the "Tambah Progress
 * Harian" modal for the run's day with a click on the site's own button (never a submit). The
 * filler (daily-progress-filler.ts) fills the modal for that day; the user clicks OK; the save
 * watcher's confirmed outcome moves the run on, and the background tells this tab (runChanged).
 * On the login page the bar says to log in first; the run goes on when the user is back.
 */
import css from '@/components/RunBar.css?inline';
import { RunBar } from '@/components/RunBar';
import type { PageFeature } from '@/utils/page/feature';
import { onAbort, onLocationChange } from '@/utils/page/feature';
import { shadowWidget } from '@/utils/page/widget';
import { onMessage, sendMessage, type RunView } from '@/utils/messaging/protocol';
import type { ProtocolMap } from '@/utils/messaging/protocol';
import { waitFor } from '@/utils/fill/events';
import { controlSlot, findAddButton, findDismissButton, findProgressModal } from '@/utils/site/ekinerja-form';
import { DAILY_PROGRESS_URL, EKINERJA_MATCHES, pageKind } from '@/utils/site/pages';
import { watchProgressModal } from '@/utils/site/watch-modal';

/** The bar's shadow host's tag name. */
export const RUN_HOST = 'asisten-ekinerja-run';
/** How long to wait for the site's "Tambah Progress Harian" button (a slow page mounts late). */
const BUTTON_WAIT_MS = 20_000;

export const reportRun: PageFeature = {
  name: 'report run',
  matches: EKINERJA_MATCHES,
  init(ctx, signal) {
    const { host, root } = shadowWidget(document, { tag: RUN_HOST, kind: 'run', css: `:host{display:block!important}${css}`, signal });
    const frame = document.createElement('div');
    root.append(frame);
    let view: RunView | null = null;
    let modal: HTMLElement | null = null;
    /** The modals this page has asked for (run, day, attempt): each is opened once per page. */
    const asked = new Set<string>();

    const render = () => {
      if (!view) {
        host.remove();
        return;
      }
      frame.replaceChildren(RunBar({
        view,
        page: pageKind(location.pathname),
        dailyProgressUrl: DAILY_PROGRESS_URL,
        onSkip: () => void act({ action: 'skip', date: view?.date ?? '' }),
        onStop: () => void act({ action: 'stop' }),
        onDismiss: () => void act({ action: 'dismiss' }),
      }));
      frame.className = modal ? '' : 'fixed';
      const slot = modal ? controlSlot(modal) : document.body;
      if (host.parentNode !== slot) slot.prepend(host);
    };

    const act = async (data: Parameters<ProtocolMap['runAction']>[0]) => {
      view = await sendMessage('runAction', data).catch(() => view);
      // Lewati: the skipped day's modal closes (its own Close button, never OK); the next one opens.
      if (data.action === 'skip' && modal) findDismissButton(modal)?.click();
      render();
      await openIfWanted();
    };

    /**
     * Opens the modal for the run's day when the run wants it filled and this page has not asked
     * for it yet (after a reload it asks again; after the user closed it, not).
     */
    const openIfWanted = async () => {
      if (!view || view.finished || view.date === null || view.stage === 'unconfirmed') return;
      if (pageKind(location.pathname) !== 'daily-progress' || findProgressModal(document)) return;
      const key = `${view.id} ${view.date} ${view.attempt}`;
      if (asked.has(key)) return;
      asked.add(key);
      const button = await waitFor(() => findAddButton(document), document.documentElement, BUTTON_WAIT_MS, signal);
      if (button && !signal.aborted && !findProgressModal(document)) button.click();
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
          view = await sendMessage('runTask').catch(() => null);
          if (signal.aborted) return;
          render();
          await openIfWanted();
        } while (again && !signal.aborted);
      } finally {
        syncing = false;
      }
    };

    watchProgressModal(document, signal, (m, modalSignal) => {
      modal = m;
      render();
      onAbort(modalSignal, () => {
        modal = null;
        if (!signal.aborted) void sync();
      });
    });
    onAbort(signal, onMessage('runChanged', () => void sync()));
    onLocationChange(ctx, signal, () => void sync());
    void sync();
  },
};
