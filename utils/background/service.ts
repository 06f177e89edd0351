/**
 * The background: the only writer of the database, assembled from capabilities (settings,
 * calendar, backup, tabs, templates, accounts, reminders, run). Each capability brings the messages
 * it answers and which content-script origins may send them, and reacts to `refresh()`, which
 * recomputes the day's picture after every change — the badge, the day-change alarm and
 * whatever the capabilities derive from it — in one place. entrypoints/background.ts only wires
 * events.
 */
import { browser } from 'wxt/browser';
import { getDb, type Db } from '../db/db';
import { readSettings } from '../settings/store';
import { loadRecords } from '../db/records';
import { statusSnapshot, type StatusSnapshot } from '../calendar/status';
import { onMessage, type BackgroundMessage } from '../messaging/protocol';
import { showMissedCount } from './badge';
import { DAY_CHANGE_ALARM, scheduleDayChange } from './day-change';
import { createQueue } from './queue';
import { settingsCapability } from './settings';
import { calendarCapability } from './calendar';
import { backupCapability } from './backup';
import { tabsCapability } from './tabs';
import { templatesCapability } from './templates';
import { accountsCapability } from './accounts';
import { remindersCapability } from './reminders';
import { runCapability } from './run';
import type { SaveOutcome } from '../reporting/confirm';
import { payloadProblems } from './payloads';
import { jurnalCapability } from './jurnal';
import { syncCapability } from './sync';
import type { AnyCapability, BackgroundDeps, CapabilityFactory, ExactlyOneHandler, Handlers, MessageFrom, RefreshContext } from './capability';
import { siteDaysSeenItem } from '../storage/items';

export type { CapabilityFactory } from './capability';

/** Always assembled: they need nothing but the database and the tabs. */
export const CORE_CAPABILITIES = [settingsCapability, calendarCapability, backupCapability, tabsCapability] as const;
/** The features; tests may start the service with fewer of them, or with configured ones. */
export const CAPABILITIES = [templatesCapability, accountsCapability, remindersCapability, jurnalCapability, syncCapability, runCapability] as const;

// Fails to compile when a message of the protocol has no handler, or more than one.
const everyMessageAnsweredOnce: ExactlyOneHandler<[...typeof CORE_CAPABILITIES, ...typeof CAPABILITIES]> = true;
void everyMessageAnsweredOnce;

/** Which messages each content-script origin may send; extension pages may send every one. */
export type AllowList = ReadonlyMap<string, ReadonlySet<BackgroundMessage>>;

export interface Service {
  handlers: Handlers;
  /** Which content-script origins may send which messages (from the capabilities' declarations). */
  allowList: AllowList;
  /** Recomputes today's status, the badge, the day-change alarm and the capabilities' derived state. */
  refresh(): Promise<StatusSnapshot>;
  /** On install or update: each capability's onInstalled (the set-up day), then refresh. */
  installed(): Promise<void>;
  startup(): Promise<void>;
  alarm(name: string): Promise<void>;
  /** storage.sync changed (these keys). */
  syncChanged(keys: string[]): Promise<void>;
}

