/** Reads and writes of the data records, shared by the background's handlers. */
import type { Db } from './db';
import type { IDBPObjectStore } from 'idb';
import type { DayOffRecord, EkinerjaDB, ReportRecord, ReportSource, ReportStatus } from './schema';
import { afterOutcome, afterReading, type DaysShown, type RecordChange } from '../reporting/day-record';
import type { SaveOutcome } from '../reporting/confirm';

export async function putReport(db: Db, date: string, status: ReportStatus, source: ReportSource, now: Date): Promise<ReportRecord> {
  const rec: ReportRecord = { date, status, source, at: now.toISOString() };
  await db.put('reports', rec);
  return rec;
}

/**
 * What the daily-progress calendar showed: dates with entries become reported (source 'site'),
 * unless the user marked them reported by hand already. A date shown *without* entries withdraws
 * only an 'observed' record, and only in a full reading (a whole week or month): a save the
 * page seemed to make but the site does not have. Manual records are never touched. One
 * transaction; returns how many records changed.
 */
export async function applySiteReading(db: Db, reading: DaysShown, now: Date): Promise<{ changed: number; confirmed: string[] }> {
  const tx = db.transaction('reports', 'readwrite');
  const at = now.toISOString();
  const withEntries = new Set(reading.withEntries);
  let changed = 0;
  // Saves that waited as "belum terkonfirmasi" and whose entry the calendar now shows.
  const confirmed: string[] = [];
  for (const date of new Set([...reading.shown, ...withEntries])) {
    const old = await tx.store.get(date);
    const change = afterReading(old, date, withEntries.has(date), reading.full, at);
    if (old?.status === 'unconfirmed' && change && 'put' in change && change.put.status === 'reported') confirmed.push(date);
    changed += await applyChange(tx.store, change);
  }
  await tx.done;
  return { changed, confirmed };
}

/** A save attempt's outcome in the page (utils/reporting/confirm.ts). Returns whether the record changed. */
export async function applyOutcome(db: Db, date: string, outcome: SaveOutcome, now: Date): Promise<boolean> {
  const tx = db.transaction('reports', 'readwrite');
  const changed = await applyChange(tx.store, afterOutcome(await tx.store.get(date), date, outcome, now.toISOString()));
  await tx.done;
  return changed > 0;
}

type ReportsStore = IDBPObjectStore<EkinerjaDB, ['reports'], 'reports', 'readwrite'>;

async function applyChange(store: ReportsStore, change: RecordChange): Promise<number> {
  if (!change) return 0;
  if ('put' in change) await store.put(change.put);
  else await store.delete(change.remove);
  return 1;
}

export async function loadRecords(db: Db): Promise<{ reports: ReportRecord[]; daysOff: DayOffRecord[] }> {
  const tx = db.transaction(['reports', 'daysOff'], 'readonly');
  const [reports, daysOff] = await Promise.all([tx.objectStore('reports').getAll(), tx.objectStore('daysOff').getAll()]);
  await tx.done;
  return { reports, daysOff };
}
