/**
 * What the background does for each message. The background is the only writer of the
 * database; entrypoints/background.ts only registers these handlers.
 */
import { browser } from 'wxt/browser';
import { getDb, readSettings, writeSettings, type Db } from '../db/db';
import { applyBackup, exportBackup, parseBackup } from '../backup/backup';
import { checkSettings } from '../settings/settings';
import { onMessage, sendMessage, type EkinerjaTab, type ProtocolMap } from '../messaging/protocol';
import { EKINERJA_MATCHES } from '../site/pages';

type Handlers = { [K in Exclude<keyof ProtocolMap, 'getPageInfo'>]: (data: Parameters<ProtocolMap[K]>[0]) => Promise<ReturnType<ProtocolMap[K]>> };

/** How long a content script may take to answer before its tab counts as not connected. */
const CONTENT_TIMEOUT_MS = 1500;

export function createHandlers(db: () => Promise<Db> = getDb, now: () => Date = () => new Date()): Handlers {
  return {
    async getSettings() {
      return readSettings(await db());
    },
    async saveSettings(patch) {
      const problems = checkSettings(patch as Record<string, unknown>);
      if (problems.length) return { ok: false, problems };
      return { ok: true, settings: await writeSettings(await db(), patch) };
    },
    async exportBackup() {
      return exportBackup(await db(), now());
    },
    async importBackup(text) {
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      await applyBackup(await db(), parsed.backup);
      return { ok: true };
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

export function registerHandlers(handlers: Handlers = createHandlers()): void {
  for (const [type, handler] of Object.entries(handlers)) {
    onMessage(type as keyof Handlers, (msg) => (handler as (d: unknown) => Promise<unknown>)(msg.data) as never);
  }
}
