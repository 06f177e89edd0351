import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { clockText, formatLongDate } from '@/utils/calendar/dates';
import { TODAY_MESSAGE } from '@/utils/calendar/day-messages';
import { offReason } from '@/utils/calendar/off-reason';
import { sendMessage, type EkinerjaTab, type PopupStatus } from '@/utils/messaging/protocol';
import type { ManualStatus } from '@/utils/db/schema';
import type { ComponentChildren } from 'preact';
import { Region } from './Region';

export interface Props {
  status: PopupStatus;
  mark: (date: string, status: ManualStatus) => Promise<void>;
  /** The day's primary action (FillTodayButton: "Isi Progress Harian hari ini"), first of the actions. */
  primary?: ComponentChildren;
  /** Shown under the day's actions (the reminder line). */
  children?: ComponentChildren;
}

function todayText(status: PopupStatus): string {
  const s = status.todayStatus;
  if (s.state !== 'off') return t(TODAY_MESSAGE[s.state], clockText(status.targetTime, uiLocale()));
  return `${t(TODAY_MESSAGE.off, offReason(s.off))}${s.reported ? ` ${t('popup_off_reported')}` : ''}`;
}

/**
 * Today: its date in the user's zone, whether it is reported, the day's two actions on one line,
 * then the e-Kinerja tab with "Tandai hari ini sudah lapor" beside it, and the reminder line.
 */
export function TodayStatusRegion({ status, mark, primary, children }: Props) {
  const [tab, setTab] = useState<EkinerjaTab | null | undefined>(undefined);
  useEffect(() => {
    sendMessage('findEkinerjaTab').then(setTab, () => setTab(null));
  }, []);
  const reported = status.todayStatus.state === 'reported' || (status.todayStatus.state === 'off' && status.todayStatus.reported);
  const isWorkday = status.todayStatus.state !== 'off';

  const openDailyProgress = async () => {
    await sendMessage('openDailyProgress');
    window.close();
  };

  return (
    <Region id="today" title={t('popup_today_title')}>
      <p class="today-date">{formatLongDate(status.today, uiLocale())}</p>
      <p class={`today-state ${status.todayStatus.state}`}>{todayText(status)}</p>
      <div class="today-actions">
        {primary}
        <button type="button" class={primary ? 'open-daily' : 'primary'} onClick={() => void openDailyProgress()}>
          {t('popup_open_daily')}
        </button>
      </div>
      <div class="today-more">
        <p role="status" class="muted tab-line">
          {tab === undefined
            ? t('popup_tab_checking')
            : tab === null
              ? t('popup_tab_none')
              : tab.page.kind === 'daily-progress'
                ? t('popup_tab_daily', tab.page.userName ?? '—')
                : t('popup_tab_other', tab.page.userName ?? '—')}
        </p>
        {(isWorkday || reported) && (
          <button type="button" class="small mark-today" onClick={() => void mark(status.today, reported ? 'not-reported' : 'reported')}>
            {reported ? t('popup_mark_today_not_reported') : t('popup_mark_today_reported')}
          </button>
        )}
      </div>
      {children}
    </Region>
  );
}
