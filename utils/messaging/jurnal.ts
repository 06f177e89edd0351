/** Messages about the Jurnal and the Rekap (part of the one contract in protocol.ts). */
import type { DayOffRecord, ReportRecord } from '../db/schema';
import type { JurnalEntry, SentValues } from '../jurnal/entry';
import type { Settings } from '../settings/settings';

/** What the Rekap page needs; it computes the Rekap of any period from it. */
export interface RekapData {
  settings: Settings;
  reports: ReportRecord[];
  daysOff: DayOffRecord[];
  entries: JurnalEntry[];
}

/** The form's values at "OK", and the template it was filled from (null: typed). */
export interface SentEntry {
  values: SentValues;
  templateId: string | null;
}

export interface JurnalProtocol {
  /** Rekap page: the settings, reports, days off and every Jurnal entry. */
  getRekapData(): RekapData;
}
