/**
 * Reading storage keys (keys.ts) straight from browser.storage, without WXT's storage helper:
 * for the popup, whose first paint waits for its bundle (the helper is about 3 KB gz). Reads
 * and watches (and writes the few values extension pages set themselves, writeKey); the same stored
 * names and values as the items of items.ts.
 */
import { browser } from 'wxt/browser';
import type { StorageKey } from './keys';

type ValueOf<K> = K extends StorageKey<infer T> ? T : never;

function split(key: StorageKey<unknown>): { area: 'local' | 'session'; name: string } {
  const at = key.indexOf(':');
  return { area: key.slice(0, at) as 'local' | 'session', name: key.slice(at + 1) };
}

/** The values of `keys` (all of one area) in one read, in order; null where nothing is stored. */
export async function readKeys<const K extends readonly StorageKey<unknown>[]>(
  keys: K,
): Promise<{ -readonly [I in keyof K]: ValueOf<K[I]> | null }> {
  const parts = keys.map(split);
  const area = parts[0]?.area ?? 'session';
  if (parts.some((p) => p.area !== area)) throw new Error('readKeys: keys of one storage area only');
  const stored: Record<string, unknown> = parts.length ? await browser.storage[area].get(parts.map((p) => p.name)) : {};
  return parts.map((p) => stored[p.name] ?? null) as { -readonly [I in keyof K]: ValueOf<K[I]> | null };
}

/**
 * Calls `onChange` with the new value (null when removed) whenever `key` changes to a different
 * value; returns the unwatch.
 */
export function watchKey<T>(key: StorageKey<T>, onChange: (value: T | null) => void): () => void {
  const { area, name } = split(key);
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
    const change = changes[name];
    if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    onChange((change.newValue ?? null) as T | null);
  };
  browser.storage[area].onChanged.addListener(listener);
  return () => browser.storage[area].onChanged.removeListener(listener);
}

/** Stores `value` under `key` (extension pages only: the first-run checklist's choices). */
export async function writeKey<T>(key: StorageKey<T>, value: T): Promise<void> {
  const { area, name } = split(key);
  await browser.storage[area].set({ [name]: value });
}
