import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale, type MessageKey } from '@/utils/i18n/i18n';
import type { Settings, SettingsPatch, SettingsProblem } from '@/utils/settings/settings';
import { ZONE_LABEL, type ZoneChoice } from '@/utils/calendar/dates';
import { sendMessage, type SaveSettingsResult } from '@/utils/messaging/protocol';
import type { ReminderStatus } from '@/utils/messaging/reminders';
import { LAST_CALL_MAX, LAST_CALL_MIN, type ReminderSettings } from '@/utils/reminders/settings';
import { popupReminderLine } from '@/utils/reminders/text';
import { Region } from './Region';
import { SaveStatus, type SaveState } from './SaveStatus';
import { CheckboxField } from './CheckboxField';
import { InputWithHelp, wholeNumber } from './InputWithHelp';
import { byLongest, LeadTimesField } from './LeadTimesField';
import './reminders.css';

export interface Props {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>;
  now?: () => Date;
}

function zoneName(zone: ZoneChoice): string {
  if (zone !== 'browser') return t(ZONE_LABEL[zone]);
  return `${t(ZONE_LABEL.browser)} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`;
}

interface Form {
  leads: number[];
  morningOn: boolean;
  morningTime: string;
  lastCallOn: boolean;
  lastCallMinutes: string;
  summary: boolean;
  dnd: boolean;
}

/**
 * Only what changed: a setting left alone is not checked again against a new target time
 * (a disabled morning reminder must not block moving the target time before 07:30).
 */
function changedReminders(saved: ReminderSettings, form: Form): Partial<ReminderSettings> {
  const reminders: Partial<ReminderSettings> = {};
  if (form.leads.join() !== [...saved.leadMinutes].sort(byLongest).join()) reminders.leadMinutes = form.leads;
  if (form.morningOn !== saved.morning.enabled || form.morningTime !== saved.morning.time) {
    reminders.morning = { enabled: form.morningOn, time: form.morningTime };
  }
  const minutesAfter = form.lastCallMinutes.trim() === '' ? NaN : Number(form.lastCallMinutes);
  if (form.lastCallOn !== saved.lastCall.enabled || minutesAfter !== saved.lastCall.minutesAfter) {
    reminders.lastCall = { enabled: form.lastCallOn, minutesAfter };
  }
  if (form.summary !== saved.monthlySummary) reminders.monthlySummary = form.summary;
  if (form.dnd !== saved.doNotDisturb) reminders.doNotDisturb = form.dnd;
  return reminders;
}

/** The next reminder as the background computed it; asked again after any saved change (the calendar section's zone or working week too). */
function useNextReminder(settings: Settings): ReminderStatus | null {
  const [next, setNext] = useState<ReminderStatus | null>(null);
  useEffect(() => {
    sendMessage('getNextReminder').then(setNext, () => setNext(null));
  }, [settings]);
  return next;
}

/**
 * "Jadwal & Pengingat": the day's target time and the reminders before it (lead times), the
 * optional morning reminder and last call, the monthly summary and do-not-disturb. One form,
 * saved together ("Simpan jadwal"); the background checks it all again. Below the form, the
 * next reminder as the background computed it.
 */
