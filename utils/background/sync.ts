/**
 * "Same templates on every computer" (opt-in): the background's side. When the switch is on
 * (storage.local, per computer), templates, days off and the settings of utils/sync/merge.ts
 * SYNCED_SETTINGS follow the user through `storage.sync`: a round (utils/sync/engine.ts) runs
 * shortly after any local change (onRefresh), when another computer's copy arrives
 * (storage.sync.onChanged → service.syncChanged), at start-up and when the switch is turned on.
 * MFA accounts, the vault, the Jurnal and the reports are never read here, so they cannot sync.
 *
 * What arrives from the sync storage is checked like everything else that enters the database
 * (templates by validateTemplate, days off by checkDayOff, settings by checkSettings); a record
 * that fails is not written (the rest is). Rounds run in the exclusive queue, never beside a
 * backup restore or a vault change.
 */
import { browser } from 'wxt/browser';
import type { Db } from '../db/db';
import { DAY_OFF_KINDS, type DayOffRecord, type TemplateRecord } from '../db/schema';
import { readSettings, writeSettings } from '../settings/store';
import { checkSettings, type SettingsPatch } from '../settings/settings';
import { checkDayOff } from '../calendar/workdays';
import { validateTemplate } from '../templates/validate';
import { SYNC_PREFIX } from '../sync/chunks';
import { syncOnce, type LocalSide, type SyncArea, type SyncOutcome } from '../sync/engine';
import { emptyState, type LocalPlan, type SyncState } from '../sync/merge';
import type { SyncStatus } from '../sync/status';
import type { SyncProtocol } from '../messaging/sync';
import { syncEnabledItem, syncLastOutcomeItem, syncLastStateItem } from '../storage/items';
import { sortByOrder } from '../templates/choose';
import { writeTemplates } from './templates';
import type { BackgroundDeps, Capability } from './capability';

/** The browser's sync storage, or null where there is none. */
function browserSyncArea(): SyncArea | null {
  const sync = browser.storage?.sync;
  if (!sync) return null;
  return {
    get: () => sync.get(null),
    set: (items) => sync.set(items),
    remove: (keys) => sync.remove(keys),
  };
}

const isDayOff = (v: unknown): v is DayOffRecord => {
  const d = v as DayOffRecord;
  return typeof v === 'object' && v !== null && typeof d.id === 'string' && d.id.trim() !== ''
    && typeof d.start === 'string' && typeof d.end === 'string' && checkDayOff(d).length === 0
    && (DAY_OFF_KINDS as readonly unknown[]).includes(d.kind) && typeof d.note === 'string';
};

/** The plan with only what passes the checks every other way into the database uses. */
export function checkedPlan(plan: LocalPlan): LocalPlan {
  const putTemplates: TemplateRecord[] = [];
  for (const t of plan.putTemplates) {
    const res = validateTemplate(t);
    if (res.ok) putTemplates.push(res.template);
  }
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plan.settings)) if (checkSettings({ [k]: v }).length === 0) settings[k] = v;
  return {
    putTemplates,
    deleteTemplates: plan.deleteTemplates.filter((id) => typeof id === 'string'),
    putDaysOff: plan.putDaysOff.filter(isDayOff).map(({ id, start, end, kind, note }) => ({ id, start, end, kind, note })),
    deleteDaysOff: plan.deleteDaysOff.filter((id) => typeof id === 'string'),
    settings: settings as LocalPlan['settings'],
  };
}

/** A stored value (a WXT storage item; tests give in-memory ones). */
export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** What sync keeps per computer (storage.local): the switch, the state last merged here, the last outcome. */
export interface SyncItems {
  /** On only when true (null: never turned on). */
  enabled: Item<boolean | null>;
  lastState: Item<SyncState | null>;
  lastOutcome: Item<SyncStatus['last']>;
}

const STORAGE_ITEMS: SyncItems = { enabled: syncEnabledItem, lastState: syncLastStateItem, lastOutcome: syncLastOutcomeItem };

