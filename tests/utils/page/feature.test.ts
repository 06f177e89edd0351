import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { matchesUrl, onAbort, runFeatures, sleep, type PageFeature } from '@/utils/page/feature';

/** The part of WXT's context the runner uses: a signal that aborts when the context is invalidated. */
function fakeCtx() {
  const ctl = new AbortController();
  const ctx = { signal: ctl.signal, onInvalidated: (cb: () => void) => ctl.signal.addEventListener('abort', cb) } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => ctl.abort() };
}

afterEach(() => vi.restoreAllMocks());

describe('matchesUrl', () => {
  it('matches the content scripts\' patterns, "*" standing for anything', () => {
    expect(matchesUrl('https://kinerja.bkn.go.id/*', 'https://kinerja.bkn.go.id/kinerja_harian?x=1')).toBe(true);
    expect(matchesUrl('https://kinerja.bkn.go.id/*', 'https://sso-siasn.bkn.go.id/realms/x')).toBe(false);
    expect(matchesUrl('https://kinerja.bkn.go.id/*', 'https://kinerjaxbkn.go.id/')).toBe(false); // dots are literal
    expect(matchesUrl('https://kinerja.bkn.go.id/*', 'http://kinerja.bkn.go.id/')).toBe(false);
  });
});

describe('runFeatures', () => {
  it('starts only the features whose patterns match, each with its own signal', () => {
    const { ctx, invalidate } = fakeCtx();
    const signals: Record<string, AbortSignal> = {};
    const feature = (name: string, matches: string[]): PageFeature => ({ name, matches, init: (_c, s) => { signals[name] = s; } });
    runFeatures(ctx, [feature('a', ['https://a.test/*']), feature('b', ['https://b.test/*']), feature('c', ['https://a.test/x*'])], 'https://a.test/xyz');
    expect(Object.keys(signals)).toEqual(['a', 'c']);
    expect(signals.a).not.toBe(signals.c);
    expect(signals.a!.aborted).toBe(false);
    invalidate(); // the extension was reloaded: every feature stops
    expect(signals.a!.aborted && signals.c!.aborted).toBe(true);
  });

  it('a failing feature (at once or later) stops itself only, and says so in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ctx } = fakeCtx();
    const signals: AbortSignal[] = [];
    const all = ['https://a.test/*'];
    runFeatures(ctx, [
      { name: 'throws', matches: all, init: (_c, s) => { signals.push(s); throw new Error('boom'); } },
      { name: 'rejects', matches: all, init: async (_c, s) => { signals.push(s); await Promise.resolve(); throw new Error('later'); } },
      { name: 'works', matches: all, init: (_c, s) => { signals.push(s); } },
    ], 'https://a.test/');
    await vi.waitFor(() => expect(signals[1]!.aborted).toBe(true));
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    expect(error.mock.calls.map((c) => c[0])).toEqual(['[Asisten e-Kinerja] "throws" stopped:', '[Asisten e-Kinerja] "rejects" stopped:']);
  });

  it('on an already invalidated context, features start with an aborted signal', () => {
    const { ctx, invalidate } = fakeCtx();
    invalidate();
    let signal: AbortSignal | undefined;
    runFeatures(ctx, [{ name: 'x', matches: ['https://a.test/*'], init: (_c, s) => { signal = s; } }], 'https://a.test/');
    expect(signal?.aborted).toBe(true);
  });
});

describe('abort helpers', () => {
  it('onAbort runs on abort, or at once when already aborted', () => {
    const ctl = new AbortController();
    const calls: string[] = [];
    onAbort(ctl.signal, () => calls.push('later'));
    expect(calls).toEqual([]);
    ctl.abort();
    onAbort(ctl.signal, () => calls.push('now'));
    expect(calls).toEqual(['later', 'now']);
  });

  it('sleep resolves after the time, or at once on abort', async () => {
    const ctl = new AbortController();
    const slept = sleep(60_000, ctl.signal);
    ctl.abort();
    await expect(slept).resolves.toBeUndefined();
    await expect(sleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});
