/**
 * "Buka e-Kinerja" / "Buka Progress Harian": switch to a tab already on the daily-progress page,
 * or open a new one. A tab on another e-Kinerja page is left where it is (it may hold unsaved
 * input). The window comes to the front.
 */
import { browser } from 'wxt/browser';
import { DAILY_PROGRESS_URL, EKINERJA_ORIGIN, pageKind } from '../site/pages';

function isDailyProgress(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.origin === EKINERJA_ORIGIN && pageKind(u.pathname) === 'daily-progress';
  } catch {
    return false;
  }
}

/** Brings up the daily-progress page; resolves to its tab's id (undefined when the browser did not say). */
export async function openDailyProgress(): Promise<number | undefined> {
  // All tabs, filtered here (the url is visible for the e-Kinerja tabs the extension may read).
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && isDailyProgress(t.url));
  tabs.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const tab = tabs[0];
  if (tab) {
    await browser.tabs.update(tab.id!, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return tab.id;
  }
  try {
    const created = await browser.tabs.create({ url: DAILY_PROGRESS_URL, active: true });
    if (created.windowId !== undefined) await browser.windows.update(created.windowId, { focused: true });
    return created.id;
  } catch {
    const win = await browser.windows.create({ url: DAILY_PROGRESS_URL, focused: true });
    return win?.tabs?.[0]?.id;
  }
}
