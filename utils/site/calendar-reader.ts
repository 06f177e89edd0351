/** Placeholder until the vue-cal reader lands. */
export type CalendarReading =
  | { ok: true; shown: string[]; withEntries: string[] }
  | { ok: false; reason: 'no-calendar' | 'unreadable-title' | 'unreadable-days' };
