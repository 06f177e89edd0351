/** The Jurnal in IndexedDB (store 'jurnal', since schema 4): written only by the background. */
import type { Db } from '../db/db';
import { entryFromSite, type JurnalEntry, type SiteCalendarEvent } from './entry';

export async function putEntry(db: Db, entry: JurnalEntry): Promise<void> {
  await db.put('jurnal', entry);
}

/** Entries dated `from`…`to` (inclusive), or all of them. */
export async function listEntries(db: Db, range?: { from: string; to: string }): Promise<JurnalEntry[]> {
  if (!range) return db.getAll('jurnal');
  return db.getAllFromIndex('jurnal', 'by-date', IDBKeyRange.bound(range.from, range.to));
}

/**
 * What the site's calendar showed for `dates`: their 'site-calendar' entries become exactly
 * `events` (a date read again replaces its reading); saved entries are never touched. One
 * transaction; returns how many entries were added or removed.
 */
export async function replaceSiteEntries(db: Db, dates: readonly string[], events: readonly SiteCalendarEvent[], now: Date): Promise<number> {
  const tx = db.transaction('jurnal', 'readwrite');
  const index = tx.store.index('by-date');
  const next = new Map(events.filter((e) => dates.includes(e.date)).map((e) => entryFromSite(e, now)).filter((e) => e !== null).map((e) => [e.id, e]));
  let changed = 0;
  for (const date of new Set(dates)) {
    for (const old of await index.getAll(date)) {
      if (old.source !== 'site-calendar') continue;
      if (next.has(old.id)) { next.delete(old.id); continue; }
      await tx.store.delete(old.id);
      changed++;
    }
  }
  for (const e of next.values()) {
    await tx.store.put(e);
    changed++;
  }
  await tx.done;
  return changed;
}
