/**
 * Reads which days the daily-progress page's vue-cal calendar shows, and which of them have
 * entries. vue-cal puts no date on its cells: the dates come from the title ("Minggu 48
 * (November 2026)", "November 2026", "Senin 23 November 2026") checked against the day numbers
 * of the headings or cells. When they do not agree, the reading fails: never a guess.
 */
import { addDays, isValidDate } from '../calendar/dates';
import type { SiteCalendarEvent } from '../jurnal/entry';

export type CalendarReading =
  | {
    ok: true; view: 'week' | 'month' | 'day'; shown: string[]; withEntries: string[];
    /** Each entry the calendar shows on the shown days: its title and, when shown, its times (for the Jurnal). */
    events?: SiteCalendarEvent[];
  }
  | { ok: false; reason: 'no-calendar' | 'unreadable-title' | 'unreadable-days' };

export const CALENDAR_SELECTORS = {
  root: '.vuecal',
  title: '.vuecal__title',
  heading: '.vuecal__heading',
  cell: '.vuecal__cells .vuecal__cell',
  cellDate: '.vuecal__cell-date',
  outOfScope: 'vuecal__cell--out-of-scope',
  hasEvents: 'vuecal__cell--has-events',
  eventTitle: '.vuecal__event-title',
  event: '.vuecal__event',
  eventTime: '.vuecal__event-time',
} as const;

const MONTHS: Record<string, number> = {};
[
  ['januari', 'january', 'jan'], ['februari', 'february', 'feb'], ['maret', 'march', 'mar'], ['april', 'apr'],
  ['mei', 'may'], ['juni', 'june', 'jun'], ['juli', 'july', 'jul'], ['agustus', 'august', 'agu', 'aug'],
  ['september', 'sep'], ['oktober', 'october', 'okt', 'oct'], ['november', 'nov'], ['desember', 'december', 'des', 'dec'],
].forEach((names, i) => names.forEach((n) => { MONTHS[n] = i + 1; }));

/** A month's name, full or abbreviated ("Des", "Agu"), in Indonesian or English. */
const isMonthName = (word: string) => {
  const w = word.toLowerCase();
  return MONTHS[w] !== undefined || Object.keys(MONTHS).some((name) => name.length > 3 && name.startsWith(w) && w.length >= 3);
};

const pad = (n: number) => String(n).padStart(2, '0');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const TIME = /(\d{1,2})[:.](\d{2})/g;

