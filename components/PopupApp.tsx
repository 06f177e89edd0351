import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { useSettings } from '@/utils/ui/use-settings';
import { POPUP_READY_MARK } from '@/utils/ui/marks';
import { MfaCodesRegion } from './MfaCodesRegion';
import { MissedDaysRegion } from './MissedDaysRegion';
import { TodayStatusRegion } from './TodayStatusRegion';


export interface Props {
  now?: () => Date;
}

export function PopupApp({ now = () => new Date() }: Props) {
  const { settings, error } = useSettings();
  useEffect(() => {
    if (settings) performance.mark(POPUP_READY_MARK);
  }, [settings]);
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <MfaCodesRegion />
      <MissedDaysRegion />
      {settings && <TodayStatusRegion settings={settings} now={now()} />}
      {error && <p role="alert" class="error">{t('error_background')}</p>}
    </main>
  );
}
