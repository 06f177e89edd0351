import { describe, expect, it } from 'vitest';
import { statusSnapshot } from '@/utils/calendar/status';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import type { ReportRecord } from '@/utils/db/schema';

const settings: Settings = { ...DEFAULT_SETTINGS, zone: 'Asia/Jakarta', installedOn: '2026-10-15' };
const rep = (date: string, status: ReportRecord['status'] = 'reported'): ReportRecord => ({ date, status, source: 'manual', at: 'x' });

describe('the day\'s status snapshot', () => {
  it('counts this month\'s unreported workdays up to yesterday before the target time', () => {
    // Wednesday 4 November 2026, 10:00 WIB.
    const s = statusSnapshot({ now: new Date('2026-11-04T03:00:00Z'), settings, reports: [rep('2026-11-02')], daysOff: [] });
    expect(s.today).toBe('2026-11-04');
    expect(s.missed).toEqual(['2026-11-03']);
    expect(s.todayStatus).toEqual({ state: 'not-yet' });
    expect(s.risk).toBe('aman');
    expect(s.yearCovered).toBe(true);
  });

  it('counts today once the target time has passed, and a "not reported" mark does not count as a report', () => {
    const s = statusSnapshot({ now: new Date('2026-11-04T09:30:00Z'), settings, reports: [rep('2026-11-02'), rep('2026-11-03', 'not-reported')], daysOff: [] });
    expect(s.missed).toEqual(['2026-11-03', '2026-11-04']);
    expect(s.todayStatus).toEqual({ state: 'missed' });
  });

  it('never counts before the extension was set up, unless the user chose an earlier start', () => {
    const s = statusSnapshot({ now: new Date('2026-11-06T03:00:00Z'), settings: { ...settings, installedOn: '2026-11-05' }, reports: [], daysOff: [] });
    expect(s.missed).toEqual(['2026-11-05']);
    const chosen = statusSnapshot({ now: new Date('2026-11-06T03:00:00Z'), settings: { ...settings, installedOn: '2026-11-05', countFrom: '2026-11-02' }, reports: [], daysOff: [] });
    expect(chosen.missed).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
  });

  it('leaves out holidays, cuti bersama and days off, and flags the Tukin risk above five days', () => {
    // December 2026, on the 28th at 17:00 WIB: 24 (cuti bersama) and 25 (Natal) are off.
    const s = statusSnapshot({
      now: new Date('2026-12-28T10:00:00Z'), settings, reports: [],
      daysOff: [{ id: 'a', start: '2026-12-07', end: '2026-12-11', kind: 'cuti-tahunan', note: '' }],
    });
    expect(s.missed).not.toContain('2026-12-24');
    expect(s.missed).not.toContain('2026-12-25');
    expect(s.missed).not.toContain('2026-12-08');
    // Tue 1–Fri 4 (4), 14–18 (5), 21–23 (3), 28 (1).
    expect(s.missed.length).toBe(13);
    expect(s.risk).toBe('berisiko');
  });

  it('counts from a start the user chose in an earlier month, and judges the Tukin on this month alone', () => {
    const s = statusSnapshot({
      now: new Date('2026-12-02T03:00:00Z'), settings: { ...settings, countFrom: '2026-11-26' }, reports: [rep('2026-11-27')], daysOff: [],
    });
    expect(s.from).toBe('2026-11-26');
    expect(s.missed).toEqual(['2026-11-26', '2026-11-30', '2026-12-01']);
    expect(s.monthMissed).toBe(1);
  });

  it('uses the chosen zone: 23:30 WIB on the 29th is already the 30th in WIT', () => {
    const now = new Date('2026-11-29T16:30:00Z');
    expect(statusSnapshot({ now, settings, reports: [], daysOff: [] }).today).toBe('2026-11-29');
    expect(statusSnapshot({ now, settings: { ...settings, zone: 'Asia/Jayapura' }, reports: [], daysOff: [] }).today).toBe('2026-11-30');
  });

  it('says when the year has no shipped holidays', () => {
    const s = statusSnapshot({ now: new Date('2027-01-05T03:00:00Z'), settings, reports: [], daysOff: [] });
    expect(s.yearCovered).toBe(false);
    expect(s.year).toBe(2027);
    expect(s.missed).toEqual(['2027-01-01', '2027-01-04']);
  });
});