/** The entries shown in `cells` (dated `dates`): title and "08:00 - 16:00" times when shown. */
function eventsIn(cells: readonly Element[], dates: readonly string[]): SiteCalendarEvent[] {
  return cells.flatMap((cell, i) => [...cell.querySelectorAll(CALENDAR_SELECTORS.event)].map((ev) => {
    const times = [...text(ev.querySelector(CALENDAR_SELECTORS.eventTime)).matchAll(TIME)]
      .map((m) => `${pad(Number(m[1]))}:${m[2]}`);
    return { date: dates[i]!, title: text(ev.querySelector(CALENDAR_SELECTORS.eventTitle)), start: times[0] ?? '', end: times[1] ?? '' };
  }));
}

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const mondayW1 = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000);
  const d = new Date(mondayW1.getTime() + (week - 1) * 7 * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const dayNumber = (s: string): number | null => {
  const m = /(\d{1,2})\s*$/.exec(s.replace(/\u00a0/g, ' '));
  return m ? Number(m[1]) : null;
};
const dom = (date: string) => Number(date.slice(8, 10));

const has = (c: Element) => c.classList.contains(CALENDAR_SELECTORS.hasEvents) || c.querySelector(CALENDAR_SELECTORS.eventTitle) !== null;

export function readCalendar(doc: ParentNode): CalendarReading {
  const found = locateDays(doc);
  if (!found.ok) return found;
  return {
    ok: true, view: found.view, shown: found.shown, withEntries: found.shown.filter((_, i) => has(found.cells[i]!)),
    events: eventsIn(found.cells, found.shown),
  };
}

/**
 * How many entries the calendar shows on `date`: null when the calendar does not show that date
 * (or cannot be read). Tells a new entry from one the day already had.
 */
export function entriesOn(doc: ParentNode, date: string): number | null {
  const found = locateDays(doc);
  if (!found.ok) return null;
  const i = found.shown.indexOf(date);
  if (i < 0) return null;
  const cell = found.cells[i]!;
  return Math.max(cell.querySelectorAll(CALENDAR_SELECTORS.event).length, has(cell) ? 1 : 0);
}

type Located =
  | { ok: true; view: 'week' | 'month' | 'day'; shown: string[]; cells: Element[] }
  | { ok: false; reason: 'no-calendar' | 'unreadable-title' | 'unreadable-days' };

/** The dates the calendar shows, each with its cell. */
function locateDays(doc: ParentNode): Located {
  const root = doc.querySelector(CALENDAR_SELECTORS.root);
  if (!root) return { ok: false, reason: 'no-calendar' };
  const title = text(root.querySelector(CALENDAR_SELECTORS.title));
  const cells = [...root.querySelectorAll(CALENDAR_SELECTORS.cell)];
  if (cells.length === 0) return { ok: false, reason: 'unreadable-days' };

  let m: RegExpExecArray | null;
  // Week view, as vue-cal titles it: "Minggu 48 (November 2026)", "Minggu 49 (November - Desember
  // 2026)", "Minggu 1 (Desember 2026 - Januari 2027)", "Week 1 (Dec 2026 - Jan 2027)".
  if ((m = /(\d{1,2})\s*\(([^)]*)\)/u.exec(title))) {
    const week = Number(m[1]);
    const words = m[2]!.match(/\p{L}+/gu) ?? [];
    const yearText = /\d{4}/.exec(m[2]!);
    if (!yearText || words.length === 0 || !words.every(isMonthName)) return { ok: false, reason: 'unreadable-title' };
    const year = Number(yearText[0]);
    const headings = [...root.querySelectorAll(CALENDAR_SELECTORS.heading)].map((h) => dayNumber(text(h)));
    if (headings.length !== cells.length || headings.some((d) => d === null)) return { ok: false, reason: 'unreadable-days' };
    for (const y of [year, year - 1, year + 1]) {
      const monday = isoWeekMonday(y, week);
      const week7 = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
      // Columns may skip days (hidden weekends): match the day numbers in order.
      const dates: string[] = [];
      let j = 0;
      for (const d of headings) {
        while (j < 7 && dom(week7[j]!) !== d) j++;
        if (j === 7) break;
        dates.push(week7[j++]!);
      }
      if (dates.length === cells.length) {
        return { ok: true, view: 'week', shown: dates, cells };
      }
    }
    return { ok: false, reason: 'unreadable-days' };
  }
  // Day view: "Senin 23 November 2026".
  if ((m = /(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(title))) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const date = month ? `${m[3]}-${pad(month)}-${pad(Number(m[1]))}` : '';
    if (!isValidDate(date)) return { ok: false, reason: 'unreadable-title' };
    if (cells.length !== 1) return { ok: false, reason: 'unreadable-days' };
    return { ok: true, view: 'day', shown: [date], cells };
  }
  // Month view: "November 2026".
  if ((m = /^(\p{L}+)\s+(\d{4})$/u.exec(title))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (!month) return { ok: false, reason: 'unreadable-title' };
    const inMonth = cells.filter((c) => !c.classList.contains(CALENDAR_SELECTORS.outOfScope));
    const dates = inMonth.map((c) => `${m![2]}-${pad(month)}-${pad(dayNumber(text(c.querySelector(CALENDAR_SELECTORS.cellDate))) ?? 0)}`);
    if (dates.some((d, i) => !isValidDate(d) || dom(d) !== i + 1)) return { ok: false, reason: 'unreadable-days' };
    return { ok: true, view: 'month', shown: dates, cells: inMonth };
  }
  return { ok: false, reason: 'unreadable-title' };
}
