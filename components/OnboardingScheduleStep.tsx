import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { changeChoices } from '@/utils/onboarding/store';
import { ZONES, ZONE_LABEL, type ZoneChoice } from '@/utils/calendar/dates';
import type { SettingsPatch } from '@/utils/settings/settings';
import { useSettingsFields } from '@/utils/ui/use-autosave';

const CONTROL = { targetTime: 'welcome-target-time', zone: 'welcome-zone' } as const;
const saveSettings = (patch: SettingsPatch) => sendMessage('saveSettings', patch);

/**
 * The welcome page's deadline and zone: each saved on change like the options' fields (one after
 * another, a refusal at its field); "Sudah sesuai" waits for those saves and keeps the defaults.
 */
export function OnboardingScheduleStep({ onDone }: { onDone: () => void }) {
  const [time, setTime] = useState<string | null>(null);
  const [zone, setZone] = useState<ZoneChoice>('browser');
  const [loadError, setLoadError] = useState<MessageKey | null>(null);
  const { errors, saveField, settled } = useSettingsFields(CONTROL, saveSettings);
  useEffect(() => {
    sendMessage('getSettings').then((s) => { setTime(s.targetTime); setZone(s.zone); }, () => setLoadError('error_background'));
  }, []);
  const error = errors.targetTime ?? errors.zone ?? null;
  const confirm = async () => {
    // A change still being saved, or refused, is not "sesuai" yet.
    if (!(await settled())) return document.getElementById(errors.zone ? CONTROL.zone : CONTROL.targetTime)?.focus();
    await changeChoices((c) => ({ ...c, scheduleConfirmed: true }));
    onDone();
  };
  if (time === null) return loadError ? <p role="alert" class="error">{t(loadError)}</p> : null;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void confirm(); }}>
      <label for="welcome-target-time">{t('options_target_time')}</label>
      <input id="welcome-target-time" type="time" value={time} aria-invalid={errors.targetTime ? 'true' : undefined} aria-describedby="welcome-schedule-error"
        onInput={(e) => setTime(e.currentTarget.value)}
        onChange={(e) => void saveField('targetTime', { targetTime: e.currentTarget.value })} />
      <label for="welcome-zone">{t('options_zone')}</label>
      <select id="welcome-zone" value={zone} aria-invalid={errors.zone ? 'true' : undefined} aria-describedby="welcome-schedule-error" onChange={(e) => { const z = e.currentTarget.value as ZoneChoice; setZone(z); void saveField('zone', { zone: z }); }}>
        {ZONES.map((z) => <option key={z} value={z}>{t(ZONE_LABEL[z])}</option>)}
      </select>
      <p id="welcome-schedule-error" class="error">{error ? t(error) : ''}</p>
      <button type="submit" class="primary">{t('onboarding_schedule_ok')}</button>
    </form>
  );
}
