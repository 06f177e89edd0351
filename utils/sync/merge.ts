/**
 * "Same templates on every computer": what follows the user through the browser's sync storage,
 * and how two browsers' copies merge. Pure.
 *
 * What syncs: templates, days off (and extra holidays), and the settings other than the day the
 * extension was set up on this computer. Never: MFA accounts and secrets, the vault, the Jurnal,
 * the reports (each computer reads them from the site).
 *
 * The model: every template, day off and setting is one record `{updatedAt, value}` or a
 * tombstone `{updatedAt, deleted: true}` (a deletion must win over an older copy elsewhere, or
 * the deleted template would come back). Merging two copies keeps, per record, the later edit;
 * records only one side has are kept. So two browsers editing the same template: the later edit
 * wins for that template, and nothing else is lost. A tie (same millisecond) is broken the same
 * way on both sides (a deletion first, then the larger JSON), so both converge.
 *
 * The local database has no edit times: `snapshotState` compares the local data with the state
 * last synced from this computer and stamps what changed since with "now".
 */
import type { DayOffRecord, TemplateRecord } from '../db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';

/** Settings that follow the user; `installedOn` stays with each computer. */
export const SYNCED_SETTINGS = ['zone', 'workWeek', 'targetTime', 'countFrom', 'reminders'] as const satisfies readonly (keyof Settings)[];
export type SyncedSettingKey = (typeof SYNCED_SETTINGS)[number];

export type SyncRecord<T> = { updatedAt: number; value: T; deleted?: undefined } | { updatedAt: number; deleted: true; value?: undefined };

export interface SyncState {
  templates: Record<string, SyncRecord<TemplateRecord>>;
  daysOff: Record<string, SyncRecord<DayOffRecord>>;
  settings: Partial<Record<SyncedSettingKey, SyncRecord<unknown>>>;
}

export interface LocalData {
  templates: readonly TemplateRecord[];
  daysOff: readonly DayOffRecord[];
  settings: Partial<Settings>;
}

export const emptyState = (): SyncState => ({ templates: {}, daysOff: {}, settings: {} });

/** Tombstones older than this are dropped (a computer offline longer may bring a deleted item back). */
export const TOMBSTONE_MAX_AGE_MS = 180 * 86_400_000;

/** A canonical JSON text (object keys sorted), so equal values compare equal. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The later of two copies of one record; the same answer whichever comes first. */
export function later<T>(a: SyncRecord<T> | undefined, b: SyncRecord<T> | undefined): SyncRecord<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  if (a.deleted !== b.deleted) return a.deleted ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

function mergeMap<T>(a: Record<string, SyncRecord<T>>, b: Record<string, SyncRecord<T>>): Record<string, SyncRecord<T>> {
  const out: Record<string, SyncRecord<T>> = {};
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) out[id] = later(a[id], b[id])!;
  return out;
}

/** Both copies merged, record by record (see the file comment). Commutative and idempotent. */
export function mergeStates(a: SyncState, b: SyncState): SyncState {
  return {
    templates: mergeMap(a.templates, b.templates),
    daysOff: mergeMap(a.daysOff, b.daysOff),
    settings: mergeMap(a.settings as Record<string, SyncRecord<unknown>>, b.settings as Record<string, SyncRecord<unknown>>),
  };
}

function stampMap<T>(
  current: ReadonlyMap<string, T>,
  prev: Record<string, SyncRecord<T>>,
  now: number,
  isDefault: (id: string, value: T) => boolean = () => false,
): Record<string, SyncRecord<T>> {
  const out: Record<string, SyncRecord<T>> = {};
  for (const [id, value] of current) {
    const old = prev[id];
    if (old && !old.deleted && canonical(old.value) === canonical(value)) out[id] = old;
    else out[id] = { updatedAt: !old && isDefault(id, value) ? 0 : now, value };
  }
  for (const [id, old] of Object.entries(prev)) {
    if (current.has(id)) continue;
    out[id] = old.deleted ? old : { updatedAt: now, deleted: true };
  }
  return out;
}

/**
 * This computer's data as a sync state: records unchanged since `prev` (the state last merged
 * here) keep their time, changed and new ones get `now`, and records of `prev` no longer here
 * become tombstones stamped `now`.
 *
 * A setting this computer has never synced and that still has its default value is stamped 0
 * (older than any edit): a computer that joins with a new install's defaults takes the settings
 * already synced, while its templates and days off are added to the synced ones.
 */
export function snapshotState(local: LocalData, prev: SyncState, now: number): SyncState {
  const settings = new Map<string, unknown>();
  for (const k of SYNCED_SETTINGS) if (local.settings[k] !== undefined) settings.set(k, local.settings[k]);
  return {
    templates: stampMap(new Map(local.templates.map((t) => [t.id, t])), prev.templates, now),
    daysOff: stampMap(new Map(local.daysOff.map((d) => [d.id, d])), prev.daysOff, now),
    settings: stampMap(settings, prev.settings as Record<string, SyncRecord<unknown>>, now,
      (k, v) => canonical(v) === canonical(DEFAULT_SETTINGS[k as SyncedSettingKey])),
  };
}

/** Drops tombstones older than TOMBSTONE_MAX_AGE_MS. */
export function pruneTombstones(state: SyncState, now: number): SyncState {
  const prune = <T>(m: Record<string, SyncRecord<T>>) =>
    Object.fromEntries(Object.entries(m).filter(([, r]) => !r.deleted || now - r.updatedAt <= TOMBSTONE_MAX_AGE_MS));
  return { templates: prune(state.templates), daysOff: prune(state.daysOff), settings: prune(state.settings as Record<string, SyncRecord<unknown>>) };
}

/** What the local database must change to hold `merged`. */
export interface LocalPlan {
  putTemplates: TemplateRecord[];
  deleteTemplates: string[];
  putDaysOff: DayOffRecord[];
  deleteDaysOff: string[];
  /** Settings fields to write (a patch), empty when none changed. */
  settings: Partial<Settings>;
}

function planMap<T extends { id: string }>(local: readonly T[], merged: Record<string, SyncRecord<T>>): { put: T[]; del: string[] } {
  const byId = new Map(local.map((r) => [r.id, r]));
  const put: T[] = [];
  const del: string[] = [];
  for (const [id, rec] of Object.entries(merged)) {
    const here = byId.get(id);
    if (rec.deleted) { if (here) del.push(id); continue; }
    if (!here || canonical(here) !== canonical(rec.value)) put.push(rec.value);
  }
  return { put, del };
}

export function localPlan(local: LocalData, merged: SyncState): LocalPlan {
  const t = planMap(local.templates, merged.templates);
  const d = planMap(local.daysOff, merged.daysOff);
  const settings: Partial<Settings> = {};
  for (const k of SYNCED_SETTINGS) {
    const rec = merged.settings[k];
    if (!rec || rec.deleted) continue;
    if (canonical(local.settings[k]) !== canonical(rec.value)) (settings as Record<string, unknown>)[k] = rec.value;
  }
  return { putTemplates: t.put, deleteTemplates: t.del, putDaysOff: d.put, deleteDaysOff: d.del, settings };
}

export const planIsEmpty = (p: LocalPlan): boolean =>
  !p.putTemplates.length && !p.deleteTemplates.length && !p.putDaysOff.length && !p.deleteDaysOff.length && !Object.keys(p.settings).length;

/** Whether two states hold the same records (to skip writing what the sync storage already has). */
export const sameState = (a: SyncState, b: SyncState): boolean => canonical(a) === canonical(b);