export function ScheduleSection({ settings, save, now = () => new Date() }: Props) {
  const r = settings.reminders;
  const [targetTime, setTargetTime] = useState(settings.targetTime);
  const [leads, setLeads] = useState<number[]>([...r.leadMinutes].sort(byLongest));
  const [leadProblem, setLeadProblem] = useState<MessageKey | null>(null);
  const [morningOn, setMorningOn] = useState(r.morning.enabled);
  const [morningTime, setMorningTime] = useState(r.morning.time);
  const [lastCallOn, setLastCallOn] = useState(r.lastCall.enabled);
  const [lastCallMinutes, setLastCallMinutes] = useState(String(r.lastCall.minutesAfter));
  const [summary, setSummary] = useState(r.monthlySummary);
  const [dnd, setDnd] = useState(r.doNotDisturb);
  const [state, setState] = useState<SaveState>('idle');
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const next = useNextReminder(settings);

  /** Each edit takes back the "saved" line. */
  const edited = <T,>(set: (value: T) => void) => (value: T) => { set(value); setState('idle'); };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const reminders = changedReminders(settings.reminders, { leads, morningOn, morningTime, lastCallOn, lastCallMinutes, summary, dnd });
    const res = await save(Object.keys(reminders).length ? { targetTime, reminders } : { targetTime });
    setProblems(res.ok ? [] : res.problems);
    setState(res.ok ? 'saved' : 'failed');
    if (res.ok) setLeadProblem(null);
  };

  const timeProblem = problems.find((p) => p.field === 'targetTime');
  const reminderProblem = (field: string) => problems.find((p) => 'detail' in p && p.detail.field === field);
  const morningProblem = reminderProblem('morning');
  const lastCallProblem = reminderProblem('lastCall');

  const nextLine = next
    ? popupReminderLine(next.next, { now: now().getTime(), zone: next.zone, reminders: next.reminders, locale: uiLocale() })
    : null;

  return (
    <Region id="schedule" title={t('options_schedule_title')}>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <p class="muted">{t('reminders_settings_zone', zoneName(settings.zone))}</p>
        <InputWithHelp
          id="target-time"
          label={t('options_target_time')}
          type="time"
          required
          value={targetTime}
          invalid={timeProblem !== undefined}
          help={{ id: 'target-time-help', text: timeProblem ? t(timeProblem.code) : t('options_target_time_help'), class: timeProblem ? 'error' : 'muted' }}
          onInput={(e) => edited(setTargetTime)(e.currentTarget.value)}
        />

        <LeadTimesField
          leads={leads}
          targetTime={targetTime}
          problem={leadProblem ?? reminderProblem('leadMinutes')?.code ?? null}
          onChange={edited(setLeads)}
          onProblem={setLeadProblem}
        />

        <div class="reminder-group">
          <CheckboxField
            label={t('reminders_settings_morning')}
            checked={morningOn}
            hint={{ id: 'morning-hint', text: t('reminders_settings_morning_hint') }}
            onChange={edited(setMorningOn)}
          />
          <InputWithHelp
            id="morning-time"
            label={t('reminders_settings_morning_time')}
            type="time"
            value={morningTime}
            invalid={morningProblem !== undefined}
            help={{ id: 'morning-help', text: morningProblem ? t(morningProblem.code) : '', class: 'error' }}
            onInput={(e) => edited(setMorningTime)(e.currentTarget.value)}
          />
        </div>

        <div class="reminder-group">
          <CheckboxField label={t('reminders_settings_last_call')} checked={lastCallOn} onChange={edited(setLastCallOn)} />
          <InputWithHelp
            id="last-call-minutes"
            label={t('reminders_settings_last_call_minutes')}
            {...wholeNumber(LAST_CALL_MIN, LAST_CALL_MAX)}
            value={lastCallMinutes}
            invalid={lastCallProblem !== undefined}
            help={{ id: 'last-call-help', text: lastCallProblem ? t(lastCallProblem.code) : '', class: 'error' }}
            onInput={(e) => edited(setLastCallMinutes)(e.currentTarget.value)}
          />
        </div>

        <CheckboxField
          label={t('reminders_settings_summary_label')}
          checked={summary}
          hint={{ id: 'summary-hint', text: t('reminders_settings_summary_hint') }}
          onChange={edited(setSummary)}
        />
        <CheckboxField label={t('reminders_settings_dnd')} checked={dnd} onChange={edited(setDnd)} />

        <button type="submit">{t('options_save_schedule')}</button>
        <SaveStatus state={state} />
        {nextLine && <p id="next-reminder" class="muted">{t(nextLine.key, nextLine.subs)}</p>}
      </form>
    </Region>
  );
}
