import { describe, expect, it } from 'vitest';
import { addShown, monthKnown, siteMonths } from '@/utils/calendar/site-months';
import { statusSnapshot } from '@/utils/calendar/status';
import { withDefaults } from '@/utils/settings/settings';
import type { CalendarConfig } from '@/utils/calendar/workdays';

const five: CalendarConfig = { workWeek: 5, daysOff: [] };
const week = (monday: string, days = 7) => Array.from({ length: days }, (_, i) => {
  const d = new Date(Date.parse(`${monday}T12:00:00Z`) + i * 86_400_000);
  return d.toISOString().slice(0, 10);
});

describe('months known from the site', () => {
  it('adds the days a reading showed, per month, once; the same object when nothing is new', () => {
    const seen = addShown({}, week('2026-11-30'));
    expect(seen).toEqual({ '2026-11': [30], '2026-12': [1, 2, 3, 4, 5, 6] });
    expect(addShown(seen, ['2026-12-02', '2026-11-30'])).toBe(seen);
    expect(addShown(seen, ['2026-12-07', 'bukan'])).toEqual({ '2026-11': [30], '2026-12': [1, 2, 3, 4, 5, 6, 7] });
  });

  it('a month is known once every working day up to today was shown (weekends may be hidden)', () => {
    // December 2026 up to Friday the 11th: the weeks of 30 Nov and 7 Dec, weekends hidden in the second.
    let seen = addShown({}, week('2026-11-30'));
    expect(monthKnown(seen, '2026-12', '2026-12-11', five)).toBe(false);
    seen = addShown(seen, week('2026-12-07', 5));
    expect(monthKnown(seen, '2026-12', '2026-12-11', five)).toBe(true);
    // Later in the month the days after the 11th are needed too.
    expect(monthKnown(seen, '2026-12', '2026-12-14', five)).toBe(false);
    // The whole month view.
    const month = Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    expect(monthKnown(addShown({}, month), '2026-12', '2026-12-31', five)).toBe(true);
    // A future month is never known.
    expect(monthKnown(addShown({}, month), '2026-12', '2026-11-30', five)).toBe(false);
  });

  it('lists the months from the first counted day to today', () => {
    const seen = addShown({}, Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(siteMonths(seen, '2026-11-10', '2026-12-06', five)).toEqual([{ month: '2026-11', known: true }, { month: '2026-12', known: false }]);
    expect(siteMonths(seen, '2026-12-07', '2026-12-06', five)).toEqual([]);
  });

  it('a fresh install on a Sunday after a week of missed days: counts from the set-up day until the site shows the month, then from its first working day', () => {
    const settings = withDefaults({ zone: 'Asia/Jakarta', installedOn: '2026-12-06' });
    const now = new Date('2026-12-06T03:00:00Z'); // Sunday 6 December 2026, 10:00 WIB
    const before = statusSnapshot({ now, settings, reports: [], daysOff: [] });
    expect(before.from).toBe('2026-12-06');
    expect(before.missed).toEqual([]);
    expect(before.siteMonths).toEqual([{ month: '2026-12', known: false }]);
    const siteSeen = addShown({}, week('2026-11-30'));
    const after = statusSnapshot({ now, settings, reports: [], daysOff: [], siteSeen });
    expect(after.from).toBe('2026-12-01');
    expect(after.missed).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(after.siteMonths).toEqual([{ month: '2026-12', known: true }]);
  });
});
