/** Reads and writes of the data records, shared by the background's handlers. */
import type { Db } from './db';
import type { DayOffRecord, ReportRecord, ReportSource, ReportStatus } from './schema';

export async function putReport(db: Db, date: string, status: ReportStatus, source: ReportSource, now: Date): Promise<ReportRecord> {
  const rec: ReportRecord = { date, status, source, at: now.toISOString() };
  await db.put('reports', rec);
  return rec;
}

/**
 * What the daily-progress calendar showed: dates with entries become reported (source 'site'),
 * unless the user marked them reported by hand already. Dates shown *without* entries are left
 * alone: the site may still be loading its entries, and a wrong "missed" is worse than a late
 * one. One transaction; returns how many records changed.
 */
export async function applySiteReading(db: Db, withEntries: readonly string[], now: Date): Promise<number> {
  const tx = db.transaction('reports', 'readwrite');
  let changed = 0;
  for (const date of new Set(withEntries)) {
    const old = await tx.store.get(date);
    if (old?.status === 'reported' && (old.source === 'site' || old.source === 'manual')) continue;
    await tx.store.put({ date, status: 'reported', source: 'site', at: now.toISOString() });
    changed++;
  }
  await tx.done;
  return changed;
}

export async function loadRecords(db: Db): Promise<{ reports: ReportRecord[]; daysOff: DayOffRecord[] }> {
  const tx = db.transaction(['reports', 'daysOff'], 'readonly');
  const [reports, daysOff] = await Promise.all([tx.objectStore('reports').getAll(), tx.objectStore('daysOff').getAll()]);
  await tx.done;
  return { reports, daysOff };
}
