/**
 * Which months e-Kinerja's own calendar has shown completely ("known from the site"). Pure.
 *
 * A month is known once full readings of the daily-progress calendar (the month view, or its
 * week views) have shown every working day from its first day up to today (or to its end). Then
 * the site's entries tell reported from missed for all those days, and the missed days count from
 * the month's first working day — also for a user who set the extension up in the middle of it.
 */
import { addDays, isValidDate } from './dates';
import { dayStatus, monthEnd, monthStart, type CalendarConfig } from './workdays';

/** Days of each month (`YYYY-MM` → day numbers, ascending) shown by full readings. */
export type SiteDaysSeen = Readonly<Record<string, readonly number[]>>;

/** `seen` with the dates of one full reading added; the same object when nothing is new. */
export function addShown(seen: SiteDaysSeen, shown: readonly string[]): SiteDaysSeen {
  let out: Record<string, readonly number[]> | null = null;
  for (const date of shown) {
    if (!isValidDate(date)) continue;
    const month = date.slice(0, 7);
    const day = Number(date.slice(8, 10));
    const days = (out ?? seen)[month] ?? [];
    if (days.includes(day)) continue;
    out ??= { ...seen };
    out[month] = [...days, day].sort((a, b) => a - b);
  }
  return out ?? seen;
}

/** Whether every working day of `month` (`YYYY-MM`) up to `today` has been shown by the site. */
export function monthKnown(seen: SiteDaysSeen, month: string, today: string, cal: CalendarConfig): boolean {
  const first = `${month}-01`;
  if (!isValidDate(first) || first > today) return false;
  const days = new Set(seen[month] ?? []);
  const last = monthEnd(first) < today ? monthEnd(first) : today;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (dayStatus(d, cal).workday && !days.has(Number(d.slice(8, 10)))) return false;
  }
  return true;
}

/** The months from `from`'s to `today`'s (`YYYY-MM`), each known from the site or not yet. */
export function siteMonths(seen: SiteDaysSeen, from: string, today: string, cal: CalendarConfig): { month: string; known: boolean }[] {
  const out: { month: string; known: boolean }[] = [];
  if (!isValidDate(from) || !isValidDate(today) || from > today) return out;
  for (let m = monthStart(from); m <= today; m = addDays(monthEnd(m), 1)) {
    out.push({ month: m.slice(0, 7), known: monthKnown(seen, m.slice(0, 7), today, cal) });
  }
  return out;
}
