import { describe, expect, it } from 'vitest';
import { SaveTracker, settingsProblem, type SaveState } from '@/utils/ui/use-autosave';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

function deferred() {
  let resolve!: (ok: boolean) => void;
  const promise = new Promise<boolean>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('SaveTracker', () => {
  it('says "saving" until every pending save is done, and runs them in order', async () => {
    const states: SaveState[] = [];
    const order: string[] = [];
    const s = new SaveTracker((st) => states.push(st));
    const a = deferred();
    const first = s.run('a', async () => { order.push('a start'); const ok = await a.promise; order.push('a end'); return ok; });
    const second = s.run('b', async () => { order.push('b'); return true; });
    expect(s.state).toBe('saving');
    a.resolve(true);
    await Promise.all([first, second]);
    expect(order).toEqual(['a start', 'a end', 'b']);
    expect(states).toEqual(['saving', 'saving', 'saving', 'saved']);
    expect(s.state).toBe('saved');
  });

  it('stays "failed" while a refused field is not saved again, whatever else is saved', async () => {
    const s = new SaveTracker(() => {});
    expect(s.state).toBe('idle');
    await s.run('time', async () => false);
    expect(s.state).toBe('failed');
    expect(s.unsaved).toBe(true);
    await s.run('zone', async () => true);
    expect(s.state).toBe('failed');
    await s.run('time', async () => true);
    expect(s.state).toBe('saved');
    expect(s.unsaved).toBe(false);
  });

  it('counts a save that throws as refused, and the next save still runs', async () => {
    const s = new SaveTracker(() => {});
    await expect(s.run('x', () => Promise.reject(new Error('gone')))).resolves.toBe(false);
    await expect(s.run('y', async () => true)).resolves.toBe(true);
    expect(s.state).toBe('failed');
  });

  it('settled() waits for every save asked for so far, and says whether all were stored', async () => {
    const s = new SaveTracker(() => undefined);
    const slow = deferred();
    void s.run('targetTime', () => slow.promise);
    let answer: boolean | null = null;
    const settled = s.settled().then((ok) => { answer = ok; });
    await Promise.resolve();
    expect(answer).toBeNull(); // the deadline's save is still running
    slow.resolve(false);
    await settled;
    expect(answer).toBe(false);
    await s.run('targetTime', async () => true);
    await expect(s.settled()).resolves.toBe(true);
  });
});

describe('settingsProblem', () => {
  it('is nothing for a stored change, the refusal\'s message for a refused one, and says so when the background did not answer', () => {
    expect(settingsProblem({ ok: true, settings: DEFAULT_SETTINGS })).toBeUndefined();
    expect(settingsProblem({ ok: false, problems: [{ field: 'targetTime', code: 'settings_time_invalid' }] })).toBe('settings_time_invalid');
    expect(settingsProblem({ ok: false, problems: [] })).toBe('options_not_saved');
    expect(settingsProblem(null)).toBe('error_background');
  });
});
