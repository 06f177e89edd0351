import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import type { Settings, SettingsPatch, SettingsProblem } from '@/utils/settings/settings';
import type { SaveSettingsResult } from '@/utils/messaging/protocol';
import { Region } from './Region';
import { SaveStatus, type SaveState } from './SaveStatus';

export interface Props {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>;
}

/** "Jadwal & Pengingat": the day's target time. The reminders issue adds the reminders. */
export function ScheduleSection({ settings, save }: Props) {
  const [targetTime, setTargetTime] = useState(settings.targetTime);
  const [state, setState] = useState<SaveState>('idle');
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const res = await save({ targetTime });
    setProblems(res.ok ? [] : res.problems);
    setState(res.ok ? 'saved' : 'failed');
  };
  const timeProblem = problems.find((p) => p.field === 'targetTime');
  return (
    <Region id="schedule" title={t('options_schedule_title')}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label for="target-time">{t('options_target_time')}</label>
        <input
          id="target-time"
          type="time"
          required
          value={targetTime}
          aria-invalid={timeProblem ? 'true' : undefined}
          aria-describedby="target-time-help"
          onInput={(e) => { setTargetTime(e.currentTarget.value); setState('idle'); }}
        />
        <p id="target-time-help" class={timeProblem ? 'error' : 'muted'}>
          {timeProblem ? t(timeProblem.code) : t('options_target_time_help')}
        </p>
        <p class="muted">{t('options_schedule_pending')}</p>
        <button type="submit">{t('options_save_schedule')}</button>
        <SaveStatus state={state} />
      </form>
    </Region>
  );
}
