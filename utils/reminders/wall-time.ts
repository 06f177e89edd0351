/**
 * A wall-clock time on a date in a time zone, as an instant (epoch ms). Works for any IANA zone
 * from the zone's offsets as Intl reports them, so it is right for WIB / WITA / WIT (no daylight
 * saving) and for a browser zone that has it.
 */
import { zoneId, type ZoneChoice } from '../calendar/dates';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formats.set(key, f);
  }
  return f;
}

/** The wall clock of `zone` at instant `t`, read as if it were UTC, minus `t`: the zone's offset. */
function offsetAt(t: number, timeZone: string | undefined): number {
  const p: Record<string, number> = {};
  for (const part of format(timeZone).formatToParts(t)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/** The IANA id for a zone setting or an IANA id; `undefined` is the runtime's own zone. */
function ianaOf(zone: ZoneChoice | string | undefined): string | undefined {
  return zone === undefined || zone === 'browser' ? undefined : zoneId(zone as ZoneChoice);
}

/**
 * The instant (epoch ms) at which the wall clock in `zone` shows `time` (`HH:mm`) on `date`
 * (`YYYY-MM-DD`); NaN when either is unreadable. `zone` is a zone setting ('browser' = the
 * runtime's local zone) or any IANA id. Around a daylight-saving change: a time that happens
 * twice gives the first, a time skipped by the change gives the instant as far after the change
 * as the time is after it on the old clock (02:30 in a 02:00→03:00 gap is 03:30), like
 * `Temporal`'s "compatible" rule.
 */
export function epochAt(date: string, time: string, zone: ZoneChoice | string | undefined): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return NaN;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return NaN;
  const tz = ianaOf(zone);
  // Offsets a day before and after cover any change on the day itself.
  const before = offsetAt(wall - DAY_MS, tz);
  const after = offsetAt(wall + DAY_MS, tz);
  const candidates = [...new Set([wall - before, wall - after])]
    .filter((c) => c + offsetAt(c, tz) === wall)
    .sort((a, b) => a - b);
  // None matches: the time falls in a gap; the old offset moves it past the change.
  return candidates[0] ?? wall - before;
}
