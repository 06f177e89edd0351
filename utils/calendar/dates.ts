/**
 * Calendar dates as `YYYY-MM-DD` strings in a chosen time zone. Never `toISOString()` for a
 * local date: before 07:00 WIB it is still yesterday in UTC.
 */

/** The zone choices: the browser's own, or WIB / WITA / WIT. */
export const ZONES = ['browser', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type ZoneChoice = (typeof ZONES)[number];

/** The message key naming each zone choice in the UI. */
export const ZONE_LABEL = {
  browser: 'zone_browser',
  'Asia/Jakarta': 'zone_wib',
  'Asia/Makassar': 'zone_wita',
  'Asia/Jayapura': 'zone_wit',
} as const satisfies Record<ZoneChoice, string>;

/** The IANA zone for a setting; `undefined` means the browser's own zone. */
export function zoneId(zone: ZoneChoice): string | undefined {
  return zone === 'browser' ? undefined : zone;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const k = timeZone ?? '';
  let f = partsCache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    partsCache.set(k, f);
  }
  return f;
}

/** Date and time of `now` on the wall clock of `zone`. */
export function wallClock(now: Date, zone: ZoneChoice): { date: string; time: string } {
  const p = Object.fromEntries(partsFormat(zoneId(zone)).formatToParts(now).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today's date (`YYYY-MM-DD`) in `zone`. */
export function localDate(now: Date, zone: ZoneChoice): string {
  return wallClock(now, zone).date;
}

/** A `YYYY-MM-DD` date as a UTC-noon Date, for weekday and calendar arithmetic. */
export function parseDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, 12));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return parseDate(date).getUTCDay() || 7;
}

/** "Minggu, 29 November 2026" (or the English form in an English UI). */
export function formatLongDate(date: string, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
  }).format(parseDate(date));
}

const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Whether `v` is written `YYYY-MM-DD` with a month 01–12 and a day 01–31 (the form only:
 * 2026-02-30 passes; `isValidDate` also asks that the day exists).
 */
export function isDateShaped(v: unknown): v is string {
  return typeof v === 'string' && DATE_RE.test(v);
}

/** Whether `time` is a zero-padded 24-hour `HH:mm` (so not `7:30` or `07.30`). */
export function isTime(time: unknown): time is string {
  return typeof time === 'string' && TIME_RE.test(time);
}

/** Minutes since midnight for a valid `HH:mm`, NaN otherwise. */
export function minutesOfDay(time: string): number {
  return isTime(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : NaN;
}

/** True for a real calendar date written `YYYY-MM-DD` (so not 2026-02-30). */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = parseDate(date);
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** A UTC-noon Date (see parseDate) back to `YYYY-MM-DD`. */
export function formatDate(d: Date): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** `date` moved by `n` days (negative goes back), across months and years. */
export function addDays(date: string, n: number): string {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDate(d);
}

/**
 * A wall-clock time ("16:00", as stored and as e-Kinerja takes it) the way the UI writes it:
 * "16.00" in Indonesian, "16:00" in English (docs/glossary.md).
 */
export function clockText(hhmm: string, locale: string): string {
  return locale.toLowerCase().startsWith('id') ? hhmm.replace(':', '.') : hhmm;
}
