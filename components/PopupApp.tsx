import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/i18n';
import { useStatus } from '@/utils/ui/use-status';
import { POPUP_READY_MARK } from '@/utils/ui/marks';
import { useFitHeight } from '@/utils/ui/use-fit-height';
import { useLater } from '@/utils/ui/use-later';
import { MfaCodesRegion } from './MfaCodesRegion';
import { TodayStatusRegion } from './TodayStatusRegion';
import { FillTodayButton } from './FillTodayButton';

/**
 * The popup, in the order of the day: today's status and its actions (with the reminder line),
 * then the MFA codes (the main one large), the first-run checklist while steps are left, then the
 * missed days month by month. Never taller than 600 px (Chrome's popup limit): long lists scroll
 * inside their own box (tests/e2e/popup-layout.e2e.ts).
 *
 * What loads first is what the popup is opened for: today's status and action, and the codes. The
 * reminder line, the checklist and the missed days come in chunks asked for once the codes are on
 * screen (`npm run bench` counts both).
 */
/** Chrome shows at most this much of a popup. */
export const POPUP_MAX_PX = 600;

const loadLater = () => Promise.all([import('./ReminderLine'), import('./MissedDaysRegion'), import('./OnboardingChecklist')])
  .then(([r, m, o]) => ({ ReminderLine: r.ReminderLine, MissedDaysRegion: m.MissedDaysRegion, OnboardingChecklist: o.OnboardingChecklist }));

export function PopupApp() {
  const { status, error, mark } = useStatus();
  // The two scrolling lists (other accounts, missed days) give up height first, keeping two rows.
  const fit = useFitHeight<HTMLElement>(POPUP_MAX_PX, '.mfa-others, .missed-list', 52);
  const [codesShown, setCodesShown] = useState(false);
  const later = useLater(codesShown, loadLater);
  const onCodesShown = useCallback(() => setCodesShown(true), []);
  // The missed days come once the checklist above them knows whether it shows: no jump.
  const [checked, setChecked] = useState(false);
  const onChecked = useCallback(() => setChecked(true), []);
  const ready = status !== null;
  useEffect(() => {
    if (ready) performance.mark(POPUP_READY_MARK);
  }, [ready]);
  return (
    <main class="popup" ref={fit}>
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        <a href="/rekap.html" target="_blank" rel="noopener">{t('popup_open_rekap')}</a>
        <button type="button" class="small" onClick={() => void browser.runtime.openOptionsPage()}>{t('popup_open_options')}</button>
      </header>
      {/* Holds the place of today's region until the status arrives, so the codes do not jump. */}
      <div class="today-slot">
        {status && (
          <TodayStatusRegion status={status} mark={mark} primary={<FillTodayButton />}>
            {later && <later.ReminderLine key={status.todayStatus.state} />}
          </TodayStatusRegion>
        )}
      </div>
      <MfaCodesRegion onShown={onCodesShown} />
      {later && <later.OnboardingChecklist variant="compact" onLoaded={onChecked} />}
      {later && status && checked && <later.MissedDaysRegion status={status} mark={mark} />}
      {error && <p role="alert" class="error">{t('error_background')}</p>}
    </main>
  );
}
