import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { useStatus } from '@/utils/ui/use-status';
import { POPUP_READY_MARK } from '@/utils/ui/marks';
import { MfaCodesRegion } from './MfaCodesRegion';
import { MissedDaysRegion } from './MissedDaysRegion';
import { TodayStatusRegion } from './TodayStatusRegion';
import { ReminderLine } from './ReminderLine';
import { FillTodayButton } from './FillTodayButton';

export function PopupApp() {
  const { status, error, mark } = useStatus();
  const ready = status !== null;
  useEffect(() => {
    if (ready) performance.mark(POPUP_READY_MARK);
  }, [ready]);
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <FillTodayButton />
      <MfaCodesRegion />
      {status && <MissedDaysRegion status={status} mark={mark} />}
      {status && <TodayStatusRegion status={status} mark={mark} />}
      {status && <ReminderLine key={status.todayStatus.state} />}
      {error && <p role="alert" class="error">{t('error_background')}</p>}
      <p class="region"><a href="/rekap.html" target="_blank" rel="noopener">{t('popup_open_rekap')}</a></p>
    </main>
  );
}
