/**
 * One sync round between this computer's data and the browser's sync storage: read the synced
 * copy, merge it with the local data record by record (merge.ts), bring the local data up to the
 * merge, and write the merge back when it differs from what is stored (chunks.ts). Storage and
 * database come in as small interfaces, so two simulated browsers can be tested against fake
 * sync areas; the background runs it inside its exclusive queue.
 */
import { decodeState, encodeState, staleKeys, SYNC_PREFIX } from './chunks';
import {
  emptyState, localPlan, mergeStates, planIsEmpty, pruneTombstones, sameState, snapshotState,
  type LocalData, type LocalPlan, type SyncState,
} from './merge';

/** The part of `storage.sync` used here. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  /** All of `items`, or none (a quota error rejects). */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface LocalSide {
  read(): Promise<LocalData>;
  apply(plan: LocalPlan): Promise<void>;
  /** The state last merged on this computer (emptyState() before the first round). */
  lastState(): Promise<SyncState>;
  saveLastState(state: SyncState): Promise<void>;
}

export type SyncOutcome =
  | { status: 'synced'; pulled: number; pushed: boolean; bytes: number }
  /** The merge does not fit the sync storage: nothing was written there; local data is intact. */
  | { status: 'full'; pulled: number; bytes: number; quota: number }
  /** Another computer's write has only partly arrived: nothing done, try at the next change. */
  | { status: 'waiting' }
  /** Written by a newer version of the extension: nothing done. */
  | { status: 'newer-format' }
  /** The sync storage refused the write (e.g. its write-rate limit); local data is intact. */
  | { status: 'error'; pulled: number; message: string };

const pulledCount = (p: LocalPlan): number =>
  p.putTemplates.length + p.deleteTemplates.length + p.putDaysOff.length + p.deleteDaysOff.length + Object.keys(p.settings).length;

export async function syncOnce(area: SyncArea, local: LocalSide, now: number): Promise<SyncOutcome> {
  const stored = await area.get(null);
  const mine = Object.fromEntries(Object.entries(stored).filter(([k]) => k.startsWith(SYNC_PREFIX)));
  const remote = decodeState(mine);
  if (!remote.ok) return remote.reason === 'newer-format' ? { status: 'newer-format' } : { status: 'waiting' };

  const data = await local.read();
  const snapshot = snapshotState(data, await local.lastState(), now);
  const merged = pruneTombstones(mergeStates(snapshot, remote.state ?? emptyState()), now);
  const plan = localPlan(data, merged);
  if (!planIsEmpty(plan)) await local.apply(plan);
  await local.saveLastState(merged);
  const pulled = pulledCount(plan);

  if (remote.state && sameState(remote.state, merged)) return { status: 'synced', pulled, pushed: false, bytes: 0 };
  const encoded = encodeState(merged);
  if (!encoded.ok) {
    return encoded.reason === 'full'
      ? { status: 'full', pulled, bytes: encoded.bytes, quota: encoded.quota }
      : { status: 'full', pulled, bytes: encoded.items, quota: encoded.quota };
  }
  try {
    await area.set(encoded.items);
  } catch (err) {
    return { status: 'error', pulled, message: err instanceof Error ? err.message : String(err) };
  }
  const n = Object.keys(encoded.items).length - 1;
  const stale = staleKeys(mine, n);
  if (stale.length) await area.remove(stale).catch(() => undefined); // left-overs are ignored by readers
  return { status: 'synced', pulled, pushed: true, bytes: encoded.bytes };
}
