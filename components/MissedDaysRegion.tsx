import { t } from '@/utils/i18n/i18n';
import { Region } from './Region';

/** How many working days are not reported yet. The missed-days issue fills the count. */
export function MissedDaysRegion() {
  return (
    <Region id="missed" title={t('popup_missed_title')}>
      <p class="muted">{t('popup_missed_pending')}</p>
    </Region>
  );
}
