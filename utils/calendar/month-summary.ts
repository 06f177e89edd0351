/**
 * The popup's missed days, month by month (issue 10, finding 4): one consistent story per month —
 * how many of its working days are not reported, the Tukin status that count gives (the Tukin rule
 * counts each month on its own), from which day the month is counted, and whether the site's own
 * calendar has shown all of it. Pure: built from the status snapshot.
 */
import type { StatusSnapshot } from './status';
import { tukinRisk, type TukinRisk } from './day-messages';

export interface MonthSummary {
  /** `YYYY-MM`. */
  month: string;
  /** Its working days without a report, in date order. */
  missed: string[];
  /** The Tukin status of this month's count. */
  risk: TukinRisk;
  /**
   * How the month is counted: 'whole' from its first day; 'since' from `from` (the set-up day or
   * the user's start date, inside the month); 'today' when counting starts today (the set-up day:
   * nothing before it is known yet).
   */
  counted: 'whole' | 'since' | 'today';
  /** The first day counted in this month. */
  from: string;
  /** The site's calendar has shown every working day of the month up to today (site-months.ts). */
  known: boolean;
  /** Today's month. */
  current: boolean;
}

/** Each month from `from`'s to today's, newest first (today's month is the one still to act on). */
export function monthSummaries(s: Pick<StatusSnapshot, 'from' | 'today' | 'missed' | 'siteMonths'>): MonthSummary[] {
  const current = s.today.slice(0, 7);
  const months = s.siteMonths.length > 0
    ? s.siteMonths
    : s.from <= s.today ? [{ month: current, known: false }] : [];
  return months.map(({ month, known }) => {
    const missed = s.missed.filter((d) => d.startsWith(`${month}-`));
    const first = `${month}-01`;
    const from = s.from > first ? s.from : first;
    const counted: MonthSummary['counted'] = from === first ? 'whole' : from === s.today ? 'today' : 'since';
    return { month, missed, risk: tukinRisk(missed.length), counted, from, known, current: month === current };
  }).reverse();
}

