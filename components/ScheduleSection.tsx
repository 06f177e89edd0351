import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale, type MessageKey } from '@/utils/i18n/i18n';
import type { Settings, SettingsPatch } from '@/utils/settings/settings';
import { ZONE_LABEL, type ZoneChoice } from '@/utils/calendar/dates';
import { sendMessage, type SaveSettingsResult } from '@/utils/messaging/protocol';
import type { ReminderStatus } from '@/utils/messaging/reminders';
import { LAST_CALL_MAX, LAST_CALL_MIN, type ReminderSettings } from '@/utils/reminders/settings';
import { popupReminderLine } from '@/utils/reminders/text';
import { Region } from './Region';
import { SaveStatus } from './SaveStatus';
import { useSettingsFields } from '@/utils/ui/use-autosave';
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

/** The next reminder as the background computed it; asked again after any saved change (the calendar section's zone or working week too). */
function useNextReminder(settings: Settings): ReminderStatus | null {
  const [next, setNext] = useState<ReminderStatus | null>(null);
  useEffect(() => {
    sendMessage('getNextReminder').then(setNext, () => setNext(null));
  }, [settings]);
  return next;
}

type Field = 'targetTime' | 'leadMinutes' | 'morning' | 'lastCall' | 'monthlySummary' | 'doNotDisturb';

/** The control a field's error is shown beside (and focus moves to). */
const CONTROL: Record<Field, string> = {
  targetTime: 'target-time',
  leadMinutes: 'lead-new',
  morning: 'morning-time',
  lastCall: 'last-call-minutes',
  monthlySummary: 'summary-check',
  doNotDisturb: 'dnd-check',
};

/**
 * "Jadwal & Pengingat": the day's target time and the reminders before it (lead times), the
 * optional morning reminder and last call, the monthly summary and do-not-disturb. Each field
 * saves on change ("Tersimpan."); a refused value stays in its field, marked invalid with the
 * background's reason beside it, and gets the focus. Below, the next reminder as the background
 * computed it.
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
  const next = useNextReminder(settings);

  /** Saves one field; what the background refuses is shown at that field, which gets the focus. */
  const { state: saveState, errors, saveField } = useSettingsFields(CONTROL, save);
  /**
   * A reminder setting alone: the background checks it against the saved target time (sending the
   * target time shown when this rendered could write back an older one still being saved).
   */
  const saveReminder = (field: Exclude<Field, 'targetTime'>, reminders: Partial<ReminderSettings>) =>
    saveField(field, { reminders });
  const lastCall = (enabled: boolean, minutes: string) =>
    ({ enabled, minutesAfter: minutes.trim() === '' ? NaN : Number(minutes) });

  const errorHelp = (id: string, field: Field, hint = '') => ({
    id, text: errors[field] ? t(errors[field]) : hint, class: errors[field] ? 'error' : 'muted',
  });

  const nextLine = next
    ? popupReminderLine(next.next, { now: now().getTime(), zone: next.zone, reminders: next.reminders, locale: uiLocale() })
    : null;

  return (
    <Region id="schedule" title={t('options_schedule_title')}>
      <SaveStatus state={saveState} />
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <p class="muted">{t('reminders_settings_zone', zoneName(settings.zone))}</p>
        <InputWithHelp
          id="target-time"
          label={t('options_target_time')}
          type="time"
          required
          value={targetTime}
          invalid={errors.targetTime !== undefined}
          help={errorHelp('target-time-help', 'targetTime', t('options_target_time_help'))}
          onInput={(e) => setTargetTime(e.currentTarget.value)}
          onChange={(e) => void saveField('targetTime', { targetTime: e.currentTarget.value })}
        />

        <LeadTimesField
          leads={leads}
          targetTime={targetTime}
          problem={leadProblem ?? errors.leadMinutes ?? null}
          onChange={(list) => { setLeads(list); void saveReminder('leadMinutes', { leadMinutes: list }); }}
          onProblem={setLeadProblem}
        />

        <div class="reminder-group">
          <CheckboxField
            id="morning-check"
            label={t('reminders_settings_morning')}
            checked={morningOn}
            hint={{ id: 'morning-hint', text: t('reminders_settings_morning_hint') }}
            onChange={(on) => { setMorningOn(on); void saveReminder('morning', { morning: { enabled: on, time: morningTime } }); }}
          />
          <InputWithHelp
            id="morning-time"
            label={t('reminders_settings_morning_time')}
            type="time"
            value={morningTime}
            invalid={errors.morning !== undefined}
            help={errorHelp('morning-help', 'morning')}
            onInput={(e) => setMorningTime(e.currentTarget.value)}
            onChange={(e) => void saveReminder('morning', { morning: { enabled: morningOn, time: e.currentTarget.value } })}
          />
        </div>

        <div class="reminder-group">
          <CheckboxField
            id="last-call-check"
            label={t('reminders_settings_last_call')}
            checked={lastCallOn}
            onChange={(on) => { setLastCallOn(on); void saveReminder('lastCall', { lastCall: lastCall(on, lastCallMinutes) }); }}
          />
          <InputWithHelp
            id="last-call-minutes"
            label={t('reminders_settings_last_call_minutes')}
            {...wholeNumber(LAST_CALL_MIN, LAST_CALL_MAX)}
            value={lastCallMinutes}
            invalid={errors.lastCall !== undefined}
            help={errorHelp('last-call-help', 'lastCall')}
            onInput={(e) => setLastCallMinutes(e.currentTarget.value)}
            onChange={(e) => void saveReminder('lastCall', { lastCall: lastCall(lastCallOn, e.currentTarget.value) })}
          />
        </div>

        <CheckboxField
          id="summary-check"
          label={t('reminders_settings_summary_label')}
          checked={summary}
          hint={{ id: 'summary-hint', text: t('reminders_settings_summary_hint') }}
          onChange={(on) => { setSummary(on); void saveReminder('monthlySummary', { monthlySummary: on }); }}
        />
        <CheckboxField
          id="dnd-check"
          label={t('reminders_settings_dnd')}
          checked={dnd}
          onChange={(on) => { setDnd(on); void saveReminder('doNotDisturb', { doNotDisturb: on }); }}
        />
        {nextLine && <p id="next-reminder" class="muted">{t(nextLine.key, nextLine.subs)}</p>}
      </form>
    </Region>
  );
}
