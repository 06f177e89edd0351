/**
 * Message key for why a day is not a working day. Its own module, without the holiday table:
 * the e-Kinerja content script names a day's reason (off-reason.ts) and must stay small.
 */
/** Why a day is not a working day. */
export type NonWorkReason = 'weekend' | 'libur-nasional' | 'cuti-bersama' | 'day-off' | 'libur-tambahan';

export const REASON_MESSAGE = {
  'weekend': 'calendar_reason_weekend',
  'libur-nasional': 'calendar_reason_libur_nasional',
  'cuti-bersama': 'calendar_reason_cuti_bersama',
  'day-off': 'calendar_reason_day_off',
  'libur-tambahan': 'calendar_reason_libur_tambahan',
} as const satisfies Record<NonWorkReason, string>;
