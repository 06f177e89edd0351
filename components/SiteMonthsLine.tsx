import { t, uiLocale } from '@/utils/i18n/i18n';
import type { StatusSnapshot } from '@/utils/calendar/status';

export interface Props {
  months: StatusSnapshot['siteMonths'];
}

/** Which months the site's own calendar has shown completely, and which not yet (utils/calendar/site-months.ts). */
export function SiteMonthsLine({ months }: Props) {
  const name = new Intl.DateTimeFormat(uiLocale(), { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const list = (known: boolean) => months.filter((m) => m.known === known).map((m) => name.format(new Date(`${m.month}-15T12:00:00Z`))).join(', ');
  const known = list(true);
  const unknown = list(false);
  return (
    <>
      {known && <p class="muted site-months known">{t('popup_site_months_known', known)}</p>}
      {unknown && <p class="muted site-months unknown">{t('popup_site_months_unknown', unknown)}</p>}
    </>
  );
}
