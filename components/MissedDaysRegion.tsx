import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import { TUKIN_MESSAGE } from '@/utils/calendar/day-messages';
import { monthSummaries, type MonthSummary } from '@/utils/calendar/month-summary';
import type { PopupStatus } from '@/utils/messaging/protocol';
import type { ManualStatus } from '@/utils/db/schema';
import { Region } from './Region';
import { UnconfirmedTag } from './UnconfirmedTag';
import { useStartRun } from '@/utils/ui/use-start-run';
import './missed-days.css';

export interface Props {
  status: PopupStatus;
  mark: (date: string, status: ManualStatus) => Promise<void>;
}

/** Up to this many missed days the list shows at once; more, and it opens on request. */
export const LIST_OPEN_UP_TO = 3;

/** How the oldest month is counted, and which months the site's calendar has not shown completely yet. */
function countNote(months: MonthSummary[], locale: string, monthName: Intl.DateTimeFormat): string {
  const oldest = months[months.length - 1];
  const counted = !oldest || oldest.counted === 'whole'
    ? ''
    : oldest.counted === 'today'
      ? t('popup_month_from_today')
      : t('popup_month_since', new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${oldest.from}T12:00:00Z`)));
  const unknown = months.filter((m) => !m.known).reverse().map((m) => name(monthName, m.month)).join(', ');
  const site = months.length === 0 ? '' : unknown ? t('popup_month_unknown', unknown) : t('popup_month_all_known');
  return [counted, site].filter(Boolean).join(' ');
}

const name = (f: Intl.DateTimeFormat, month: string) => f.format(new Date(`${month}-15T12:00:00Z`));

/**
 * Working days without a report, month by month (utils/calendar/month-summary.ts): each month's
 * count and its own Tukin status, how it is counted, whether the site showed it; the days
 * themselves in a list that opens on request.
 */
export function MissedDaysRegion({ status, mark }: Props) {
  const count = status.missed.length;
  const locale = uiLocale();
  const [open, setOpen] = useState(count <= LIST_OPEN_UP_TO);
  const months = monthSummaries(status);
  const monthName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const unknown = months.some((m) => !m.known);
  const run = useStartRun();
  return (
    <Region id="missed" title={t('popup_missed_title')}>
      <ul class="months" aria-label={t('popup_months_list')}>
        {months.map((m) => (
          <li key={m.month} class={`month ${m.missed.length > 0 ? m.risk : 'none'}`}>
            <span class="month-name">{name(monthName, m.month)}</span>
            <span class="month-count">{t('popup_month_days', String(m.missed.length))}</span>
            <span class="month-tukin" title={t('popup_tukin_rule')}>{t(TUKIN_MESSAGE[m.risk])}</span>
          </li>
        ))}
      </ul>
      <p class="muted hint">
        {countNote(months, locale, monthName)}
        {unknown && count === 0 && <> {t('popup_site_months_hint')}</>}
      </p>
      {count > 0 && (
        <div class="missed-actions">
          <button type="button" class="primary catch-up" disabled={run.busy} onClick={() => void run.start({ what: 'missed' })}>
            {t('popup_catch_up', String(count))}
          </button>
          {count > LIST_OPEN_UP_TO && <button type="button" class="small link-like" aria-expanded={open} aria-controls="missed-days" onClick={() => setOpen(!open)}>
            {open ? t('popup_missed_hide') : t('popup_missed_show', String(count))}
          </button>}
        </div>
      )}
      {count > 0 && open && (
        <ul id="missed-days" class="missed-list scroll-cue" aria-label={t('popup_missed_list')}>
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
      {run.error && <p role="alert" class="error">{run.error}</p>}
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
