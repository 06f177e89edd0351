import { describe, expect, it } from 'vitest';
import { readCalendar } from '@/utils/site/calendar-reader';

/** vue-cal 3's markup, as the replica (built with the real vue-cal) renders it. */
function weekView(title: string, days: Array<[string, number, boolean]>) {
  const headings = days.map(([name, d]) => `<div class="vuecal__flex vuecal__heading"><div class="vuecal__flex weekday-label"><span class="full">${name}</span><span class="small">${name.slice(0, 3)}</span><span>&nbsp;${d}</span></div></div>`).join('');
  const cells = days.map(([, , ev]) => `<div class="vuecal__cell${ev ? ' vuecal__cell--has-events' : ''}">${ev ? '<div class="vuecal__event"><div class="vuecal__event-title">Kegiatan harian</div></div>' : 'Tidak Ada Kegiatan'}</div>`).join('');
  return `<div class="vuecal"><div class="vuecal__title"><button>${title}</button></div><div class="vuecal__weekdays-headings">${headings}</div><div class="vuecal__cells">${cells}</div></div>`;
}
const WEEK = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

describe('reading the daily-progress calendar', () => {
  it('reads a week from its title and the day numbers of its headings', () => {
    document.body.innerHTML = weekView('Minggu 48 (November 2026)', WEEK.map((n, i) => [n, 23 + i, i < 2] as [string, number, boolean]));
    expect(readCalendar(document)).toEqual({
      ok: true, view: 'week',
      shown: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'],
      withEntries: ['2026-11-23', '2026-11-24'],
      events: [
        { date: '2026-11-23', title: 'Kegiatan harian', start: '', end: '' },
        { date: '2026-11-24', title: 'Kegiatan harian', start: '', end: '' },
      ],
    });
  });

  it('reads each entry\'s title and times, for the Jurnal', () => {
    document.body.innerHTML = weekView('Minggu 48 (November 2026)', WEEK.map((n, i) => [n, 23 + i, false] as [string, number, boolean]));
    document.querySelectorAll('.vuecal__cell')[2]!.innerHTML = '<div class="vuecal__event"><div class="vuecal__event-title">Rapat &amp; koordinasi</div><div class="vuecal__event-time">8:00<span> - 10:30</span></div></div>'
      + '<div class="vuecal__event"><div class="vuecal__event-title">Mengajar</div><div class="vuecal__event-time">13:00<span> - 14:00</span></div></div>';
    const r = readCalendar(document);
    expect(r.ok && r.events).toEqual([
      { date: '2026-11-25', title: 'Rapat & koordinasi', start: '08:00', end: '10:30' },
      { date: '2026-11-25', title: 'Mengajar', start: '13:00', end: '14:00' },
    ]);
  });

  it('reads a week that crosses the year, whatever year the title names', () => {
    // ISO week 53 of 2026: Mon 28 Dec 2026 – Sun 3 Jan 2027.
    const days = [28, 29, 30, 31, 1, 2, 3].map((d, i) => [WEEK[i]!, d, d === 31 || d === 2] as [string, number, boolean]);
    document.body.innerHTML = weekView('Minggu 53 (Desember 2026 - Januari 2027)', days);
    const r = readCalendar(document);
    expect(r.ok && r.shown).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(r.ok && r.withEntries).toEqual(['2026-12-31', '2027-01-02']);
    // ISO week 1 of 2026 starts on Mon 29 Dec 2025, shown with the title of January 2026.
    document.body.innerHTML = weekView('Week 1 (Dec 2025 - Jan 2026)', [29, 30, 31, 1, 2, 3, 4].map((d, i) => [WEEK[i]!, d, d === 2] as [string, number, boolean]));
    const r2 = readCalendar(document);
    expect(r2.ok && r2.shown[0]).toBe('2025-12-29');
    expect(r2.ok && r2.withEntries).toEqual(['2026-01-02']);
  });

  it('reads a week that spans two months of one year, titled as vue-cal does', () => {
    const days = [30, 1, 2, 3, 4, 5, 6].map((d, i) => [WEEK[i]!, d, d === 1] as [string, number, boolean]);
    document.body.innerHTML = weekView('Minggu 49 (November - Desember 2026)', days);
    const r = readCalendar(document);
    expect(r.ok && r.shown).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(r.ok && r.withEntries).toEqual(['2026-12-01']);
  });

  it('reads a week with hidden weekends', () => {
    document.body.innerHTML = weekView('Minggu 48 (November 2026)', WEEK.slice(0, 5).map((n, i) => [n, 23 + i, i === 4] as [string, number, boolean]));
    const r = readCalendar(document);
    expect(r.ok && r.shown).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(r.ok && r.withEntries).toEqual(['2026-11-27']);
  });

  it('refuses a week whose day numbers do not fit its title, rather than guess', () => {
    document.body.innerHTML = weekView('Minggu 48 (November 2026)', WEEK.map((n, i) => [n, 2 + i, false] as [string, number, boolean]));
    expect(readCalendar(document)).toEqual({ ok: false, reason: 'unreadable-days' });
  });

  it('reads a month view, leaving out the neighbouring months\' days', () => {
    const cell = (d: number, cls = '', ev = false) => `<div class="vuecal__cell ${cls}${ev ? ' vuecal__cell--has-events' : ''}"><div class="vuecal__cell-content"><div class="vuecal__cell-date">${d}</div></div></div>`;
    const cells = [cell(26, 'vuecal__cell--out-of-scope'), cell(27, 'vuecal__cell--out-of-scope', true), ...Array.from({ length: 30 }, (_, i) => cell(i + 1, '', i + 1 === 2 || i + 1 === 30)), cell(1, 'vuecal__cell--out-of-scope')];
    document.body.innerHTML = `<div class="vuecal"><div class="vuecal__title"><button>November 2026</button></div><div class="vuecal__cells">${cells.join('')}</div></div>`;
    const r = readCalendar(document);
    expect(r.ok && r.view).toBe('month');
    expect(r.ok && r.shown.length).toBe(30);
    expect(r.ok && r.withEntries).toEqual(['2026-11-02', '2026-11-30']);
  });

  it('reads a day view', () => {
    document.body.innerHTML = '<div class="vuecal"><div class="vuecal__title"><button>Senin 23 November 2026</button></div><div class="vuecal__cells"><div class="vuecal__cell vuecal__cell--has-events"></div></div></div>';
    expect(readCalendar(document)).toEqual({ ok: true, view: 'day', shown: ['2026-11-23'], withEntries: ['2026-11-23'], events: [] });
  });

  it('says why a page cannot be read', () => {
    document.body.innerHTML = '<p>Memuat…</p>';
    expect(readCalendar(document)).toEqual({ ok: false, reason: 'no-calendar' });
    document.body.innerHTML = weekView('Kalender', WEEK.map((n, i) => [n, 23 + i, false] as [string, number, boolean]));
    expect(readCalendar(document)).toEqual({ ok: false, reason: 'unreadable-title' });
    document.body.innerHTML = weekView('Minggu 48 (Brumaire 2026)', WEEK.map((n, i) => [n, 23 + i, false] as [string, number, boolean]));
    expect(readCalendar(document)).toEqual({ ok: false, reason: 'unreadable-title' });
    document.body.innerHTML = '<div class="vuecal"><div class="vuecal__title">Minggu 48 (November 2026)</div></div>';
    expect(readCalendar(document)).toEqual({ ok: false, reason: 'unreadable-days' });
  });
});
