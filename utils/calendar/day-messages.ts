/**
 * The Tukin rule (days missed in a month) and the message keys of today's status and of a month's
 * Tukin line. No calendar here: the popup's first screen imports this without the holiday table.
 */
/** Today's states (missed-days.ts `TodayStatus['state']`: indexing TODAY_MESSAGE with one checks they match). */
export type TodayState = 'reported' | 'not-yet' | 'missed' | 'off';

export type TukinRisk = 'aman' | 'berisiko';

/** Published guidance: forgetting more than 5 reporting days in a month risks a 5–20 % Tukin cut. */
export const TUKIN_SAFE_MAX = 5;

/** 'aman' for up to 5 missed days in the month, 'berisiko' (potongan 5–20 %) above. */
export function tukinRisk(missedCount: number): TukinRisk {
  return missedCount <= TUKIN_SAFE_MAX ? 'aman' : 'berisiko';
}

/** Message keys for the Tukin line; `$1` is the month's missed-day count. */
export const TUKIN_MESSAGE = {
  aman: 'calendar_tukin_aman',
  berisiko: 'calendar_tukin_berisiko',
} as const satisfies Record<TukinRisk, string>;

/** Message keys for today's status; `$1` is the target time ('not-yet', 'missed') or the reason ('off'). */
export const TODAY_MESSAGE = {
  'reported': 'calendar_today_reported',
  'not-yet': 'calendar_today_not_yet',
  'missed': 'calendar_today_missed',
  'off': 'calendar_today_off',
} as const satisfies Record<TodayState, string>;
