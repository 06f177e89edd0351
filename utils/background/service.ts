/**
 * The background: the only writer of the database. Each capability (templates, accounts,
 * reminders, …) brings its message handlers and reacts to `refresh()`, which recomputes the
 * day's picture after every change — the badge, the day-change alarm and whatever the
 * capabilities derive from it — in one place. entrypoints/background.ts only wires events.
 */
import { browser } from 'wxt/browser';
import { getDb, readSettings, writeSettings, type Db } from '../db/db';
import { applySiteReading, loadRecords, putReport } from '../db/records';
import { applyBackup, exportBackup, parseBackup } from '../backup/backup';
import { checkSettings } from '../settings/settings';
import { statusSnapshot, type StatusSnapshot } from '../calendar/status';
import { checkDayOff } from '../calendar/workdays';
import { localDate } from '../calendar/dates';
import { onMessage, sendMessage, type EkinerjaTab, type PopupStatus } from '../messaging/protocol';
import { EKINERJA_MATCHES, EKINERJA_ORIGIN } from '../site/pages';
import { SSO_ORIGIN } from '../site/sso';
import { showMissedCount } from './badge';
import { openDailyProgress } from './open-daily-progress';
import { DAY_CHANGE_ALARM, scheduleDayChange } from './day-change';
import { templatesCapability } from './templates';
import { accountsCapability } from './accounts';
import { remindersCapability } from './reminders';
import type { BackgroundDeps, Capability, Handlers } from './capability';

/** How long a content script may take to answer before its tab counts as not connected. */
const CONTENT_TIMEOUT_MS = 1500;
const LAST_READING_KEY = 'lastReading';

export type CapabilityFactory = (deps: BackgroundDeps) => Capability;
export const CAPABILITIES: readonly CapabilityFactory[] = [templatesCapability, accountsCapability, remindersCapability];

export interface Service {
  handlers: Handlers;
  /** Recomputes today's status, the badge, the day-change alarm and the capabilities' derived state. */
  refresh(): Promise<StatusSnapshot>;
  /** On install or update: remember the set-up day (once), then refresh. */
  installed(): Promise<void>;
  startup(): Promise<void>;
  alarm(name: string): Promise<void>;
}

/** Runs the jobs given to it one at a time, in order; a failed job does not stop the next. */
export function createQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
}

export function createService(
  db: () => Promise<Db> = getDb,
  now: () => Date = () => new Date(),
  factories: readonly CapabilityFactory[] = CAPABILITIES,
): Service {
  const current = async () => {
    const d = await db();
    const [settings, records] = await Promise.all([readSettings(d), loadRecords(d)]);
    const t = now();
    return { t, settings, records, status: statusSnapshot({ now: t, settings, ...records }) };
  };
  // One refresh at a time, in order: a refresh that read the data before a change must not
  // finish after the refresh that follows the change (stale badge or alarm).
  const inOrder = createQueue();
  const refresh = (): Promise<StatusSnapshot> => inOrder(async () => {
    const { t, settings, records, status } = await current();
    await Promise.all([showMissedCount(status.monthMissed), scheduleDayChange(t, settings)]);
    for (const c of capabilities) await c.onRefresh?.({ now: t, settings, ...records, status });
    return status;
  });
  const exclusive = createQueue();
  const deps: BackgroundDeps = { db, now, refresh, exclusive };
  const capabilities = factories.map((f) => f(deps));

  const popupStatus = async (s: StatusSnapshot): Promise<PopupStatus> => {
    const stored = await browser.storage.session.get(LAST_READING_KEY);
    return { ...s, lastReading: (stored[LAST_READING_KEY] as PopupStatus['lastReading']) ?? null };
  };

  const core: Partial<Handlers> = {
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
      await exclusive(async () => applyBackup(await db(), parsed.backup));
      await refresh();
      return { ok: true };
    },
    async getStatus() {
      // Answer the popup first; the badge and alarms catch up right after (a day may have
      // changed while the worker slept).
      const { status } = await current();
      void refresh().catch(() => undefined);
      return popupStatus(status);
    },
    async setReport({ date, status }) {
      await putReport(await db(), date, status, 'manual', now());
      return popupStatus(await refresh());
    },
    async recordSiteReading(reading) {
      await browser.storage.session.set({ [LAST_READING_KEY]: { at: now().toISOString(), ok: reading.ok } });
      if (!reading.ok) return { changed: 0 };
      const changed = await applySiteReading(await db(), reading.withEntries, now());
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
      const record = { id: crypto.randomUUID(), start: draft.start, end: draft.end, kind: draft.kind, note: String(draft.note ?? '') };
      await (await db()).put('daysOff', record);
      await refresh();
      return { ok: true, record };
    },
    async removeDayOff(id) {
      await (await db()).delete('daysOff', id);
      await refresh();
    },
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
  };

  const handlers = Object.assign({}, core, ...capabilities.map((c) => c.handlers)) as Handlers;
  return {
    handlers,
    refresh,
    async installed() {
      const d = await db();
      const settings = await readSettings(d);
      if (!settings.installedOn) await writeSettings(d, { installedOn: localDate(now(), settings.zone) });
      await refresh();
    },
    async startup() {
      for (const c of capabilities) await c.onStartup?.();
      await refresh();
    },
    async alarm(name) {
      if (name === DAY_CHANGE_ALARM) {
        await refresh();
        return;
      }
      for (const c of capabilities) if (await c.onAlarm?.(name)) return;
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

/**
 * What a content script may ask: it runs beside a web page, so it gets only what the filler,
 * the calendar reader and the SSO code button need — never the vault, the accounts list,
 * backups or deletions. Extension pages (popup, options) may ask everything.
 */
export const CONTENT_SCRIPT_MAY_ASK: Readonly<Record<string, ReadonlySet<keyof Handlers>>> = {
  [EKINERJA_ORIGIN]: new Set<keyof Handlers>(['getSettings', 'listTemplates', 'rememberRencanaAksi', 'recordObserved', 'recordSiteReading']),
  [SSO_ORIGIN]: new Set<keyof Handlers>(['ssoCode', 'saveActivationAccount']),
};

/** A message from a content script carries its web page's URL; extension pages carry the extension's. */
export function fromContentScript(sender: { url?: string } | undefined): boolean {
  return sender?.url !== undefined && !sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Whether the sender may ask `type`: extension pages everything, a content script its site's list. */
export function mayAsk(sender: { url?: string } | undefined, type: keyof Handlers): boolean {
  if (!fromContentScript(sender)) return true;
  let origin = '';
  try { origin = new URL(sender!.url!).origin; } catch { return false; }
  return CONTENT_SCRIPT_MAY_ASK[origin]?.has(type) ?? false;
}

export function registerHandlers(service: Service): void {
  for (const [type, handler] of Object.entries(service.handlers) as [keyof Handlers, (d: unknown) => Promise<unknown>][]) {
    onMessage(type, (msg) => {
      if (!mayAsk(msg.sender, type)) {
        throw new Error(`"${type}" may not be asked from a web page`);
      }
      return handler(msg.data) as never;
    });
  }
}
