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
import { SaveStatus } from './SaveStatus';
import { useSettingsFields } from '@/utils/ui/use-autosave';
import { CalendarGrid } from './CalendarGrid';
import { DaysOffEditor } from './DaysOffEditor';

export interface Props {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>;
}

type CalendarField = 'zone' | 'workWeek' | 'countFrom';
const CONTROL: Record<CalendarField, string> = { zone: 'zone', workWeek: 'work-week', countFrom: 'count-from' };

/** "Kalender & Cuti": zone, working week, counting start (each saved on change), the month calendar and days off; the holiday decrees in fine print at the end. */
export function CalendarSection({ settings, save }: Props) {
  const [zone, setZone] = useState<ZoneChoice>(settings.zone);
  const [workWeek, setWorkWeek] = useState<5 | 6>(settings.workWeek);
  const [countFrom, setCountFrom] = useState(settings.countFrom ?? '');
  const [data, setData] = useState<CalendarData | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | undefined>(undefined);

  const reload = () => sendMessage('getCalendarData').then((d) => {
    setData(d);
    setMonth((m) => m ?? monthOf(d.status.today));
  });
  useEffect(() => { void reload(); }, []);

  /** Saves one field on change; a refusal is shown at the field, which gets the focus; the calendar follows a stored change. */
  const { state: saveState, errors, saveField } = useSettingsFields(CONTROL, save, () => void reload());
  const invalid = (field: CalendarField) => (errors[field] ? 'true' : undefined);
  const errorLine = (field: CalendarField) =>
    errors[field] ? <p id={`${CONTROL[field]}-error`} class="error">{t(errors[field])}</p> : null;

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
      <SaveStatus state={saveState} />
      <form onSubmit={(e) => e.preventDefault()}>
        <label for="zone">{t('options_zone')}</label>
        <select id="zone" value={zone} aria-invalid={invalid('zone')} aria-describedby={errors.zone ? 'zone-error' : undefined}
          onChange={(e) => { const z = e.currentTarget.value as ZoneChoice; setZone(z); void saveField('zone', { zone: z }); }}>
          {ZONES.map((z) => (
            <option key={z} value={z}>{t(ZONE_LABEL[z])}</option>
          ))}
        </select>
        {errorLine('zone')}
        <label for="work-week">{t('options_work_week')}</label>
        <select
          id="work-week"
          value={String(workWeek)}
          aria-invalid={invalid('workWeek')}
          aria-describedby={errors.workWeek ? 'work-week-error' : undefined}
          onChange={(e) => { const w = e.currentTarget.value === '6' ? 6 : 5; setWorkWeek(w); void saveField('workWeek', { workWeek: w }); }}
        >
          <option value="5">{t('options_work_week_5')}</option>
          <option value="6">{t('options_work_week_6')}</option>
        </select>
        {errorLine('workWeek')}
        <label for="count-from">{t('options_count_from')}</label>
        <input id="count-from" type="date" value={countFrom} aria-invalid={invalid('countFrom')}
          aria-describedby={errors.countFrom ? 'count-from-error count-from-help' : 'count-from-help'}
          onInput={(e) => setCountFrom(e.currentTarget.value)}
          onChange={(e) => void saveField('countFrom', { countFrom: e.currentTarget.value || null })} />
        {errorLine('countFrom')}
        <p id="count-from-help" class="muted">{t('options_count_from_help')}</p>
      </form>
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
      <p class="fine-print">
        {COVERED_YEARS.map((y) => t('calendar_holidays_source', `${y}: ${HOLIDAY_SOURCES[y].decree}`)).join(' · ')}
      </p>
    </Region>
  );
}
