/** Reads and writes of the data records, shared by the background's handlers. */
import type { Db } from './db';
import type { DayOffRecord, ReportRecord, ReportSource, ReportStatus } from './schema';

export async function putReport(db: Db, date: string, status: ReportStatus, source: ReportSource, now: Date): Promise<ReportRecord> {
  const rec: ReportRecord = { date, status, source, at: now.toISOString() };
  await db.put('reports', rec);
  return rec;
}

/**
 * What the daily-progress calendar showed: dates with entries become reported (source 'site');
 * shown dates without entries lose a 'site' or 'observed' record (the entry is gone), while the
 * user's own marks ('manual') stay. One transaction.
 */
export async function applySiteReading(db: Db, shown: readonly string[], withEntries: readonly string[], now: Date): Promise<number> {
  const tx = db.transaction('reports', 'readwrite');
  const entries = new Set(withEntries);
  let changed = 0;
  for (const date of shown) {
    const old = await tx.store.get(date);
    if (entries.has(date)) {
      if (old?.status === 'reported' && old.source === 'site') continue;
      if (old?.source === 'manual' && old.status === 'reported') continue;
      await tx.store.put({ date, status: 'reported', source: 'site', at: now.toISOString() });
      changed++;
    } else if (old && old.source !== 'manual') {
      await tx.store.delete(date);
      changed++;
    }
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
