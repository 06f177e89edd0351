/**
 * The popup's side of its MFA snapshot (utils/vault/snapshot.ts) in storage.session: one read
 * of the snapshot and the auto-lock deadline, and a watch on both.
 *
 * The read starts as soon as this module is evaluated — before the rest of the popup's code (the
 * TOTP library, the other regions) is evaluated and rendered — so it overlaps with that work.
 * Only in the real popup page; the MFA region takes the result once (a later read replaces it).
 * Read with utils/storage/light.ts, not WXT's storage helper, which would weigh on the popup.
 */
import { CODES_SNAPSHOT, LOCK_AT } from '../storage/keys';
import { readKeys, watchKey } from '../storage/light';
import type { CodesSnapshot } from './snapshot';

export interface StoredSnapshot {
  snap: CodesSnapshot | null;
  /** The auto-lock deadline (Unix ms) while unlocked. */
  lockAt: number | null;
}

/** The snapshot and the deadline, in one storage read. */
export async function readStoredSnapshot(): Promise<StoredSnapshot> {
  const [snap, lockAt] = await readKeys([CODES_SNAPSHOT, LOCK_AT]);
  return { snap, lockAt: typeof lockAt === 'number' ? lockAt : null };
}

/** Calls `onChange` with what changed (the snapshot, the deadline or both); returns the unwatch. */
export function watchStoredSnapshot(onChange: (changed: Partial<StoredSnapshot>) => void): () => void {
  const unwatch = [
    watchKey(CODES_SNAPSHOT, (snap) => onChange({ snap })),
    watchKey(LOCK_AT, (lockAt) => onChange({ lockAt: typeof lockAt === 'number' ? lockAt : null })),
  ];
  return () => unwatch.forEach((u) => u());
}

let early: Promise<StoredSnapshot> | null =
  typeof location !== 'undefined' && location.protocol.endsWith('-extension:') && location.pathname.endsWith('/popup.html')
    ? readStoredSnapshot()
    : null;

/** The read started at load, once; then null. */
export function takeEarlySnapshot(): Promise<StoredSnapshot> | null {
  const p = early;
  early = null;
  return p;
}
