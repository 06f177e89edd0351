/**
 * Message keys for why a day is not a working day and for the kinds of days off. Their own
 * module, without the holiday table: the e-Kinerja content script names a day's reason
 * (off-reason.ts) and must stay small.
 */
import type { DayOffKind } from '../db/schema';

/** Why a day is not a working day. */
export type NonWorkReason = 'weekend' | 'libur-nasional' | 'cuti-bersama' | 'day-off' | 'libur-tambahan';

export const REASON_MESSAGE = {
  'weekend': 'calendar_reason_weekend',
  'libur-nasional': 'calendar_reason_libur_nasional',
  'cuti-bersama': 'calendar_reason_cuti_bersama',
  'day-off': 'calendar_reason_day_off',
  'libur-tambahan': 'calendar_reason_libur_tambahan',
} as const satisfies Record<NonWorkReason, string>;

/** Message key for the label of a day-off kind. */
export const DAY_OFF_KIND_MESSAGE = {
  'cuti-tahunan': 'calendar_dayoff_kind_cuti_tahunan',
  'sakit': 'calendar_dayoff_kind_sakit',
  'dinas-luar': 'calendar_dayoff_kind_dinas_luar',
  'lainnya': 'calendar_dayoff_kind_lainnya',
  'libur-tambahan': 'calendar_dayoff_kind_libur_tambahan',
} as const satisfies Record<DayOffKind, string>;
