/**
 * The popup's ready-to-use picture of the MFA accounts. The background writes it to
 * chrome.storage.session (trusted extension contexts only, memory only, gone when the browser
 * closes) whenever accounts, the vault or the clock check change; the popup reads it straight
 * from there — no round trip to a sleeping service worker — and computes the codes itself.
 *
 * Secrets are in it only while they are usable anyway: without a passphrase (they are plain in
 * IndexedDB then) or while the vault is unlocked (the key is in storage.session then). Locked,
 * it lists the accounts without secrets.
 *
 * Small imports only: the popup's first script stays small.
 */
import type { AccountRecord } from '../db/schema';
import { sameDisplayGroup } from '../totp/duplicates';
import { moveTarget, type MoveDirection } from '../list/move';

/** Whether the MFA secrets are usable: no passphrase, or a passphrase and locked or unlocked. */
export type VaultMode = 'none' | 'locked' | 'unlocked';
/** Performance mark: the popup shows the codes (bench/mfa.ts). */
export const POPUP_CODES_MARK = 'ekinerja:popup-codes';
/** Offsets up to this are normal (the Date header has whole seconds); beyond it codes are corrected. */
export const CLOCK_TOLERANCE_MS = 10_000;
/**
 * The largest correction applied. A computer clock wrong by more is better fixed than bridged,
 * and a bigger "correction" is more likely a wrong or hostile answer (a Date header a day ahead
 * would fill tomorrow's code): beyond it the codes are not shifted and the popup asks the user to
 * fix the clock.
 */
export const MAX_CLOCK_CORRECTION_MS = 5 * 60_000;

export type SnapshotAccount = Pick<AccountRecord, 'id' | 'issuer' | 'account' | 'algorithm' | 'digits' | 'period' | 'pinned' | 'order'> & {
  /** Base32, absent while locked. */
  secret?: string;
};

export interface ClockState {
  /** Server time − this computer's time, ms; null when never measured (offline, no check yet). */
  offsetMs: number | null;
  /** When it was last measured or tried (Unix ms). */
  checkedAt: number | null;
  /** A reading that moved the offset far and waits for a second, agreeing one (utils/background/clock.ts). */
  pendingMs?: number | null;
}

export interface CodesSnapshot {
  vault: VaultMode;
  /** In display order (pinned, then ASN Digital, then the user's order). */
  accounts: SnapshotAccount[];
  clock: ClockState;
}

/** The correction applied to the codes: the measured offset when it exceeds the tolerance and is within the bound, else 0. */
export function appliedOffset(clock: ClockState | null | undefined): number {
  const off = clock?.offsetMs;
  if (typeof off !== 'number' || !Number.isFinite(off)) return 0;
  const size = Math.abs(off);
  return size > CLOCK_TOLERANCE_MS && size <= MAX_CLOCK_CORRECTION_MS ? off : 0;
}

/** Whether the measured offset is too large to correct: the user must fix the computer's clock. */
export function clockTooFar(clock: ClockState | null | undefined): boolean {
  const off = clock?.offsetMs;
  return typeof off === 'number' && Number.isFinite(off) && Math.abs(off) > MAX_CLOCK_CORRECTION_MS;
}

/**
 * Whether the account at `i` of the display order can move up / down: only within its group
 * (utils/totp/duplicates.ts displayGroup; pinning is how an account goes above the ASN Digital one).
 */
export function canMove(list: readonly Pick<AccountRecord, 'pinned' | 'issuer'>[], i: number, direction: MoveDirection): boolean {
  return moveTarget(list, i, direction, sameDisplayGroup) >= 0;
}
