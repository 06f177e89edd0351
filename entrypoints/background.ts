import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createService, registerHandlers } from '@/utils/background/service';
import { registerReminderEvents } from '@/utils/background/reminders';
import { openWelcome } from '@/utils/background/welcome';

export default defineBackground(() => {
  const service = createService();
  registerHandlers(service);
  registerReminderEvents(service);
  // A fresh install opens the welcome checklist once the install work is done (it shows that state).
  browser.runtime.onInstalled.addListener(({ reason }) => void service.installed().finally(() => openWelcome(reason)));
  browser.runtime.onStartup.addListener(() => void service.startup());
  browser.alarms.onAlarm.addListener((alarm) => void service.alarm(alarm.name));
  // Another computer's templates, days off or settings arrived (only when sync is on; see utils/background/sync.ts).
  browser.storage.sync?.onChanged.addListener((changes) => void service.syncChanged(Object.keys(changes)));
});