export function createService(
  db: () => Promise<Db> = getDb,
  now: () => Date = () => new Date(),
  features: readonly CapabilityFactory[] = CAPABILITIES,
): Service {
  const readDay = async (): Promise<RefreshContext> => {
    const d = await db();
    const [settings, records, siteSeen] = await Promise.all([readSettings(d), loadRecords(d), siteDaysSeenItem.getValue()]);
    const t = now();
    return { now: t, settings, ...records, status: statusSnapshot({ now: t, settings, ...records, siteSeen: siteSeen ?? {} }) };
  };
  // One refresh at a time, in order: a refresh that read the data before a change must not
  // finish after the refresh that follows the change (stale badge or alarm).
  const inOrder = createQueue({ name: 'refresh' });
  const refresh = (): Promise<StatusSnapshot> => inOrder(async () => {
    const day = await readDay();
    await Promise.all([showMissedCount(day.status.monthMissed), scheduleDayChange(day.now, day.settings)]);
    for (const c of capabilities) await c.onRefresh?.(day);
    return day.status;
  });
  const exclusive = createQueue({ name: 'exclusive' });
  const saveOutcome = async (date: string, outcome: SaveOutcome): Promise<void> => {
    for (const c of capabilities) await c.onSaveOutcome?.(date, outcome);
  };
  const deps: BackgroundDeps = { db, now, readDay, refresh, exclusive, saveOutcome };
  const capabilities = [...CORE_CAPABILITIES, ...features].map((f) => f(deps));

  const handlers = handlerTable(capabilities);
  const allowList = contentScriptAllowList(capabilities);
  return {
    handlers,
    allowList,
    refresh,
    async installed() {
      for (const c of capabilities) await c.onInstalled?.();
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
    async syncChanged(keys) {
      for (const c of capabilities) await c.onSyncChanged?.(keys);
    },
  };
}

/** Every capability's handlers in one table; a message answered by two capabilities is a bug. */
export function handlerTable(capabilities: readonly AnyCapability[]): Handlers {
  const table: Record<string, unknown> = {};
  for (const c of capabilities) {
    for (const [type, handler] of Object.entries(c.handlers)) {
      if (type in table) throw new Error(`Two capabilities answer "${type}"`);
      table[type] = handler;
    }
  }
  // Complete for the full list (ExactlyOneHandler above); tests may assemble fewer.
  return table as Handlers;
}

/** The content-script allow-list, built from what each capability declares. */
function contentScriptAllowList(capabilities: readonly AnyCapability[]): AllowList {
  const byOrigin = new Map<string, Set<BackgroundMessage>>();
  for (const c of capabilities) {
    const declared = (c.contentScripts ?? {}) as Readonly<Record<string, readonly string[] | undefined>>;
    for (const [type, origins] of Object.entries(declared)) {
      for (const origin of origins ?? []) {
        if (!byOrigin.has(origin)) byOrigin.set(origin, new Set());
        byOrigin.get(origin)!.add(type as BackgroundMessage);
      }
    }
  }
  return byOrigin;
}

/** A message from a content script carries its web page's URL; extension pages carry the extension's. */
function fromContentScript(sender: { url?: string } | undefined): boolean {
  return sender?.url !== undefined && !sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Whether the sender may ask `type`: extension pages everything, a content script its origin's list. */
export function mayAsk(allowList: AllowList, sender: { url?: string } | undefined, type: BackgroundMessage): boolean {
  if (!fromContentScript(sender)) return true;
  let origin: string;
  try { origin = new URL(sender!.url!).origin; } catch { return false; }
  return allowList.get(origin)?.has(type) ?? false;
}

/** Answers a message from `sender` with the service's handler if the sender may ask it; throws when it may not. */
export async function answer(service: Pick<Service, 'handlers' | 'allowList'>, type: BackgroundMessage, data: unknown, sender: { url?: string; tab?: { id?: number } } | undefined): Promise<unknown> {
  if (!mayAsk(service.allowList, sender, type)) throw new Error(`"${type}" may not be asked from a web page`);
  if (fromContentScript(sender)) {
    // What a web page's content script sends is checked like a backup file before anything reads it.
    const problems = payloadProblems(type, data);
    if (problems.length) throw new Error(`"${type}" refused: ${problems.slice(0, 3).map((p) => `${p.code} at ${p.path}`).join(', ')}`);
  }
  return (service.handlers[type] as (d: unknown, from: MessageFrom) => Promise<unknown>)(data, fromContentScript(sender) ? { tabId: sender?.tab?.id } : {});
}

export function registerHandlers(service: Pick<Service, 'handlers' | 'allowList'>): void {
  for (const type of Object.keys(service.handlers) as BackgroundMessage[]) {
    onMessage(type, (msg) => answer(service, type, msg.data, msg.sender) as never);
  }
}
