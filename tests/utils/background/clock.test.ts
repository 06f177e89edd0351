import { describe, expect, it } from 'vitest';
import { CLOCK_CHECK_EVERY_MS, CLOCK_URL, clockCheckDue, clockOffset, measureClock } from '@/utils/background/clock';

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
