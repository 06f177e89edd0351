import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { formatLongDate, localDate } from '@/utils/calendar/dates';
import { sendMessage, type EkinerjaTab } from '@/utils/messaging/protocol';
import { DAILY_PROGRESS_URL } from '@/utils/site/pages';
import type { Settings } from '@/utils/settings/settings';
import { Region } from './Region';

export interface Props {
  settings: Settings;
  now: Date;
}

/** Today's date in the user's zone and the connection to an open e-Kinerja tab. */
export function TodayStatusRegion({ settings, now }: Props) {
  const [tab, setTab] = useState<EkinerjaTab | null | undefined>(undefined);
  useEffect(() => {
    sendMessage('findEkinerjaTab').then(setTab, () => setTab(null));
  }, []);
  const today = localDate(now, settings.zone);

  const openDailyProgress = async () => {
    if (tab) {
      await browser.tabs.update(tab.tabId, tab.page.kind === 'daily-progress' ? { active: true } : { active: true, url: DAILY_PROGRESS_URL });
    } else {
      await browser.tabs.create({ url: DAILY_PROGRESS_URL });
    }
    window.close();
  };

  return (
    <Region id="today" title={t('popup_today_title')}>
      <p class="today-date">{formatLongDate(today, uiLocale())}</p>
      <p role="status" class="muted">
        {tab === undefined
          ? t('popup_tab_checking')
          : tab === null
            ? t('popup_tab_none')
            : tab.page.kind === 'daily-progress'
              ? t('popup_tab_daily', tab.page.userName ?? '—')
              : t('popup_tab_other', tab.page.userName ?? '—')}
      </p>
      <button type="button" class="primary" onClick={() => void openDailyProgress()}>
        {t('popup_open_daily')}
      </button>
    </Region>
  );
}
