/**
 * Fitting the sync state into `storage.sync` (Chrome's quotas, which Firefox follows):
 * QUOTA_BYTES 102,400 in all, QUOTA_BYTES_PER_ITEM 8,192 (key + JSON of the value, in UTF-8
 * bytes), MAX_ITEMS 512, and about 120 writes a minute / 1,800 an hour.
 *
 * The state's JSON is cut into chunks `ae-sync:c0`, `ae-sync:c1`, … each within the per-item
 * quota, with a manifest `ae-sync:m` = `{v, n, len, hash}`. Everything is written in one
 * `set()` call (all of it or nothing), then the chunks of an older, longer copy are removed.
 * A reader that sees chunks not matching the manifest (another computer's write half arrived)
 * ignores them until the next change; it never merges a torn copy.
 *
 * When the state does not fit, nothing is written: the user is told, and local data stays as it is.
 */
import type { SyncState } from './merge';

export const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;
/** Room kept free below QUOTA_BYTES (the opt-in flag of other versions, rounding in the browser's count). */
export const SYNC_MARGIN_BYTES = 1_024;
export const SYNC_PREFIX = 'ae-sync:';
export const MANIFEST_KEY = `${SYNC_PREFIX}m`;
export const chunkKey = (i: number): string => `${SYNC_PREFIX}c${i}`;
export const SYNC_FORMAT_VERSION = 1;

export interface Manifest {
  v: number;
  n: number;
  /** Length of the joined JSON text, and its FNV-1a hash: a torn or mixed copy is recognised. */
  len: number;
  hash: string;
}

const encoder = new TextEncoder();
/** Bytes the browser counts for one item: the key and the JSON text of the value, UTF-8. */
export const itemBytes = (key: string, value: unknown): number => encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

/** FNV-1a (32-bit) of a text's UTF-16 code units, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export type EncodeResult =
  | { ok: true; items: Record<string, unknown>; bytes: number }
  | { ok: false; reason: 'full'; bytes: number; quota: number }
  | { ok: false; reason: 'too-many-items'; items: number; quota: number };

/** JSON-escaped UTF-8 size of one character inside a JSON string. */
function charCost(s: string): number {
  return encoder.encode(JSON.stringify(s)).length - 2;
}

/** Cuts `text` into pieces whose JSON (quoted, escaped) plus `keyBytes` fits `limit`; never splits a surrogate pair. */
export function cutText(text: string, limit: number, keyBytes: number): string[] {
  const room = limit - keyBytes - 2; // the quotes
  const pieces: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const cost = charCost(ch);
    if (size + cost > room) {
      pieces.push(text.slice(start, i));
      start = i;
      size = 0;
    }
    size += cost;
    i += ch.length;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/** The items to write for `state`, or why it does not fit (nothing is written then). */
export function encodeState(state: SyncState, quota = SYNC_QUOTA): EncodeResult {
  const json = JSON.stringify(state);
  // Keys grow with the chunk number; measure with the longest key this many chunks can need.
  const longestKey = encoder.encode(chunkKey(quota.MAX_ITEMS)).length;
  const pieces = cutText(json, quota.QUOTA_BYTES_PER_ITEM, longestKey);
  const manifest: Manifest = { v: SYNC_FORMAT_VERSION, n: pieces.length, len: json.length, hash: fnv1a(json) };
  const items: Record<string, unknown> = { [MANIFEST_KEY]: manifest };
  pieces.forEach((p, i) => { items[chunkKey(i)] = p; });
  const count = Object.keys(items).length;
  if (count > quota.MAX_ITEMS) return { ok: false, reason: 'too-many-items', items: count, quota: quota.MAX_ITEMS };
  const bytes = Object.entries(items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  const room = quota.QUOTA_BYTES - SYNC_MARGIN_BYTES;
  if (bytes > room) return { ok: false, reason: 'full', bytes, quota: room };
  return { ok: true, items, bytes };
}

/** Keys of chunks an older copy left beyond the new one's `n` (to remove after writing). */
export function staleKeys(stored: Record<string, unknown>, n: number): string[] {
  return Object.keys(stored).filter((k) => {
    const m = /^ae-sync:c(\d+)$/.exec(k);
    return m !== null && Number(m[1]) >= n;
  });
}

export type DecodeResult =
  | { ok: true; state: SyncState | null }
  /** Chunks missing, or not matching the manifest: wait for the rest of the write. */
  | { ok: false; reason: 'torn' | 'newer-format' | 'unreadable' };

function isManifest(v: unknown): v is Manifest {
  const m = v as Manifest;
  return typeof v === 'object' && v !== null && Number.isInteger(m.v) && Number.isInteger(m.n) && m.n >= 1
    && Number.isInteger(m.len) && typeof m.hash === 'string';
}

function isState(v: unknown): v is SyncState {
  const s = v as SyncState;
  const isMap = (m: unknown) => typeof m === 'object' && m !== null && !Array.isArray(m)
    && Object.values(m).every((r) => typeof r === 'object' && r !== null && typeof (r as { updatedAt: unknown }).updatedAt === 'number');
  return typeof v === 'object' && v !== null && isMap(s.templates) && isMap(s.daysOff) && isMap(s.settings);
}

/** The state in the sync storage's items; `state: null` when nothing was ever synced. */
export function decodeState(items: Record<string, unknown>): DecodeResult {
  const manifest = items[MANIFEST_KEY];
  if (manifest === undefined) return { ok: true, state: null };
  if (!isManifest(manifest)) return { ok: false, reason: 'unreadable' };
  if (manifest.v > SYNC_FORMAT_VERSION) return { ok: false, reason: 'newer-format' };
  let json = '';
  for (let i = 0; i < manifest.n; i++) {
    const piece = items[chunkKey(i)];
    if (typeof piece !== 'string') return { ok: false, reason: 'torn' };
    json += piece;
  }
  if (json.length !== manifest.len || fnv1a(json) !== manifest.hash) return { ok: false, reason: 'torn' };
  try {
    const state: unknown = JSON.parse(json);
    return isState(state) ? { ok: true, state } : { ok: false, reason: 'unreadable' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
