/**
 * The background's side of the Jurnal: what the Rekap page reads. Saves are written with the
 * report they confirm (calendar.ts `recordObserved` → `recordSave`), site readings with the
 * reading (`recordSiteEvents`).
 */
import type { Db } from '../db/db';
import { readSettings } from '../settings/store';
import { loadRecords } from '../db/records';
import { entryFromSave, type SiteCalendarEvent } from '../jurnal/entry';
import { listEntries, putEntry, replaceSiteEntries } from '../jurnal/store';
import type { SentEntry } from '../messaging/jurnal';
import type { JurnalProtocol } from '../messaging/jurnal';
import type { BackgroundDeps, Capability } from './capability';

/** Keeps a confirmed save in the Jurnal with the values sent (the report's date wins). */
export async function recordSave(db: Db, date: string, sent: SentEntry, now: Date): Promise<boolean> {
  const entry = entryFromSave({ ...sent.values, date }, { id: crypto.randomUUID(), now, templateId: sent.templateId });
  if (!entry) return false;
  await putEntry(db, entry);
  return true;
}

/** What the site's calendar showed on `dates` (title and times of each entry). */
export async function recordSiteEvents(db: Db, dates: readonly string[], events: readonly SiteCalendarEvent[], now: Date): Promise<number> {
  return replaceSiteEntries(db, dates, events, now);
}

export function jurnalCapability({ db }: BackgroundDeps): Capability<keyof JurnalProtocol> {
  return {
    handlers: {
      async getRekapData() {
        const d = await db();
        const [settings, records, entries] = await Promise.all([readSettings(d), loadRecords(d), listEntries(d)]);
        return { settings, ...records, entries };
      },
    },
  };
}
