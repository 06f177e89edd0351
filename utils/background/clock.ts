/**
 * The clock check: TOTP codes depend on this computer's clock, and "kode OTP tidak valid" is
 * most often a wrong clock. The `Date` header of the SSO server tells the server's time; the
 * difference is applied to the codes when it exceeds 10 s (utils/vault/snapshot.ts).
 *
 * At most one request an hour, only when the popup opens; offline it simply records that it
 * tried (no error, no retry storm). The result is kept in storage.session (clockCheckItem), out
 * of content scripts' reach. The request carries nothing: no cookies, no referrer, no body.
 *
 * A reading that moves the offset by more than CLOCK_TOLERANCE_MS is applied only when a second
 * reading agrees with it (foldReading); an offset beyond MAX_CLOCK_CORRECTION_MS is kept (the
 * popup tells the user to fix the clock) but never shifts the codes (appliedOffset).
 */
import { CLOCK_TOLERANCE_MS, type ClockState } from '../vault/snapshot';

export const CLOCK_URL = 'https://sso-siasn.bkn.go.id/';
export const CLOCK_CHECK_EVERY_MS = 60 * 60 * 1000;
const CLOCK_TIMEOUT_MS = 5000;
/** A round trip longer than this says too little about the server's second. */
const MAX_ROUND_TRIP_MS = 5000;
/** Two readings agree when they differ by at most this (whole-second header + round trips). */
export const READINGS_AGREE_MS = 2500;

/**
 * Server time − local time from a `Date` header and the local times the request left and the
 * answer came. The header has whole seconds (the server truncates), so its middle is +500 ms;
 * the local reference is the middle of the round trip. null when the header is missing or
 * unreadable, or the round trip is too slow to trust.
 */
export function clockOffset(dateHeader: string | null | undefined, sentAt: number, receivedAt: number): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (!Number.isFinite(server)) return null;
  if (receivedAt < sentAt || receivedAt - sentAt > MAX_ROUND_TRIP_MS) return null;
  return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

/** Whether a new check is due at `now` after `last`. */
export function clockCheckDue(last: ClockState | null | undefined, now: number): boolean {
  const at = last?.checkedAt;
  return typeof at !== 'number' || !Number.isFinite(at) || now - at >= CLOCK_CHECK_EVERY_MS || now < at;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'headers'>>;

/** One measurement; never throws (offline → offsetMs null). */
export async function measureClock(fetcher: FetchLike, nowMs: () => number): Promise<ClockState> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CLOCK_TIMEOUT_MS);
  const sentAt = nowMs();
  try {
    const res = await fetcher(CLOCK_URL, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: controller.signal,
    });
    const receivedAt = nowMs();
    return { offsetMs: clockOffset(res.headers.get('date'), sentAt, receivedAt), checkedAt: receivedAt };
  } catch {
    return { offsetMs: null, checkedAt: nowMs() };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The clock state after one more reading. Offline keeps the last offset (clocks drift slowly). A
 * reading near the offset in use is taken at once; one that moves it far is only remembered
 * (`pendingMs`) until a second reading agrees with it, so a single odd answer changes nothing.
 */
export function foldReading(last: ClockState, reading: ClockState): ClockState {
  const measured = reading.offsetMs;
  const kept = { offsetMs: last.offsetMs, checkedAt: reading.checkedAt };
  if (typeof measured !== 'number' || !Number.isFinite(measured)) return { ...kept, pendingMs: last.pendingMs ?? null };
  if (Math.abs(measured - (last.offsetMs ?? 0)) <= CLOCK_TOLERANCE_MS) return { offsetMs: measured, checkedAt: reading.checkedAt, pendingMs: null };
  const pending = last.pendingMs;
  if (typeof pending === 'number' && Math.abs(measured - pending) <= READINGS_AGREE_MS) {
    return { offsetMs: measured, checkedAt: reading.checkedAt, pendingMs: null };
  }
  return { ...kept, pendingMs: measured };
}

/**
 * One clock check: a reading, and when it moves the offset far, a second one at once. The result
 * applies the new offset only if both agree.
 */
export async function checkClock(last: ClockState, fetcher: FetchLike, nowMs: () => number): Promise<ClockState> {
  const first = foldReading({ ...last, pendingMs: null }, await measureClock(fetcher, nowMs));
  if (first.pendingMs == null) return first;
  return foldReading(first, await measureClock(fetcher, nowMs));
}
