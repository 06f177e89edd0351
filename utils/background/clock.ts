/**
 * The clock check: TOTP codes depend on this computer's clock, and "kode OTP tidak valid" is
 * most often a wrong clock. The `Date` header of the SSO server tells the server's time; the
 * difference is applied to the codes when it exceeds 10 s (utils/vault/snapshot.ts).
 *
 * At most one request an hour, only when the popup opens; offline it simply records that it
 * tried (no error, no retry storm). The result is kept in storage.local (clockCheckItem). The request carries nothing: no cookies, no referrer, no body.
 */
import type { ClockState } from '../vault/snapshot';

export const CLOCK_URL = 'https://sso-siasn.bkn.go.id/';
export const CLOCK_CHECK_EVERY_MS = 60 * 60 * 1000;
const CLOCK_TIMEOUT_MS = 5000;
/** A round trip longer than this says too little about the server's second. */
const MAX_ROUND_TRIP_MS = 5000;

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
