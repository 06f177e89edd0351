/** The background's side of the e-Kinerja tabs: open the daily-progress page, find a connected tab. */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import type { EkinerjaTab, TabsProtocol } from '../messaging/tabs';
import { EKINERJA_MATCHES } from '../site/pages';
import { openDailyProgress } from './open-daily-progress';
import type { Capability } from './capability';

/** How long a content script may take to answer before its tab counts as not connected. */
const CONTENT_TIMEOUT_MS = 1500;

export function tabsCapability(): Capability<keyof TabsProtocol> {
  return {
    handlers: {
      async openDailyProgress() {
        await openDailyProgress();
      },
      async findEkinerjaTab() {
        const tabs = await browser.tabs.query({ url: EKINERJA_MATCHES });
        tabs.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
        for (const tab of tabs) {
          if (tab.id === undefined) continue;
          const page = await askTab(tab.id);
          if (page) return { tabId: tab.id, page } satisfies EkinerjaTab;
        }
        return null;
      },
    },
  };
}

async function askTab(tabId: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      sendMessage('getPageInfo', undefined, tabId),
      new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), CONTENT_TIMEOUT_MS); }),
    ]);
  } catch {
    return null; // no content script in that tab (yet)
  } finally {
    clearTimeout(timer);
  }
}
