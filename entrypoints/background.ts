import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createService, registerHandlers } from '@/utils/background/service';
import { DAY_CHANGE_ALARM } from '@/utils/background/day-change';

export default defineBackground(() => {
  const service = createService();
  registerHandlers(service);
  browser.runtime.onInstalled.addListener(() => void service.installed());
  browser.runtime.onStartup.addListener(() => void service.refresh());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAY_CHANGE_ALARM) void service.refresh();
  });
});
