/**
 * The background's side of reminders: one pending alarm for the next reminder, and the
 * notifications. The logic of when to remind is pure (utils/reminders/next-reminder.ts); this
 * file only gathers the inputs, keeps the alarm and talks to the notifications API.
 *
 * - One alarm, `REMINDER_ALARM`, always for `nextAlarm` (or, when nothing is due within the
 *   look-ahead, a recheck just after the next midnight; none at all with do-not-disturb),
 *   recomputed on every `refresh()` (settings, reports, days off, start-up, install, day change)
 *   and after each reminder. Re-creating the same named alarm replaces it; an unchanged time is
 *   left alone.
 * - When it fires, `dueReminder` decides what to show: the reminder that just came due, or one
 *   catch-up after a late alarm (sleep); `shouldStillShow` drops it when its day became reported,
 *   a day off or a holiday in the meantime. The same check runs at start-up (browser closed over
 *   a reminder) and whenever the pending alarm is found overdue. `lastFiredAt` (storage.local,
 *   lastFiredAtItem)
 *   remembers up to when reminders were dealt with, so each is shown at most once and a past day
 *   is never reminded.
 * - Notification ids are one per day for the day's report (`reminder:2026-05-04`) and one per
 *   month start for the summary (`reminder-summary:2026-06-02`): a later reminder about the same
 *   day replaces the earlier one instead of stacking, and once the day is reported (or muted,
 *   snoozed, a day off) its notification is taken away.
 */
import { browser } from 'wxt/browser';
import { openDailyProgress } from './open-daily-progress';
import { readSettings, writeSettings } from '../settings/store';
import { loadRecords } from '../db/records';
import { calendarConfig, reportedDates } from '../calendar/status';
import { localDate } from '../calendar/dates';
import { addDays, isWorkday } from '../calendar/workdays';
import { t, uiLocale } from '../i18n/i18n';
import {
  dueReminder, nextAlarm, shouldStillShow, summaryCountingStart, type Reminder, type ReminderInput,
} from '../reminders/next-reminder';
import { muteDate, snooze, unmuteDate } from '../reminders/settings';
import { REMINDER_BUTTONS, reminderMessage } from '../reminders/text';
import { epochAt } from '../reminders/wall-time';
import type { RemindersProtocol, ReminderStatus } from '../messaging/reminders';
import type { Settings } from '../settings/settings';
import { lastFiredAtItem } from '../storage/items';
import { createQueue } from './queue';
import type { BackgroundDeps, Capability, Handlers } from './capability';

export const REMINDER_ALARM = 'reminder';
const DAY_PREFIX = 'reminder:';
const SUMMARY_PREFIX = 'reminder-summary:';
/** The recheck alarm waits this long after midnight, so it sees the new day. */
const RECHECK_DELAY_MS = 1000;
/** Index of "Tunda 15 menit" in REMINDER_BUTTONS. */
const SNOOZE_BUTTON = REMINDER_BUTTONS.indexOf('reminders_button_snooze');

export interface RemindersOptions {
  /** Whether notifications may have buttons (not in Firefox). */
  buttons?: boolean;
}

/** The notification id of a reminder: one per day's report, one per month start for the summary. */
function notificationId(reminder: Pick<Reminder, 'kind' | 'date'>): string {
  return (reminder.kind === 'monthly-summary' ? SUMMARY_PREFIX : DAY_PREFIX) + reminder.date;
}

/** Whether a notification id is one of ours. */
function isReminderNotification(id: string): boolean {
  return id.startsWith(DAY_PREFIX) || id.startsWith(SUMMARY_PREFIX);
}

interface Picture {
  settings: Settings;
  input: ReminderInput;
  today: string;
}