/** This computer's database as the sync engine sees it. */
export function dbLocalSide(db: () => Promise<Db>, lastState: Item<SyncState | null>): LocalSide {
  return {
    async read() {
      const d = await db();
      const [templates, daysOff, settings] = await Promise.all([d.getAll('templates'), d.getAll('daysOff'), readSettings(d)]);
      return { templates, daysOff, settings };
    },
    async apply(raw) {
      const plan = checkedPlan(raw);
      const d = await db();
      if (plan.putTemplates.length || plan.deleteTemplates.length) {
        const gone = new Set(plan.deleteTemplates);
        const byId = new Map(sortByOrder(await d.getAll('templates')).filter((t) => !gone.has(t.id)).map((t) => [t.id, t]));
        for (const t of plan.putTemplates) byId.set(t.id, t);
        await writeTemplates(d, sortByOrder([...byId.values()]));
      }
      if (plan.putDaysOff.length || plan.deleteDaysOff.length) {
        const tx = d.transaction('daysOff', 'readwrite');
        for (const id of plan.deleteDaysOff) void tx.store.delete(id);
        for (const r of plan.putDaysOff) void tx.store.put(r);
        await tx.done;
      }
      if (Object.keys(plan.settings).length) await writeSettings(d, plan.settings as SettingsPatch);
    },
    async lastState() {
      return (await lastState.getValue()) ?? emptyState();
    },
    async saveLastState(state) {
      await lastState.setValue(state);
    },
  };
}

export interface SyncOptions {
  /** The sync storage (the browser's by default; tests give fakes). */
  area?: () => SyncArea | null;
  /** How long after a change a round starts (changes close together share one round). */
  delayMs?: number;
  /** Where the switch and the last merged state are kept (storage.local by default). */
  items?: SyncItems;
}

/** Wait after a change before syncing: a burst of edits gives one write (storage.sync allows ~120 a minute). */
export const SYNC_DELAY_MS = 2_000;

export function makeSyncCapability({ area = browserSyncArea, delayMs = SYNC_DELAY_MS, items = STORAGE_ITEMS }: SyncOptions = {}) {
  return ({ db, now, refresh, exclusive }: BackgroundDeps): Capability<keyof SyncProtocol> => {
    const local = dbLocalSide(db, items.lastState);
    let timer: ReturnType<typeof setTimeout> | undefined;

    const status = async (): Promise<SyncStatus> => ({
      enabled: (await items.enabled.getValue()) === true,
      last: await items.lastOutcome.getValue(),
      ...(area() ? {} : { unavailable: true }),
    });

    /** One round now, if sync is on; refreshes after pulling changes (the badge, reminders). */
    const round = async (): Promise<SyncOutcome | null> => {
      const a = area();
      if (!a || (await items.enabled.getValue()) !== true) return null;
      let outcome: SyncOutcome;
      try {
        outcome = await exclusive(() => syncOnce(a, local, now().getTime()));
      } catch (err) {
        outcome = { status: 'error', pulled: 0, message: err instanceof Error ? err.message : String(err) };
      }
      await items.lastOutcome.setValue({ ...outcome, at: now().toISOString() });
      if ('pulled' in outcome && outcome.pulled > 0) await refresh();
      return outcome;
    };

    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void round(), delayMs);
    };

    return {
      handlers: {
        getSyncStatus: status,
        async setSyncEnabled(enabled) {
          await items.enabled.setValue(enabled === true);
          clearTimeout(timer);
          if (enabled === true) await round();
          return status();
        },
      },
      async onRefresh() {
        if ((await items.enabled.getValue()) === true) later();
      },
      async onSyncChanged(keys) {
        if (keys.some((k) => k.startsWith(SYNC_PREFIX)) && (await items.enabled.getValue()) === true) later();
      },
      async onStartup() {
        if ((await items.enabled.getValue()) === true) later();
      },
    };
  };
}

export const syncCapability = makeSyncCapability();
