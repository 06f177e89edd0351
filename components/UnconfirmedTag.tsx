import { t } from '@/utils/i18n/i18n';

/** "belum terkonfirmasi": a save seen in the page that the site has not confirmed (utils/reporting/confirm.ts). */
export function UnconfirmedTag() {
  return <span class="unconfirmed" title={t('popup_unconfirmed_hint')}>{t('popup_unconfirmed')}</span>;
}
