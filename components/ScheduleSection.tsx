import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale, type MessageKey } from '@/utils/i18n/i18n';
import type { Settings, SettingsPatch, SettingsProblem } from '@/utils/settings/settings';
import { ZONE_LABEL, type ZoneChoice } from '@/utils/calendar/dates';
import { sendMessage, type SaveSettingsResult } from '@/utils/messaging/protocol';
import type { ReminderStatus } from '@/utils/messaging/reminders';
import {
  checkReminderSettings, LAST_CALL_MAX, LAST_CALL_MIN, LEAD_MAX, LEAD_MIN, type ReminderSettings,
} from '@/utils/reminders/settings';
import { popupReminderLine } from '@/utils/reminders/text';
import { Region } from './Region';
import { SaveStatus, type SaveState } from './SaveStatus';
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

const byLongest = (a: number, b: number) => b - a;

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
  const [newLead, setNewLead] = useState('');
  const [leadProblem, setLeadProblem] = useState<MessageKey | null>(null);
  const [morningOn, setMorningOn] = useState(r.morning.enabled);
  const [morningTime, setMorningTime] = useState(r.morning.time);
  const [lastCallOn, setLastCallOn] = useState(r.lastCall.enabled);
  const [lastCallMinutes, setLastCallMinutes] = useState(String(r.lastCall.minutesAfter));
  const [summary, setSummary] = useState(r.monthlySummary);
  const [dnd, setDnd] = useState(r.doNotDisturb);
  const [state, setState] = useState<SaveState>('idle');
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [next, setNext] = useState<ReminderStatus | null>(null);

  const loadNext = () => sendMessage('getNextReminder').then(setNext, () => setNext(null));
  // Again after any saved change (the calendar section's zone or working week too).
  useEffect(() => { void loadNext(); }, [settings]);

  const edited = () => setState('idle');

  const addLead = () => {
    const minutes = newLead.trim() === '' ? NaN : Number(newLead);
    const list = [...leads, minutes];
    const problem = checkReminderSettings({ leadMinutes: list }, { targetTime })
      .find((p) => ('index' in p && p.index === leads.length) || p.code === 'reminders_lead_too_many');
    setLeadProblem(problem ? problem.code : null);
    if (problem) return;
    setLeads(list.sort(byLongest));
    setNewLead('');
    edited();
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    // Only what changed: a setting left alone is not checked again against a new target time
    // (a disabled morning reminder must not block moving the target time before 07:30).
    const saved = settings.reminders;
    const reminders: Partial<ReminderSettings> = {};
    if (leads.join() !== [...saved.leadMinutes].sort(byLongest).join()) reminders.leadMinutes = leads;
    if (morningOn !== saved.morning.enabled || morningTime !== saved.morning.time) {
      reminders.morning = { enabled: morningOn, time: morningTime };
    }
    const minutesAfter = lastCallMinutes.trim() === '' ? NaN : Number(lastCallMinutes);
    if (lastCallOn !== saved.lastCall.enabled || minutesAfter !== saved.lastCall.minutesAfter) {
      reminders.lastCall = { enabled: lastCallOn, minutesAfter };
    }
    if (summary !== saved.monthlySummary) reminders.monthlySummary = summary;
    if (dnd !== saved.doNotDisturb) reminders.doNotDisturb = dnd;
    const res = await save(Object.keys(reminders).length ? { targetTime, reminders } : { targetTime });
    setProblems(res.ok ? [] : res.problems);
    setState(res.ok ? 'saved' : 'failed');
    if (res.ok) setLeadProblem(null);
  };

  const timeProblem = problems.find((p) => p.field === 'targetTime');
  const reminderProblem = (field: string) => problems.find((p) => 'detail' in p && p.detail.field === field);
  const leadsProblem = reminderProblem('leadMinutes');
  const morningProblem = reminderProblem('morning');
  const lastCallProblem = reminderProblem('lastCall');
  const shownLeadProblem = leadProblem ?? leadsProblem?.code ?? null;

  const nextLine = next
    ? popupReminderLine(next.next, { now: now().getTime(), zone: next.zone, reminders: next.reminders, locale: uiLocale() })
    : null;

  return (
    <Region id="schedule" title={t('options_schedule_title')}>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <p class="muted">{t('reminders_settings_zone', zoneName(settings.zone))}</p>
        <label for="target-time">{t('options_target_time')}</label>
        <input
          id="target-time"
          type="time"
          required
          value={targetTime}
          aria-invalid={timeProblem ? 'true' : undefined}
          aria-describedby="target-time-help"
          onInput={(e) => { setTargetTime(e.currentTarget.value); edited(); }}
        />
        <p id="target-time-help" class={timeProblem ? 'error' : 'muted'}>
          {timeProblem ? t(timeProblem.code) : t('options_target_time_help')}
        </p>

        <fieldset class="reminder-group">
          <legend>{t('reminders_settings_leads')}</legend>
          {leads.length === 0
            ? <p class="muted">{t('reminders_settings_leads_none')}</p>
            : (
              <ul class="lead-list">
                {leads.map((m) => (
                  <li key={m}>
                    <span>{t('reminders_settings_lead_item', String(m))}</span>{' '}
                    <button
                      type="button"
                      aria-label={t('reminders_settings_lead_remove_item', String(m))}
                      onClick={() => { setLeads(leads.filter((x) => x !== m)); setLeadProblem(null); edited(); }}
                    >
                      {t('reminders_settings_lead_remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          <label for="lead-new">{t('reminders_settings_lead_new')}</label>
          <input
            id="lead-new"
            type="number"
            inputMode="numeric"
            min={LEAD_MIN}
            max={LEAD_MAX}
            step={1}
            value={newLead}
            aria-invalid={shownLeadProblem ? 'true' : undefined}
            aria-describedby="lead-help"
            onInput={(e) => { setNewLead(e.currentTarget.value); setLeadProblem(null); }}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addLead(); } }}
          />{' '}
          <button type="button" onClick={addLead}>{t('reminders_settings_lead_add')}</button>
          <p id="lead-help" class="error">{shownLeadProblem ? t(shownLeadProblem) : ''}</p>
        </fieldset>

        <div class="reminder-group">
          <label class="check">
            <input
              type="checkbox"
              checked={morningOn}
              aria-describedby="morning-hint"
              onChange={(e) => { setMorningOn(e.currentTarget.checked); edited(); }}
            />{' '}
            {t('reminders_settings_morning')}
          </label>
          <p id="morning-hint" class="muted">{t('reminders_settings_morning_hint')}</p>
          <label for="morning-time">{t('reminders_settings_morning_time')}</label>
          <input
            id="morning-time"
            type="time"
            value={morningTime}
            aria-invalid={morningProblem ? 'true' : undefined}
            aria-describedby="morning-help"
            onInput={(e) => { setMorningTime(e.currentTarget.value); edited(); }}
          />
          <p id="morning-help" class="error">{morningProblem ? t(morningProblem.code) : ''}</p>
        </div>

        <div class="reminder-group">
          <label class="check">
            <input type="checkbox" checked={lastCallOn} onChange={(e) => { setLastCallOn(e.currentTarget.checked); edited(); }} />{' '}
            {t('reminders_settings_last_call')}
          </label>
          <label for="last-call-minutes">{t('reminders_settings_last_call_minutes')}</label>
          <input
            id="last-call-minutes"
            type="number"
            inputMode="numeric"
            min={LAST_CALL_MIN}
            max={LAST_CALL_MAX}
            step={1}
            value={lastCallMinutes}
            aria-invalid={lastCallProblem ? 'true' : undefined}
            aria-describedby="last-call-help"
            onInput={(e) => { setLastCallMinutes(e.currentTarget.value); edited(); }}
          />
          <p id="last-call-help" class="error">{lastCallProblem ? t(lastCallProblem.code) : ''}</p>
        </div>

        <label class="check">
          <input
            type="checkbox"
            checked={summary}
            aria-describedby="summary-hint"
            onChange={(e) => { setSummary(e.currentTarget.checked); edited(); }}
          />{' '}
          {t('reminders_settings_summary_label')}
        </label>
        <p id="summary-hint" class="muted">{t('reminders_settings_summary_hint')}</p>
        <label class="check">
          <input type="checkbox" checked={dnd} onChange={(e) => { setDnd(e.currentTarget.checked); edited(); }} />{' '}
          {t('reminders_settings_dnd')}
        </label>

        <button type="submit">{t('options_save_schedule')}</button>
        <SaveStatus state={state} />
        {nextLine && <p id="next-reminder" class="muted">{t(nextLine.key, nextLine.subs)}</p>}
      </form>
    </Region>
  );
}
