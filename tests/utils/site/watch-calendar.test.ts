import { describe, expect, it } from 'vitest';
import type { CalendarReading } from '@/utils/site/calendar-reader';
import { watchCalendar } from '@/utils/site/watch-calendar';
import { loadReplica, until } from '../fill/replica';

describe('watchCalendar', () => {
  it('reports what the replica\'s calendar shows, only on the daily-progress page, and nothing after its signal aborts', async () => {
    loadReplica('date=2026-10-05');
    const elsewhere: CalendarReading[] = [];
    const other = new AbortController();
    watchCalendar(document, other.signal, (r) => elsewhere.push(r), { pathname: '/skp' });

    const readings: CalendarReading[] = [];
    const stop = new AbortController();
    const restart = watchCalendar(document, stop.signal, (r) => readings.push(r), { pathname: '/kinerja_harian' });
    const first = await until(() => readings[0], 5000);
    expect(first).toMatchObject({ ok: true, view: 'week' });
    expect(first.ok && first.shown).toContain('2026-10-05');

    stop.abort();
    other.abort();
    restart(); // navigation after the feature stopped: nothing starts again
    document.querySelector('.vuecal')!.classList.add('changed');
    await new Promise((r) => setTimeout(r, 400));
    expect(readings).toHaveLength(1);
    expect(elsewhere).toEqual([]);
  });
});
