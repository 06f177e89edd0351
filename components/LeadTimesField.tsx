import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { checkReminderSettings, LEAD_MAX, LEAD_MIN } from '@/utils/reminders/settings';
import { InputWithHelp, wholeNumber } from './InputWithHelp';

export interface Props {
  /** Minutes before the target time, longest first. */
  leads: number[];
  /** The day's target time the reminders come before (HH:mm). */
  targetTime: string;
  /** What is wrong with the lead times (refused here, or by the background). */
  problem: MessageKey | null;
  onChange: (leads: number[]) => void;
  onProblem: (problem: MessageKey | null) => void;
}

export const byLongest = (a: number, b: number) => b - a;

/** The reminders before the target time: one line each (removable), and a field to add one. */
export function LeadTimesField({ leads, targetTime, problem, onChange, onProblem }: Props) {
  const [newLead, setNewLead] = useState('');

  const add = () => {
    const minutes = newLead.trim() === '' ? NaN : Number(newLead);
    const list = [...leads, minutes];
    const refused = checkReminderSettings({ leadMinutes: list }, { targetTime })
      .find((p) => ('index' in p && p.index === leads.length) || p.code === 'reminders_lead_too_many');
    onProblem(refused ? refused.code : null);
    if (refused) return;
    onChange(list.sort(byLongest));
    setNewLead('');
  };

  return (
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
                  onClick={() => { onChange(leads.filter((x) => x !== m)); onProblem(null); }}
                >
                  {t('reminders_settings_lead_remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      <InputWithHelp
        id="lead-new"
        label={t('reminders_settings_lead_new')}
        {...wholeNumber(LEAD_MIN, LEAD_MAX)}
        value={newLead}
        invalid={problem !== null}
        help={{ id: 'lead-help', text: problem ? t(problem) : '', class: 'error' }}
        onInput={(e) => { setNewLead(e.currentTarget.value); onProblem(null); }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }}
      >
        {' '}
        <button type="button" onClick={add}>{t('reminders_settings_lead_add')}</button>
      </InputWithHelp>
    </fieldset>
  );
}
