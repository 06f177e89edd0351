/**
 * Starts reading the popup's snapshot (utils/vault/snapshot.ts) from storage.session as soon as
 * this module is evaluated — before the rest of the popup's code (the TOTP library, the other
 * regions) is evaluated and rendered — so the read overlaps with that work. Only in the real
 * popup page; the MFA region takes the result once (a later read replaces it).
 */
import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY } from './snapshot';
import { LOCK_AT_KEY } from './vault';

export type StoredSnapshot = Record<string, unknown>;

let early: Promise<StoredSnapshot> | null =
  typeof location !== 'undefined' && location.protocol.endsWith('-extension:') && location.pathname.endsWith('/popup.html')
    ? browser.storage.session.get([SNAPSHOT_KEY, LOCK_AT_KEY])
    : null;

/** The read started at load, once; then null. */
export function takeEarlySnapshot(): Promise<StoredSnapshot> | null {
  const p = early;
  early = null;
  return p;
}
