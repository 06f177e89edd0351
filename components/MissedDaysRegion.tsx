import { browser } from 'wxt/browser';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import { TUKIN_MESSAGE } from '@/utils/calendar/missed-days';
import type { PopupStatus } from '@/utils/messaging/protocol';
import type { ManualStatus } from '@/utils/db/schema';
import { Region } from './Region';
import { UnconfirmedTag } from './UnconfirmedTag';
import { SiteMonthsLine } from './SiteMonthsLine';
import { useStartRun } from '@/utils/ui/use-start-run';

export interface Props {
  status: PopupStatus;
  mark: (date: string, status: ManualStatus) => Promise<void>;
}

/** This month's working days without a report, which ones, and what it means for the Tukin. */
export function MissedDaysRegion({ status, mark }: Props) {
  const count = status.missed.length;
  const locale = uiLocale();
  const sinceMonthStart = status.from === status.today.slice(0, 8) + '01';
  const run = useStartRun();
  return (
    <Region id="missed" title={t('popup_missed_title')}>
      <p class={`missed-count ${status.risk}`}>
        {count === 0
          ? sinceMonthStart ? t('popup_missed_none') : t('popup_missed_none_since', formatLongDate(status.from, locale))
          : sinceMonthStart
            ? t('popup_missed_count', String(count))
            : t('popup_missed_since', [String(count), formatLongDate(status.from, locale)])}
      </p>
      {status.monthMissed > 0 && (
        <p class={status.risk === 'berisiko' ? 'error' : 'muted'}>{t(TUKIN_MESSAGE[status.risk], String(status.monthMissed))}</p>
      )}
      {count > 0 && (
        <ul class="missed-list" aria-label={t('popup_missed_list')}>
          {status.missed.map((date) => {
            const label = formatLongDate(date, locale);
            return (
              <li key={date}>
                <span>{label}{status.unconfirmed.includes(date) && <> <UnconfirmedTag /></>}</span>
                <button type="button" class="small" disabled={run.busy} aria-label={t('popup_fill_day_label', label)} onClick={() => void run.start({ what: 'day', date })}>
                  {t('popup_fill_day')}
                </button>
                <button type="button" class="small" aria-label={t('popup_mark_reported_day', label)} onClick={() => void mark(date, 'reported')}>
                  {t('popup_mark_reported')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {count > 0 && (
        <button type="button" class="primary catch-up" disabled={run.busy} onClick={() => void run.start({ what: 'missed' })}>
          {t('popup_catch_up', String(count))}
        </button>
      )}
      {run.error && <p role="alert" class="error">{run.error}</p>}
      <SiteMonthsLine months={status.siteMonths} />
      {status.lastReading && !status.lastReading.ok && <p role="alert" class="error">{t('popup_reading_failed')}</p>}
      {!status.yearCovered && (
        <p class="error">
          {t('calendar_year_not_covered', String(status.year))}{' '}
          <a href={browser.runtime.getURL('/options.html#calendar')} target="_blank" rel="noreferrer">{t('popup_open_calendar')}</a>
        </p>
      )}
    </Region>
  );
}
