import { describe, expect, it } from 'vitest';
import { currentDay, isFinished, runDays, runView, startRun, stepRun, type RunState } from '@/utils/reporting/run';

const none = new Set<string>();
const A = '2026-11-30', B = '2026-12-01', C = '2026-12-02', D = '2026-12-03';

function queue(days = [A, B, C], reported: ReadonlySet<string> = none): RunState {
  const run = startRun('r1', 'queue', days, reported, 7);
  if (!run) throw new Error('no run');
  return run;
}

describe('the reporting run (Lapor susulan, today, one day)', () => {
  it('takes valid days once, in date order', () => {
    expect(runDays([C, A, 'kemarin', B, A, '2026-1-5'])).toEqual([A, B, C]);
    expect(startRun('x', 'queue', ['bukan tanggal'], none)).toBeNull();
    const run = queue([C, A, B]);
    expect(run.days).toEqual([A, B, C]);
    expect(currentDay(run)).toBe(A);
    expect(runView(run)).toMatchObject({ position: 1, total: 3, date: A, stage: 'open', finished: false });
  });

  it('advances only on a confirmed save of the current day, after it was filled', () => {
    let run = queue();
    run = stepRun(run, { type: 'filled', date: A });
    expect(run.stage).toBe('filled');
    // Another day's outcome, and an unconfirmed one, do not move it.
    expect(stepRun(run, { type: 'outcome', date: B, outcome: 'confirmed' })).toBe(run);
    const waiting = stepRun(run, { type: 'outcome', date: A, outcome: 'unconfirmed' });
    expect(waiting).toMatchObject({ index: 0, stage: 'unconfirmed' });
    // The calendar confirms it later: reported, next day's modal wanted.
    const next = stepRun(waiting, { type: 'reported', dates: new Set([A]) });
    expect(next).toMatchObject({ index: 1, stage: 'open', results: { [A]: 'reported' } });
    expect(next.attempt).toBeGreaterThan(waiting.attempt);
    const after = stepRun(stepRun(next, { type: 'filled', date: B }), { type: 'outcome', date: B, outcome: 'confirmed' });
    expect(runView(after)).toMatchObject({ position: 3, date: C, reported: 2 });
  });

  it('a failed save keeps the day and asks for its modal again; Lewati leaves it missed', () => {
    let run = stepRun(queue(), { type: 'filled', date: A });
    const failed = stepRun(run, { type: 'outcome', date: A, outcome: 'failed' });
    expect(failed).toMatchObject({ index: 0, stage: 'open', failed: true, attempt: run.attempt + 1 });
    run = stepRun(failed, { type: 'skip', date: A });
    expect(run).toMatchObject({ index: 1, failed: false, results: { [A]: 'skipped' } });
    // A skip for a day that is not current (a stale bar) does nothing.
    expect(stepRun(run, { type: 'skip', date: A })).toBe(run);
  });

  it('passes over days reported meanwhile (by hand, or on the site), never filling them', () => {
    let run = queue([A, B, C, D], new Set([A]));
    expect(run).toMatchObject({ index: 1, results: { [A]: 'already' } });
    // C is marked by hand while B is up: when B is saved, C is passed over.
    run = stepRun(run, { type: 'reported', dates: new Set([A, C]) });
    expect(currentDay(run)).toBe(B);
    run = stepRun(stepRun(run, { type: 'filled', date: B }), { type: 'outcome', date: B, outcome: 'confirmed' }, new Set([A, C]));
    expect(currentDay(run)).toBe(D);
    expect(run.results).toEqual({ [A]: 'already', [B]: 'reported', [C]: 'already' });
    // D becomes reported before it was filled: passed over too; the run is finished.
    run = stepRun(run, { type: 'reported', dates: new Set([A, C, D]) });
    expect(isFinished(run)).toBe(true);
    expect(runView(run)).toMatchObject({ finished: true, position: 0, date: null, reported: 1, already: 3, skipped: 0 });
    expect(queue([A], new Set([A])).index).toBe(1);
  });

  it('Berhenti ends the run; a finished run ignores everything but its tab', () => {
    const run = stepRun(queue(), { type: 'stop' });
    expect(runView(run)).toMatchObject({ finished: true, stopped: true });
    expect(stepRun(run, { type: 'outcome', date: A, outcome: 'confirmed' })).toBe(run);
    expect(stepRun(run, { type: 'tab', tabId: 9 }).tabId).toBe(9);
    expect(stepRun(run, { type: 'tab', tabId: 7 })).toBe(run);
  });

  it('a one-day run fills its day even when it has an entry, and ends on its next confirmed save', () => {
    let run = startRun('t', 'one', [A], new Set([A]))!;
    expect(currentDay(run)).toBe(A);
    expect(stepRun(run, { type: 'reported', dates: new Set([A]) })).toBe(run);
    run = stepRun(stepRun(run, { type: 'filled', date: A }), { type: 'outcome', date: A, outcome: 'confirmed' });
    expect(runView(run)).toMatchObject({ finished: true, reported: 1 });
  });

  it('a filled event for another day or twice changes nothing', () => {
    const run = queue();
    expect(stepRun(run, { type: 'filled', date: B })).toBe(run);
    const filled = stepRun(run, { type: 'filled', date: A });
    expect(stepRun(filled, { type: 'filled', date: A })).toBe(filled);
  });
});
