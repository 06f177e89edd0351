import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import type { Settings, SettingsPatch } from '@/utils/settings/settings';
import { ZONES, ZONE_LABEL, type ZoneChoice } from '@/utils/calendar/dates';
import { sendMessage, type CalendarData, type SaveSettingsResult } from '@/utils/messaging/protocol';
import { calendarConfig, reportedDates } from '@/utils/calendar/status';
import { missedDays } from '@/utils/calendar/missed-days';
import { HOLIDAY_SOURCES, COVERED_YEARS } from '@/utils/calendar/holidays';
import { monthOf } from '@/utils/calendar/month-grid';
import type { DayOffRecord } from '@/utils/db/schema';
import { Region } from './Region';
import { SaveStatus, type SaveState } from './SaveStatus';
import { CalendarGrid } from './CalendarGrid';
import { DaysOffEditor } from './DaysOffEditor';

export interface Props {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>;
}


/** "Kalender & Cuti": zone, working week, counting start, the month calendar and days off. */
export function CalendarSection({ settings, save }: Props) {
  const [zone, setZone] = useState<ZoneChoice>(settings.zone);
  const [workWeek, setWorkWeek] = useState<5 | 6>(settings.workWeek);
  const [countFrom, setCountFrom] = useState(settings.countFrom ?? '');
  const [state, setState] = useState<SaveState>('idle');
  const [data, setData] = useState<CalendarData | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | undefined>(undefined);

  const reload = () => sendMessage('getCalendarData').then((d) => {
    setData(d);
    setMonth((m) => m ?? monthOf(d.status.today));
  });
  useEffect(() => { void reload(); }, []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const res = await save({ zone, workWeek, countFrom: countFrom || null }).catch(() => null);
    setState(res?.ok ? 'saved' : 'failed');
    if (res?.ok) void reload();
  };

  const view = useMemo(() => {
    if (!data) return null;
    const cal = calendarConfig(data.settings, data.daysOff);
    const reported = reportedDates(data.reports);
    const from = data.settings.countFrom ?? data.settings.installedOn ?? data.status.today.slice(0, 8) + '01';
    const missed = new Set(missedDays({ from, today: data.status.today, nowTime: data.status.nowTime, targetTime: data.settings.targetTime, cal, reported }));
    return { cal, reported, missed };
  }, [data]);

  const addDayOff = async (draft: Omit<DayOffRecord, 'id'>) => {
    const res = await sendMessage('addDayOff', draft);
    if (res.ok) { setPicked(undefined); await reload(); }
    return res;
  };
  const removeDayOff = async (id: string) => {
    await sendMessage('removeDayOff', id);
    await reload();
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
        <label for="count-from">{t('options_count_from')}</label>
        <input id="count-from" type="date" value={countFrom} aria-describedby="count-from-help"
          onInput={(e) => { setCountFrom(e.currentTarget.value); setState('idle'); }} />
        <p id="count-from-help" class="muted">{t('options_count_from_help')}</p>
        <button type="submit">{t('options_save_calendar')}</button>
        <SaveStatus state={state} />
      </form>
      <p class="muted">
        {COVERED_YEARS.map((y) => t('calendar_holidays_source', `${y}: ${HOLIDAY_SOURCES[y].decree}`)).join(' · ')}
      </p>
      {data && view && month && (
        <>
          <h3>{t('options_calendar_view')}</h3>
          <CalendarGrid
            month={month}
            today={data.status.today}
            cal={view.cal}
            reported={view.reported}
            missed={view.missed}
            onMonthChange={setMonth}
            onPickDay={setPicked}
          />
          <h3>{t('options_daysoff_title')}</h3>
          <DaysOffEditor daysOff={data.daysOff} pickedDate={picked} today={data.status.today} onAdd={addDayOff} onRemove={removeDayOff} />
        </>
      )}
    </Region>
  );
}
