/**
 * How one date's report record changes after what the page showed. Pure: the background applies
 * the change in a transaction (utils/db/records.ts).
 *
 * Sources: 'site' (the calendar showed an entry), 'observed' (a save seen in the page),
 * 'manual' (the user, by hand). A manual record is never changed by the page; an observed one is
 * withdrawn by a full reading of the calendar that shows its day empty.
 */
import type { ReportRecord } from '../db/schema';
import type { SaveOutcome } from './confirm';

export type RecordChange = { put: ReportRecord } | { remove: string } | null;

/** After a save attempt's outcome (confirm.ts) for `date`. */
export function afterOutcome(old: ReportRecord | undefined, date: string, outcome: SaveOutcome, at: string): RecordChange {
  switch (outcome) {
    case 'confirmed':
      if (old?.status === 'reported' && old.source !== 'observed') return null;
      return { put: { date, status: 'reported', source: 'observed', at } };
    case 'unconfirmed':
      // Already reported (another entry that day, or by hand): nothing to wait for.
      if (old?.status === 'reported' || (old?.status === 'unconfirmed' && old.source === 'observed')) return null;
      return { put: { date, status: 'unconfirmed', source: 'observed', at } };
    case 'failed':
      // An earlier unconfirmed save of that day gets no better by this failure: the day is plainly missed.
      return old?.status === 'unconfirmed' ? { remove: date } : null;
  }
}

/**
 * A reading of the site's calendar: the dates it shows, which of them have entries, and whether
 * it is full (a whole week or month, entries drawn) — only a full reading may withdraw.
 */
export interface DaysShown {
  shown: readonly string[];
  withEntries: readonly string[];
  full: boolean;
}

/** After the calendar showed `date` (with or without entries). */
export function afterReading(old: ReportRecord | undefined, date: string, hasEntry: boolean, full: boolean, at: string): RecordChange {
  if (hasEntry) {
    if (old?.status === 'reported' && (old.source === 'site' || old.source === 'manual')) return null;
    return { put: { date, status: 'reported', source: 'site', at } };
  }
  if (full && old?.source === 'observed') return { remove: date };
  return null;
}

/** Whether a calendar view shows whole days with their entries: the week and month views. */
export function isFullView(view: 'week' | 'month' | 'day'): boolean {
  return view === 'week' || view === 'month';
}
