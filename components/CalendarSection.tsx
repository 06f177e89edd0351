import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { ZONES, type Settings, type SettingsPatch, type ZoneChoice } from '@/utils/settings/settings';
import type { SaveSettingsResult } from '@/utils/messaging/protocol';
import { Region } from './Region';
import { SaveStatus, type SaveState } from './SaveStatus';

export interface Props {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>;
}

const ZONE_LABEL = {
  browser: 'zone_browser',
  'Asia/Jakarta': 'zone_wib',
  'Asia/Makassar': 'zone_wita',
  'Asia/Jayapura': 'zone_wit',
} as const satisfies Record<ZoneChoice, string>;

/** "Kalender & Cuti": time zone and working week. The missed-days issue adds holidays and leave. */
export function CalendarSection({ settings, save }: Props) {
  const [zone, setZone] = useState<ZoneChoice>(settings.zone);
  const [workWeek, setWorkWeek] = useState<5 | 6>(settings.workWeek);
  const [state, setState] = useState<SaveState>('idle');
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const res = await save({ zone, workWeek });
    setState(res.ok ? 'saved' : 'failed');
  };
  return (
    <Region id="calendar" title={t('options_calendar_title')}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label for="zone">{t('options_zone')}</label>
        <select id="zone" value={zone} onChange={(e) => { setZone(e.currentTarget.value as ZoneChoice); setState('idle'); }}>
          {ZONES.map((z) => (
            <option key={z} value={z}>{t(ZONE_LABEL[z])}</option>
          ))}
        </select>
        <label for="work-week">{t('options_work_week')}</label>
        <select
          id="work-week"
          value={String(workWeek)}
          onChange={(e) => { setWorkWeek(e.currentTarget.value === '6' ? 6 : 5); setState('idle'); }}
        >
          <option value="5">{t('options_work_week_5')}</option>
          <option value="6">{t('options_work_week_6')}</option>
        </select>
        <p class="muted">{t('options_calendar_pending')}</p>
        <button type="submit">{t('options_save_calendar')}</button>
        <SaveStatus state={state} />
      </form>
    </Region>
  );
}
