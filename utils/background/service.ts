/**
 * What the background does for each message. The background is the only writer of the
 * database; entrypoints/background.ts only registers these handlers and events. After every
 * change that can move the missed-day count, `refresh()` recomputes the badge in one place.
 */
import { browser } from 'wxt/browser';
import { getDb, readSettings, writeSettings, type Db } from '../db/db';
import { applySiteReading, loadRecords, putReport } from '../db/records';
import { applyBackup, exportBackup, parseBackup } from '../backup/backup';
import { checkSettings } from '../settings/settings';
import { statusSnapshot, type StatusSnapshot } from '../calendar/status';
import { checkDayOff } from '../calendar/workdays';
import { onMessage, sendMessage, type EkinerjaTab, type PopupStatus, type ProtocolMap } from '../messaging/protocol';
import { EKINERJA_MATCHES } from '../site/pages';
import { showMissedCount } from './badge';
import { scheduleDayChange } from './day-change';
import { localDate } from '../calendar/dates';

type Handlers = { [K in Exclude<keyof ProtocolMap, 'getPageInfo'>]: (data: Parameters<ProtocolMap[K]>[0]) => Promise<ReturnType<ProtocolMap[K]>> };

/** How long a content script may take to answer before its tab counts as not connected. */
const CONTENT_TIMEOUT_MS = 1500;
const LAST_READING_KEY = 'lastReading';

export interface Service extends Handlers {
  /** Recomputes today's status, the badge and the next day-change alarm; returns the status. */
  refresh(): Promise<StatusSnapshot>;
  /** On install or update: remember the set-up day (once), then refresh. */
  installed(): Promise<void>;
}

export function createService(db: () => Promise<Db> = getDb, now: () => Date = () => new Date()): Service {
  const refresh = async () => {
    const d = await db();
    const [settings, records] = await Promise.all([readSettings(d), loadRecords(d)]);
    const t = now();
    const s = statusSnapshot({ now: t, settings, ...records });
    await Promise.all([showMissedCount(s.missed.length), scheduleDayChange(t, settings)]);
    return s;
  };
  const popupStatus = async (s: StatusSnapshot): Promise<PopupStatus> => {
    const stored = await browser.storage.session.get(LAST_READING_KEY);
    return { ...s, lastReading: (stored[LAST_READING_KEY] as PopupStatus['lastReading']) ?? null };
  };

  return {
    refresh,
    async installed() {
      const d = await db();
      const settings = await readSettings(d);
      if (!settings.installedOn) await writeSettings(d, { installedOn: localDate(now(), settings.zone) });
      await refresh();
    },
    async getSettings() {
      return readSettings(await db());
    },
    async saveSettings(patch) {
      const problems = checkSettings(patch as Record<string, unknown>);
      if (problems.length) return { ok: false, problems };
      const settings = await writeSettings(await db(), patch);
      await refresh();
      return { ok: true, settings };
    },
    async exportBackup() {
      return exportBackup(await db(), now());
    },
    async importBackup(text) {
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      await applyBackup(await db(), parsed.backup);
      await refresh();
      return { ok: true };
    },
    async getStatus() {
      return popupStatus(await refresh());
    },
    async setReport({ date, status: st }) {
      await putReport(await db(), date, st, 'manual', now());
      return popupStatus(await refresh());
    },
    async recordSiteReading(reading) {
      await browser.storage.session.set({ [LAST_READING_KEY]: { at: now().toISOString(), ok: reading.ok } });
      if (!reading.ok) return { changed: 0 };
      const changed = await applySiteReading(await db(), reading.shown, reading.withEntries, now());
      if (changed) await refresh();
      return { changed };
    },
    async recordObserved({ date }) {
      await putReport(await db(), date, 'reported', 'observed', now());
      await refresh();
    },
    async getCalendarData() {
      const d = await db();
      const [settings, records] = await Promise.all([readSettings(d), loadRecords(d)]);
      return { settings, ...records, status: statusSnapshot({ now: now(), settings, ...records }) };
    },
    async addDayOff(draft) {
      const problems = checkDayOff(draft);
      if (problems.length) return { ok: false, problems };
      const record = { ...draft, id: crypto.randomUUID() };
      await (await db()).put('daysOff', record);
      await refresh();
      return { ok: true, record };
    },
    async removeDayOff(id) {
      await (await db()).delete('daysOff', id);
      await refresh();
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

export function registerHandlers(service: Service): void {
  for (const [type, handler] of Object.entries(service)) {
    if (type === 'refresh' || type === 'installed') continue;
    onMessage(type as keyof Handlers, (msg) => (handler as (d: unknown) => Promise<unknown>)(msg.data) as never);
  }
}
