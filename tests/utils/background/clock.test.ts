import { describe, expect, it } from 'vitest';
import { CLOCK_CHECK_EVERY_MS, CLOCK_URL, checkClock, clockCheckDue, clockOffset, foldReading, measureClock, type FetchLike } from '@/utils/background/clock';
import { appliedOffset, CLOCK_TOLERANCE_MS, clockTooFar, MAX_CLOCK_CORRECTION_MS } from '@/utils/vault/snapshot';

describe('clockOffset', () => {
  const t0 = Date.UTC(2026, 10, 30, 1, 0, 0);

  it('server second + 0.5 s − the middle of the round trip', () => {
    // Server says 01:00:42 (i.e. somewhere in 42.000–42.999); we sent at 0.000 and got it at 0.200.
    expect(clockOffset('Mon, 30 Nov 2026 01:00:42 GMT', t0, t0 + 200)).toBe(42_000 + 500 - 100);
    expect(clockOffset('Mon, 30 Nov 2026 00:59:00 GMT', t0, t0 + 100)).toBe(-60_000 + 500 - 50);
  });

  it('no usable answer: missing or garbled header, slow or backwards round trip', () => {
    expect(clockOffset(null, t0, t0 + 10)).toBeNull();
    expect(clockOffset('', t0, t0 + 10)).toBeNull();
    expect(clockOffset('yesterday', t0, t0 + 10)).toBeNull();
    expect(clockOffset('Mon, 30 Nov 2026 01:00:42 GMT', t0, t0 + 6000)).toBeNull();
    expect(clockOffset('Mon, 30 Nov 2026 01:00:42 GMT', t0, t0 - 1)).toBeNull();
  });
});

describe('clockCheckDue', () => {
  it('first time, after an hour, or when the clock went back', () => {
    expect(clockCheckDue(null, 5)).toBe(true);
    expect(clockCheckDue({ offsetMs: null, checkedAt: null }, 5)).toBe(true);
    expect(clockCheckDue({ offsetMs: 0, checkedAt: 1000 }, 1000 + CLOCK_CHECK_EVERY_MS - 1)).toBe(false);
    expect(clockCheckDue({ offsetMs: 0, checkedAt: 1000 }, 1000 + CLOCK_CHECK_EVERY_MS)).toBe(true);
    expect(clockCheckDue({ offsetMs: 0, checkedAt: 1000 }, 999)).toBe(true);
  });
});

describe('measureClock', () => {
  it('asks the SSO server with HEAD, no cookies, no cache, and reads the Date header', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    let t = 1_000_000;
    const res = await measureClock(async (url, init) => {
      seen = { url, init };
      t += 100;
      return { headers: new Headers({ date: new Date(t + 20_000).toUTCString() }) };
    }, () => t);
    expect(seen!.url).toBe(CLOCK_URL);
    expect(seen!.init).toMatchObject({ method: 'HEAD', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    expect(seen!.init.body).toBeUndefined();
    expect(res.checkedAt).toBe(1_000_100);
    expect(Math.abs(res.offsetMs! - 20_000)).toBeLessThan(1000);
  });

  it('offline: no throw, no offset', async () => {
    const res = await measureClock(async () => { throw new TypeError('Failed to fetch'); }, () => 7);
    expect(res).toEqual({ offsetMs: null, checkedAt: 7 });
  });
});

describe('foldReading and checkClock', () => {
  const at = 1_000;
  it('takes a reading near the offset in use at once, and keeps the last offset offline', () => {
    expect(foldReading({ offsetMs: 20_000, checkedAt: 0 }, { offsetMs: 25_000, checkedAt: at })).toEqual({ offsetMs: 25_000, checkedAt: at, pendingMs: null });
    expect(foldReading({ offsetMs: 20_000, checkedAt: 0 }, { offsetMs: null, checkedAt: at })).toEqual({ offsetMs: 20_000, checkedAt: at, pendingMs: null });
  });

  it('applies a large move only when a second reading agrees', () => {
    const first = foldReading({ offsetMs: null, checkedAt: null }, { offsetMs: 90_000, checkedAt: at });
    expect(first).toEqual({ offsetMs: null, checkedAt: at, pendingMs: 90_000 });
    expect(foldReading(first, { offsetMs: 91_000, checkedAt: at + 1 })).toEqual({ offsetMs: 91_000, checkedAt: at + 1, pendingMs: null });
    expect(foldReading(first, { offsetMs: 0, checkedAt: at + 1 })).toEqual({ offsetMs: 0, checkedAt: at + 1, pendingMs: null });
    expect(foldReading(first, { offsetMs: 150_000, checkedAt: at + 1 })).toEqual({ offsetMs: null, checkedAt: at + 1, pendingMs: 150_000 });
  });

  it('checkClock asks twice for a large move and once otherwise', async () => {
    const headers: number[] = [];
    const fetcher = (server: number[]): FetchLike => async () => {
      const ms = server.shift()!;
      headers.push(ms);
      return { headers: new Headers({ date: new Date(ms).toUTCString() }) };
    };
    const t = Date.UTC(2026, 10, 30, 1, 0, 0);
    expect((await checkClock({ offsetMs: null, checkedAt: null }, fetcher([t + 3000]), () => t)).offsetMs).toBe(3500);
    expect(headers).toHaveLength(1);
    const agreed = await checkClock({ offsetMs: null, checkedAt: null }, fetcher([t + 86_400_000, t + 86_400_000]), () => t);
    expect(headers).toHaveLength(3);
    // Agreed and kept (the popup tells the user), but never applied beyond MAX_CLOCK_CORRECTION_MS.
    expect(agreed.offsetMs).toBe(86_400_500);
    expect(clockTooFar(agreed)).toBe(true);
    expect(appliedOffset(agreed)).toBe(0);
  });
});

describe('appliedOffset', () => {
  it('applies offsets between the tolerance and five minutes only', () => {
    const c = (offsetMs: number | null) => ({ offsetMs, checkedAt: 1 });
    expect(appliedOffset(c(null))).toBe(0);
    expect(appliedOffset(c(CLOCK_TOLERANCE_MS))).toBe(0);
    expect(appliedOffset(c(-60_000))).toBe(-60_000);
    expect(appliedOffset(c(MAX_CLOCK_CORRECTION_MS))).toBe(MAX_CLOCK_CORRECTION_MS);
    expect(appliedOffset(c(MAX_CLOCK_CORRECTION_MS + 1))).toBe(0);
    expect(appliedOffset(c(-86_400_000))).toBe(0);
    expect(clockTooFar(c(-86_400_000))).toBe(true);
    expect(clockTooFar(c(60_000))).toBe(false);
    expect(appliedOffset(c(Number.NaN))).toBe(0);
  });
});
