/** The toolbar badge: this month's missed-day count, nothing when 0. */
import { browser } from 'wxt/browser';
import { TUKIN_SAFE_MAX } from '../calendar/missed-days';

export async function showMissedCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  if (count > 0) {
    await browser.action.setBadgeBackgroundColor({ color: count > TUKIN_SAFE_MAX ? '#b3261e' : '#b45f06' });
  }
}
