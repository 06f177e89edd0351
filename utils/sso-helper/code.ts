/** Putting a TOTP code into a Keycloak field: never one about to expire, never submitting. */
import type { SsoCodeResult } from '../messaging/accounts';
import { setValue } from '../fill/events';
import type { SsoButton, Translate } from './button';

/** Below this, the code would expire while the user submits: wait for the next one. */
export const FILL_MIN_REMAINING_MS = 3000;

/** How long to wait before filling: until the next code when fewer than 3 s remain, else 0. */
export function waitBeforeFill(remainingMs: number): number {
  return remainingMs < FILL_MIN_REMAINING_MS ? Math.max(0, remainingMs) : 0;
}

/** Focuses the field (so the user can press Enter — the helper never submits) and types `code` framework-safely. */
export function typeCode(input: HTMLInputElement, code: string): void {
  input.focus();
  setValue(input, code);
}

export interface CodeDeps {
  t: Translate;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Fills `field` with the code, or with the next one after waiting when fewer than 3 s remain. */
export async function putCode(field: HTMLInputElement, w: SsoButton, res: Extract<SsoCodeResult, { ok: true }>, deps: CodeDeps, signal: AbortSignal): Promise<void> {
  const wait = waitBeforeFill(res.remainingMs);
  if (wait === 0) return typeCode(field, res.code);
  w.say(deps.t('sso_waiting_next', String(Math.ceil(wait / 1000))));
  await deps.sleep(wait, signal);
  if (!signal.aborted) typeCode(field, res.next);
}
