import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/i18n';
import { Region } from './Region';

/** The popup's MFA codes. The MFA issue fills it with accounts and live codes. */
export function MfaCodesRegion() {
  return (
    <Region id="mfa" title={t('popup_mfa_title')}>
      <p class="muted">{t('popup_mfa_empty')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popup_open_options')}
      </button>
    </Region>
  );
}
