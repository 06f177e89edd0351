/**
 * The popup's live codes: a clock that ticks on every second of the corrected time (so a code
 * changes the moment it turns), and each account's code and seconds left at that time.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { secondsRemaining, totpCode } from '../totp/totp';
import type { SnapshotAccount } from '../vault/snapshot';

export interface CodeRow {
  a: SnapshotAccount;
  /** The code now; null while locked or when the account has no usable key. */
  code: string | null;
  left: number;
}

/**
 * While `ticking`, calls `onTick(now())` at once and then on every second of `now() + offset`
 * (the corrected clock), so the codes change the moment they turn.
 */
export function useSecondTicks(now: () => number, ticking: boolean, offset: number, onTick: (nowMs: number) => void): void {
  const clock = useRef(now);
  clock.current = now;
  useEffect(() => {
    if (!ticking) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const n = clock.current();
      onTick(n);
      timer = setTimeout(tick, 1000 - ((n + offset) % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [ticking, offset, onTick]);
}

/** Each account's code at `at` (Unix ms, corrected), computed once per account and time step. */
export function useCodeRows(accounts: readonly SnapshotAccount[] | null, locked: boolean, at: number): CodeRow[] {
  const cache = useRef(new Map<string, string>());
  return useMemo(() => {
    if (!accounts) return [];
    return accounts.map((a) => ({ a, code: locked ? null : cachedCode(cache.current, a, at), left: secondsRemaining(a.period, at) }));
  }, [accounts, locked, at]);
}

function cachedCode(cache: Map<string, string>, a: SnapshotAccount, at: number): string | null {
  if (!a.secret) return null;
  const step = Math.floor(at / 1000 / a.period);
  const k = `${a.id}|${a.secret}|${a.algorithm}|${a.digits}|${a.period}|${step}`;
  let code = cache.get(k) ?? null;
  if (code === null) {
    try {
      code = totpCode({ secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period }, at);
    } catch {
      code = null;
    }
    if (cache.size > 500) cache.clear();
    if (code !== null) cache.set(k, code);
  }
  return code;
}
