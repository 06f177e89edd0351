/**
 * The popup's side of its MFA snapshot (utils/vault/snapshot.ts) in storage.session: one read
 * of the snapshot and the auto-lock deadline, and a watch on both.
 *
 * The read starts as soon as this module is evaluated — before the rest of the popup's code (the
 * TOTP library, the other regions) is evaluated and rendered — so it overlaps with that work.
 * Only in the real popup page; the MFA region takes the result once (a later read replaces it).
 */
import { storage } from 'wxt/utils/storage';
import { codesSnapshotItem, lockAtItem } from '../storage/items';
import type { CodesSnapshot } from './snapshot';

export interface StoredSnapshot {
  snap: CodesSnapshot | null;
  /** The auto-lock deadline (Unix ms) while unlocked. */
  lockAt: number | null;
}

/** The snapshot and the deadline, in one storage read. */
export async function readStoredSnapshot(): Promise<StoredSnapshot> {
  const [snap, lockAt] = await storage.getItems([codesSnapshotItem, lockAtItem]);
  // Typed by the items above (getItems answers `any`).
  const typed: StoredSnapshot = { snap: snap?.value ?? null, lockAt: lockAt?.value ?? null };
  return { snap: typed.snap, lockAt: typeof typed.lockAt === 'number' ? typed.lockAt : null };
}

/** Calls `onChange` with what changed (the snapshot, the deadline or both); returns the unwatch. */
export function watchStoredSnapshot(onChange: (changed: Partial<StoredSnapshot>) => void): () => void {
  const unwatch = [
    codesSnapshotItem.watch((snap) => onChange({ snap })),
    lockAtItem.watch((lockAt) => onChange({ lockAt: typeof lockAt === 'number' ? lockAt : null })),
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
