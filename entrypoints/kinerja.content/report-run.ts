/**
 * The reporting run on e-Kinerja ("Isi Progress Harian hari ini", "Lapor susulan"): the page
 * side (utils/reporting/run-page.ts) with the run's bar (components/RunBar.tsx) in a shadow-root
 * widget — inside the open modal, or fixed over the page. The background tells this tab when the
 * run changed (runChanged).
 */
import css from '@/components/RunBar.css?inline';
import { RunBar } from '@/components/RunBar';
import type { PageFeature } from '@/utils/page/feature';
import { onAbort, onLocationChange } from '@/utils/page/feature';
import { shadowWidget } from '@/utils/page/widget';
import { onMessage, sendMessage } from '@/utils/messaging/protocol';
import { controlSlot } from '@/utils/site/ekinerja-form';
import { DAILY_PROGRESS_URL, EKINERJA_MATCHES, pageKind } from '@/utils/site/pages';
import { runOnPage } from '@/utils/reporting/run-page';

/** The bar's shadow host's tag name. */
export const RUN_HOST = 'asisten-ekinerja-run';

export const reportRun: PageFeature = {
  name: 'report run',
  matches: EKINERJA_MATCHES,
  init(ctx, signal) {
    const { host, root } = shadowWidget(document, { tag: RUN_HOST, kind: 'run', css: `:host{display:block!important}${css}`, signal });
    const frame = root.appendChild(document.createElement('div'));
    const sync = runOnPage(document, signal, {
      ask: () => sendMessage('runTask'),
      tell: (action) => sendMessage('runAction', action),
      show(view, modal, act) {
        if (!view) return host.remove();
        frame.replaceChildren(RunBar({
          view,
          page: pageKind(location.pathname),
          dailyProgressUrl: DAILY_PROGRESS_URL,
          onSkip: () => act({ action: 'skip', date: view.date ?? '', id: view.id }),
          onStop: () => act({ action: 'stop', id: view.id }),
          onDismiss: () => act({ action: 'dismiss', id: view.id }),
        }));
        frame.className = modal ? '' : 'fixed';
        const slot = modal ? controlSlot(modal) : document.body;
        if (host.parentNode !== slot) slot.prepend(host);
      },
    });
    onAbort(signal, onMessage('runChanged', sync));
    onLocationChange(ctx, signal, sync);
  },
};
