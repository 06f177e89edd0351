import { describe, expect, it } from 'vitest';
import { createQueue, QueueTimeoutError } from '@/utils/background/queue';

const never = () => new Promise<never>(() => undefined);

describe('the background queue', () => {
  it('runs jobs one at a time, in order, and a failed job does not stop the next', async () => {
    const queue = createQueue({ name: 'test' });
    const log: string[] = [];
    let release!: () => void;
    const first = queue(async () => {
      log.push('first starts');
      await new Promise<void>((r) => { release = r; });
      log.push('first ends');
      return 1;
    });
    const second = queue(async () => {
      log.push('second');
      throw new Error('boom');
    });
    const third = queue(async () => {
      log.push('third');
      return 3;
    });
    await expect.poll(() => log).toEqual(['first starts']);
    release();
    await expect(first).resolves.toBe(1);
    await expect(second).rejects.toThrow('boom');
    await expect(third).resolves.toBe(3);
    expect(log).toEqual(['first starts', 'first ends', 'second', 'third']);
  });

  it('fails a job that runs past its limit with a clear error, and the queue moves on', async () => {
    const queue = createQueue({ name: 'exclusive', timeoutMs: 50 });
    const hung = queue(never);
    const next = queue(async () => 'next ran');
    await expect(hung).rejects.toBeInstanceOf(QueueTimeoutError);
    await expect(hung).rejects.toThrow('A "exclusive" job ran longer than 50 ms and was given up; the jobs after it go on');
    await expect(next).resolves.toBe('next ran');
  });

  it('gives each job its own limit, counted from when it starts', async () => {
    const queue = createQueue({ name: 'test', timeoutMs: 250 });
    const slowButFine = (ms: number) => queue(() => new Promise<string>((r) => setTimeout(() => r(`done after ${ms}`), ms)));
    // Three jobs of 100 ms each take 300 ms together: none is over its own limit.
    await expect(Promise.all([slowButFine(100), slowButFine(100), slowButFine(100)])).resolves.toEqual(['done after 100', 'done after 100', 'done after 100']);
  });

  it('fails a job that throws synchronously like one that rejects', async () => {
    const queue = createQueue({ name: 'test' });
    await expect(queue(() => { throw new Error('sync'); })).rejects.toThrow('sync');
    await expect(queue(async () => 'after')).resolves.toBe('after');
  });
});
