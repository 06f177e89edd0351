import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { ReminderStatus } from '@/utils/messaging/reminders';
import { isMuted } from '@/utils/reminders/settings';
import { popupReminderLine } from '@/utils/reminders/text';
import './reminders.css';

export interface Props {
  now?: () => Date;
}

/**
 * The popup's reminder line: "Pengingat berikutnya 15:00" (or muted, snoozed, do-not-disturb),
 * with one click to snooze ("Tunda 15 menit": quiet for 15 minutes, then one reminder) or to
 * mute today, while today still needs its report.
 */
export function ReminderLine({ now = () => new Date() }: Props) {
  const [status, setStatus] = useState<ReminderStatus | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    sendMessage('getNextReminder').then(setStatus, () => setStatus(null));
  }, []);
  if (!status) return null;

  const at = now().getTime();
  const line = popupReminderLine(status.next, { now: at, zone: status.zone, reminders: status.reminders, locale: uiLocale() });
  const muted = isMuted(status.reminders, status.today);
  const snoozing = status.reminders.snoozedUntil !== null && status.reminders.snoozedUntil > at;
  const act = async (type: 'snoozeReminders' | 'muteToday' | 'unmuteToday') => {
    setBusy(true);
    try {
      setStatus(await sendMessage(type));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="reminder-line">
      <p role="status">{t(line.key, line.subs)}</p>
      {status.todayOpen && !muted && !snoozing && (
        <button type="button" disabled={busy} onClick={() => void act('snoozeReminders')}>{t('reminders_button_snooze')}</button>
      )}
      {muted
        ? <button type="button" disabled={busy} onClick={() => void act('unmuteToday')}>{t('reminders_popup_unmute_today')}</button>
        : status.todayOpen && (
          <button type="button" disabled={busy} onClick={() => void act('muteToday')}>{t('reminders_popup_mute_today')}</button>
        )}
    </div>
  );
}
