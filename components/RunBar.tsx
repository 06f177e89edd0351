/** @jsxRuntime classic */
/** @jsx h */
/**
 * The bar of a reporting run on e-Kinerja (utils/reporting/run.ts): "2 dari 5 — Jumat,
 * 4 Desember 2026" with Lewati and Berhenti; on the login page, that the user must log in first
 * and the run goes on when they are back; on another e-Kinerja page, the way back to Progress
 * Harian; at the end, what the run did. Plain DOM (utils/page/element): it ships in the content
 * script. Its buttons act on the user's own clicks only, through the widgets' one check (userAction).
 *
 * For tests, the root's `data-stage` is the run's stage, or `login`, `elsewhere`, `finished`.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the JSX factory (`@jsx h` above)
import { h } from '@/utils/page/element';
import { userAction } from '@/utils/page/widget';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import type { RunView } from '@/utils/reporting/run';
import type { PageKind } from '@/utils/site/pages';

export interface RunBarProps {
  view: RunView;
  page: PageKind;
  /** The daily-progress page's address (the way back from another page). */
  dailyProgressUrl: string;
  onSkip(): void;
  onStop(): void;
  onDismiss(): void;
}

export function RunBar({ view, page, dailyProgressUrl, onSkip, onStop, onDismiss }: RunBarProps): HTMLElement {
  const locale = uiLocale();
  if (view.finished || view.date === null) {
    const one = view.kind === 'one' && !view.stopped && view.reported > 0;
    return (
      <div class="rb" role="status" aria-label={t('run_region')} data-stage="finished">
        <p>{one ? t('run_done_one') : t(view.stopped ? 'run_stopped' : 'run_done', [String(view.reported), String(view.skipped), String(view.already)])}</p>
        <button type="button" onClick={userAction(onDismiss)}>{t('run_close')}</button>
      </div>
    );
  }
  const day = formatLongDate(view.date, locale);
  const title = view.kind === 'queue' ? t('run_position', [String(view.position), String(view.total), day]) : t('run_for', day);
  const stage = page === 'login' ? 'login' : page !== 'daily-progress' ? 'elsewhere' : view.stage;
  const line =
    stage === 'login' ? t('run_login')
      : stage === 'elsewhere' ? t('run_elsewhere')
        : stage === 'unconfirmed' ? t(view.kind === 'queue' ? 'run_unconfirmed' : 'run_unconfirmed_one')
          : view.failed ? t(view.kind === 'queue' ? 'run_failed' : 'run_failed_one')
            : stage === 'filled' ? t('run_filled') : t('run_opening');
  return (
    <div class="rb" role="region" aria-label={t('run_region')} data-stage={stage}>
      <p class="title"><strong>{title}</strong></p>
      <p role="status">{line}</p>
      <div class="buttons">
        {stage === 'elsewhere' && <a class="primary" href={dailyProgressUrl}>{t('run_open_daily')}</a>}
        {view.kind === 'queue' && <button type="button" onClick={userAction(onSkip)}>{t('run_skip')}</button>}
        <button type="button" onClick={userAction(onStop)}>{t('run_stop')}</button>
      </div>
    </div>
  );
}
