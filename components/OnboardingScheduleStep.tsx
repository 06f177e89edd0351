import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { changeChoices } from '@/utils/onboarding/store';
import { ZONES, ZONE_LABEL, type ZoneChoice } from '@/utils/calendar/dates';

/** The welcome page's deadline and zone: each saved on change; "Sudah sesuai" keeps the defaults. */
export function OnboardingScheduleStep({ onDone }: { onDone: () => void }) {
  const [time, setTime] = useState<string | null>(null);
  const [zone, setZone] = useState<ZoneChoice>('browser');
  const [error, setError] = useState<MessageKey | null>(null);
  useEffect(() => {
    sendMessage('getSettings').then((s) => { setTime(s.targetTime); setZone(s.zone); }, () => setError('error_background'));
  }, []);
  const save = async (patch: { targetTime?: string; zone?: ZoneChoice }, field: string) => {
    const res = await sendMessage('saveSettings', patch).catch(() => null);
    const problem: MessageKey | null = !res ? 'error_background' : res.ok ? null : (res.problems[0]?.code ?? 'options_not_saved');
    setError(problem);
    if (problem) document.getElementById(field)?.focus();
    return problem === null;
  };
  const confirm = async () => {
    if (error) return document.getElementById('welcome-target-time')?.focus();
    await changeChoices((c) => ({ ...c, scheduleConfirmed: true }));
    onDone();
  };
  if (time === null) return error ? <p role="alert" class="error">{t(error)}</p> : null;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void confirm(); }}>
      <label for="welcome-target-time">{t('options_target_time')}</label>
      <input id="welcome-target-time" type="time" value={time} aria-invalid={error ? 'true' : undefined} aria-describedby="welcome-schedule-error"
        onInput={(e) => setTime(e.currentTarget.value)}
        onChange={(e) => void save({ targetTime: e.currentTarget.value }, 'welcome-target-time')} />
      <label for="welcome-zone">{t('options_zone')}</label>
      <select id="welcome-zone" value={zone} onChange={(e) => { const z = e.currentTarget.value as ZoneChoice; setZone(z); void save({ zone: z }, 'welcome-zone'); }}>
        {ZONES.map((z) => <option key={z} value={z}>{t(ZONE_LABEL[z])}</option>)}
      </select>
      <p id="welcome-schedule-error" class="error">{error ? t(error) : ''}</p>
      <button type="submit" class="primary">{t('onboarding_schedule_ok')}</button>
    </form>
  );
}
