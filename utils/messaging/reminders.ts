/** Messages about reminders (part of the one contract in protocol.ts). */
import type { Reminder } from '../reminders/next-reminder';
import type { ReminderSettings } from '../reminders/settings';
import type { ZoneChoice } from '../calendar/dates';

/** What the popup's reminder line needs; it words it itself (`popupReminderLine`). */
export interface ReminderStatus {
  /** The reminder the pending alarm is for; null when none is due within the look-ahead. */
  next: Reminder | null;
  reminders: ReminderSettings;
  zone: ZoneChoice;
  /** Today in the chosen zone (`YYYY-MM-DD`). */
  today: string;
  /** Whether reminders may still speak today: a working day, not reported, no do-not-disturb
   * (muting or snoozing today only makes sense then). */
  todayOpen: boolean;
}

export interface RemindersProtocol {
  /** The next reminder and the reminder settings. */
  getNextReminder(): ReminderStatus;
  /** "Tunda 15 menit": no reminder for 15 minutes, then one (today, while still unreported). */
  snoozeReminders(): ReminderStatus;
  /** "Bisukan hari ini": no more reminders today. */
  muteToday(): ReminderStatus;
  /** Undoes "Bisukan hari ini". */
  unmuteToday(): ReminderStatus;
}
