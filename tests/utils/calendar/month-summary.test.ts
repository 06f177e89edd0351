import { describe, expect, it } from 'vitest';
import { monthSummaries } from '@/utils/calendar/month-summary';
import { statusSnapshot } from '@/utils/calendar/status';
import { workdaysBetween } from '@/utils/calendar/workdays';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';

const settings: Settings = { ...DEFAULT_SETTINGS, zone: 'Asia/Jakarta', installedOn: '2026-10-15' };
// Thursday 3 December 2026, 10:00 WIB.
const now = new Date('2026-12-03T03:00:00Z');

describe('missed days month by month (finding 4)', () => {
  it('tells each month its own count and Tukin status: 21 days of November at risk, 2 of December safe', () => {
    const s = statusSnapshot({ now, settings: { ...settings, countFrom: '2026-11-02' }, reports: [], daysOff: [] });
    expect(s.missed).toHaveLength(23);
    const [dec, nov] = monthSummaries(s);
    expect(dec).toMatchObject({ month: '2026-12', risk: 'aman', counted: 'whole', current: true, known: false });
    expect(dec!.missed).toEqual(['2026-12-01', '2026-12-02']);
    expect(nov).toMatchObject({ month: '2026-11', risk: 'berisiko', counted: 'since', from: '2026-11-02', current: false });
    expect(nov!.missed).toHaveLength(21);
    // Together they are the popup's whole list; this month's count is the badge's and the snapshot's.
    expect([...nov!.missed, ...dec!.missed]).toEqual(s.missed);
    expect(dec!.missed.length).toBe(s.monthMissed);
    expect(dec!.risk).toBe(s.risk);
  });

  it('on the set-up day counts from today, without a date to be "since"', () => {
    const s = statusSnapshot({ now, settings: { ...settings, installedOn: '2026-12-03' }, reports: [], daysOff: [] });
    expect(monthSummaries(s)).toEqual([
      { month: '2026-12', missed: [], risk: 'aman', counted: 'today', from: '2026-12-03', known: false, current: true },
    ]);
  });

  it('a month set up in its middle is counted from the set-up day; once the site showed it all, from its first day', () => {
    const mid = statusSnapshot({ now: new Date('2026-12-10T03:00:00Z'), settings: { ...settings, installedOn: '2026-12-07' }, reports: [], daysOff: [] });
    expect(monthSummaries(mid)).toMatchObject([{ counted: 'since', from: '2026-12-07', missed: ['2026-12-07', '2026-12-08', '2026-12-09'], known: false }]);
    const seen = { '2026-12': [1, 2, 3, 4, 7, 8, 9, 10] };
    const known = statusSnapshot({ now: new Date('2026-12-10T03:00:00Z'), settings: { ...settings, installedOn: '2026-12-07' }, reports: [], daysOff: [], siteSeen: seen });
    expect(monthSummaries(known)).toMatchObject([{ counted: 'whole', from: '2026-12-01', known: true, risk: 'berisiko' }]);
    expect(monthSummaries(known)[0]!.missed).toEqual(workdaysBetween('2026-12-01', '2026-12-09', { workWeek: 5, daysOff: [] }));
  });

  it('a start date after today gives no month', () => {
    const s = statusSnapshot({ now, settings: { ...settings, countFrom: '2026-12-20' }, reports: [], daysOff: [] });
    expect(monthSummaries(s)).toEqual([]);
  });
});