async function readLastFired(): Promise<number | null> {
  const v = await lastFiredAtItem.getValue();
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

async function writeLastFired(at: number): Promise<void> {
  await lastFiredAtItem.setValue(at);
}

export function remindersCapability(deps: BackgroundDeps, options: RemindersOptions = {}): Capability<keyof RemindersProtocol> {
  const buttons = options.buttons ?? !import.meta.env.FIREFOX;

  // Alarm work runs one job at a time: a start-up check and a late alarm arriving together must
  // not both show a catch-up, and an older recomputation must not overwrite a newer alarm.
  const serial = createQueue({ name: 'reminders' });

  /** Settings and records as they are now (read fresh: the caller's copy may be stale). */
  const picture = async (): Promise<Picture> => {
    const d = await deps.db();
    const [settings, records] = await Promise.all([readSettings(d), loadRecords(d)]);
    const now = deps.now().getTime();
    const today = localDate(new Date(now), settings.zone);
    const input: ReminderInput = {
      now,
      zone: settings.zone,
      targetTime: settings.targetTime,
      reminders: settings.reminders,
      cal: calendarConfig(settings, records.daysOff),
      reported: reportedDates(records.reports),
      countingStart: summaryCountingStart(settings.countFrom, settings.installedOn, today),
    };
    return { settings, input, today };
  };

  const show = async (reminder: Reminder, settings: Settings): Promise<void> => {
    const text = reminderMessage(reminder, settings.targetTime, uiLocale());
    const base = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t(text.titleKey, text.titleSubs),
      message: t(text.bodyKey, text.bodySubs),
      priority: 1,
    };
    const id = notificationId(reminder);
    // The summary has nothing to snooze: only "Buka e-Kinerja".
    const keys = reminder.kind === 'monthly-summary' ? REMINDER_BUTTONS.slice(0, SNOOZE_BUTTON) : REMINDER_BUTTONS;
    if (buttons) {
      try {
        await browser.notifications.create(id, { ...base, buttons: keys.map((k) => ({ title: t(k) })) });
        return;
      } catch {
        // A browser without notification buttons: the body click still opens e-Kinerja.
      }
    }
    await browser.notifications.create(id, base);
  };

  /** Shows what came due since `lastFiredAt` (at most one notification), then moves `lastFiredAt` to now. */
  const check = async (p: Picture): Promise<void> => {
    const { input, settings } = p;
    const lastFiredAt = await readLastFired();
    if (lastFiredAt !== null) {
      const due = dueReminder({ ...input, lastFiredAt });
      if (due && shouldStillShow(due, input)) await show(due, settings);
    }
    await writeLastFired(input.now);
  };

  /** Takes away shown day notifications that no longer hold (reported, muted, snoozed, a day off, a past day). */
  const clearStale = async (p: Picture): Promise<void> => {
    const shown = Object.keys(await browser.notifications.getAll());
    for (const id of shown) {
      if (!id.startsWith(DAY_PREFIX)) continue;
      const date = id.slice(DAY_PREFIX.length);
      const still = shouldStillShow({ at: p.input.now, kind: 'before', date }, p.input);
      if (!still) await browser.notifications.clear(id);
    }
  };

  /** The one pending alarm for the next reminder (or the daily recheck). */
  const schedule = async (p: Picture): Promise<void> => {
    const next = nextAlarm(p.input);
    const when = next
      ? next.at
      : p.settings.reminders.doNotDisturb
        ? null
        : epochAt(addDays(p.today, 1), '00:00', p.settings.zone) + RECHECK_DELAY_MS;
    const existing = await browser.alarms.get(REMINDER_ALARM);
    if (when === null) {
      if (existing) await browser.alarms.clear(REMINDER_ALARM);
    } else if (existing?.scheduledTime !== when) {
      await browser.alarms.create(REMINDER_ALARM, { when });
    }
  };

  /** Recomputes the alarm; first deals with an overdue alarm (woken from sleep before it fired). */
  const recompute = (fire: boolean) => serial(async () => {
    const p = await picture();
    if ((await readLastFired()) === null) {
      // First run (install): start from now, without a catch-up for earlier today.
      await writeLastFired(p.input.now);
    } else if (fire) {
      await check(p);
    } else {
      const pending = await browser.alarms.get(REMINDER_ALARM);
      if (pending && pending.scheduledTime <= p.input.now) await check(p);
    }
    await schedule(p);
    await clearStale(p);
  });

  const status = async (): Promise<ReminderStatus> => {
    const { input, settings, today } = await picture();
    return {
      next: nextAlarm(input),
      reminders: settings.reminders,
      zone: settings.zone,
      today,
      todayOpen: !settings.reminders.doNotDisturb && isWorkday(today, input.cal) && !input.reported.has(today),
    };
  };

  /** Saves a change to the reminder settings, then recomputes everything. */
  const change = async (update: (p: Picture) => Partial<Settings['reminders']>): Promise<ReminderStatus> => {
    const p = await picture();
    await writeSettings(await deps.db(), { reminders: update(p) });
    await deps.refresh();
    return status();
  };

  const handlers: Capability<keyof RemindersProtocol>['handlers'] = {
    getNextReminder: status,
    snoozeReminders: () => change((p) => ({ snoozedUntil: snooze(p.settings.reminders, p.input.now).snoozedUntil })),
    muteToday: () => change((p) => ({ mutedDates: muteDate(p.settings.reminders, p.today, p.today).mutedDates })),
    unmuteToday: () => change((p) => ({ mutedDates: unmuteDate(p.settings.reminders, p.today).mutedDates })),
  };

  // A failure here (a notifications API refusing, say) must not fail the change that caused
  // the refresh — saving settings, recording a report — so it is logged, not thrown.
  const logged = (p: Promise<void>) => p.catch((err: unknown) => console.error('reminders:', err));

  return {
    handlers,
    async onRefresh() {
      await logged(recompute(false));
    },
    async onAlarm(name) {
      if (name !== REMINDER_ALARM) return false;
      await logged(recompute(true));
      return true;
    },
    async onStartup() {
      // Alarms may not survive a restart: one catch-up for today at most, then a fresh alarm.
      await logged(recompute(true));
    },
  };
}

/**
 * The notifications' clicks (entrypoints/background.ts calls this once): the body and "Buka
 * e-Kinerja" open the daily-progress page, "Tunda 15 menit" snoozes. Only our notifications.
 */
export function registerReminderEvents(service: { handlers: Pick<Handlers, 'snoozeReminders'> }): void {
  const open = async (id: string) => {
    await browser.notifications.clear(id);
    await openDailyProgress();
  };
  browser.notifications.onClicked.addListener((id) => {
    if (isReminderNotification(id)) void open(id);
  });
  // Firefox has no buttons (the event never fires there).
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    if (!isReminderNotification(id)) return;
    if (index === SNOOZE_BUTTON && id.startsWith(DAY_PREFIX)) {
      void (async () => {
        await browser.notifications.clear(id);
        await service.handlers.snoozeReminders(undefined);
      })();
    } else {
      void open(id);
    }
  });
}
