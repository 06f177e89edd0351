import { describe, expect, it } from 'vitest';
import { useState } from 'preact/hooks';
import { CalendarGrid } from '@/components/CalendarGrid';
import type { CalendarConfig } from '@/utils/calendar/workdays';
import { click, mount, press, root, rootPerTest, waitFor } from '../helpers/dom';

rootPerTest();

const cal: CalendarConfig = {
  workWeek: 5,
  daysOff: [{ id: 'a', start: '2026-11-16', end: '2026-11-17', kind: 'cuti-tahunan', note: 'Pulang kampung' }],
};

/** Holds the month like the options page does, and records the picked days. */
function Harness(props: { start: string; picks: string[]; reported?: string[]; missed?: string[] }) {
  const [month, setMonth] = useState(props.start);
  return (
    <CalendarGrid
      month={month}
      today="2026-11-12"
      cal={cal}
      reported={new Set(props.reported ?? [])}
      missed={new Set(props.missed ?? [])}
      onMonthChange={setMonth}
      onPickDay={(d) => props.picks.push(d)}
    />
  );
}

const caption = () => root.querySelector('caption')!.textContent;
const day = (date: string) => root.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)!;
/** A day's accessible name: its text without the parts hidden from assistive technology. */
function dayName(date: string): string {
  const clone = day(date).cloneNode(true) as HTMLElement;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  expect(day(date).hasAttribute('aria-label')).toBe(false);
  return clone.textContent!.trim();
}
/** A button by its accessible name: aria-label if present, else its text. */
function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()).includes(name));
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

describe('CalendarGrid', () => {
  it('shows the month as the table caption with Monday-first column headers', () => {
    mount(<Harness start="2026-11" picks={[]} />);
    expect(caption()).toBe('November 2026');
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min']);
    expect(root.querySelector('thead th')!.getAttribute('scope')).toBe('col');
    // 30 days, each a button; the neighbouring months' days are not.
    expect(root.querySelectorAll('tbody button')).toHaveLength(30);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(6);
    // 1 November 2026 is a Sunday: last column of the first row.
    expect(root.querySelector('tbody tr')!.lastElementChild!.querySelector('button')!.dataset.date).toBe('2026-11-01');
  });

  it('names a holiday cell by its full date and status', () => {
    mount(<Harness start="2026-12" picks={[]} />);
    expect(dayName('2026-12-25')).toBe('Jumat, 25 Desember 2026: Libur nasional — Kelahiran Yesus Kristus (Natal)');
    expect(dayName('2026-12-24')).toBe('Kamis, 24 Desember 2026: Cuti bersama — Cuti bersama Natal');
    expect(dayName('2026-12-26')).toBe('Sabtu, 26 Desember 2026: Akhir pekan');
    // Never colour alone: a visible marker and the holiday's name are in the cell.
    expect(day('2026-12-25').querySelector('.cal-mark')!.textContent).not.toBe('');
    expect(day('2026-12-25').textContent).toContain('Natal');
    expect(day('2026-12-25').querySelector('.cal-mark')!.textContent).not.toBe(day('2026-12-24').querySelector('.cal-mark')!.textContent);
  });

  it('tells reported, missed, leave and today apart in names and markers', () => {
    mount(<Harness start="2026-11" picks={[]} reported={['2026-11-02']} missed={['2026-11-03']} />);
    expect(dayName('2026-11-02')).toBe('Senin, 2 November 2026: Sudah lapor');
    expect(dayName('2026-11-03')).toBe('Selasa, 3 November 2026: Belum lapor');
    expect(dayName('2026-11-16')).toBe('Senin, 16 November 2026: Cuti tahunan — Pulang kampung');
    expect(dayName('2026-11-12')).toBe('Kamis, 12 November 2026 (hari ini): Hari kerja');
    expect(day('2026-11-12').getAttribute('aria-current')).toBe('date');
    expect(day('2026-11-13').hasAttribute('aria-current')).toBe(false);
    const marks = ['2026-11-02', '2026-11-03', '2026-11-16'].map((d) => day(d).querySelector('.cal-mark')!.textContent);
    expect(new Set(marks).size).toBe(3);
    expect(marks.every((m) => m !== '')).toBe(true);
  });

  it('moves between months with the previous / next buttons and back to this month', () => {
    mount(<Harness start="2026-12" picks={[]} />);
    click(button('Bulan berikutnya'));
    expect(caption()).toBe('Januari 2027');
    expect(dayName('2027-01-01')).toBe('Jumat, 1 Januari 2027: Hari kerja');
    // 2027 is not in the shipped table: say so.
    expect(root.querySelector('.cal-note')!.textContent).toContain('2027');
    click(button('Bulan sebelumnya'));
    click(button('Bulan sebelumnya'));
    expect(caption()).toBe('November 2026');
    expect(root.querySelector('.cal-note')).toBeNull();
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Bulan ini')).toBe(false);
    click(button('Bulan sebelumnya'));
    expect(caption()).toBe('Oktober 2026');
    click(button('Bulan ini'));
    expect(caption()).toBe('November 2026');
  });

  it('calls onPickDay with the date of the clicked day', () => {
    const picks: string[] = [];
    mount(<Harness start="2026-12" picks={picks} />);
    click(day('2026-12-28'));
    click(day('2026-12-25'));
    expect(picks).toEqual(['2026-12-28', '2026-12-25']);
  });

  it('moves focus with the arrow keys, into the next month at the edge', async () => {
    mount(<Harness start="2026-12" picks={[]} />);
    day('2026-12-30').focus();
    press(day('2026-12-30'), 'ArrowRight');
    expect(document.activeElement).toBe(day('2026-12-31'));
    press(day('2026-12-31'), 'ArrowDown');
    await waitFor(() => {
      expect(caption()).toBe('Januari 2027');
      expect((document.activeElement as HTMLElement).dataset.date).toBe('2027-01-07');
    });
  });

  it('has a legend naming every kind with a swatch, and no untranslated key', () => {
    mount(<Harness start="2026-11" picks={[]} />);
    const items = [...root.querySelectorAll('.cal-legend li')].map((li) => li.textContent!.trim());
    for (const text of ['Libur nasional', 'Cuti bersama', 'Libur tambahan', 'Tidak masuk kerja', 'Akhir pekan', 'Sudah lapor', 'Belum lapor', 'Hari kerja', 'Hari ini']) {
      expect(items.some((i) => i.endsWith(text)), text).toBe(true);
    }
    expect(root.querySelector('.cal-legend h3')!.textContent).toBe('Keterangan');
    expect(root.querySelectorAll('.cal-legend .cal-swatch')).toHaveLength(items.length);
    const all = root.innerHTML;
    expect(all).not.toMatch(/calendar_[a-z_]+/);
  });
});
