import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createService, registerHandlers } from '@/utils/background/service';
import { registerReminderEvents } from '@/utils/background/reminders';

export default defineBackground(() => {
  const service = createService();
  registerHandlers(service);
  registerReminderEvents(service);
  browser.runtime.onInstalled.addListener(() => void service.installed());
  browser.runtime.onStartup.addListener(() => void service.startup());
  browser.alarms.onAlarm.addListener((alarm) => void service.alarm(alarm.name));
});
