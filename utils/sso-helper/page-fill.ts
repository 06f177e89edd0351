/**
 * The popup's "Isi di halaman ini": the SSO features offer what they can do on this page, in the
 * order they were started; the first that applies (the OTP field, else the activation page) acts.
 */
import { onAbort } from '../page/feature';
import type { FillOutcome } from './button';

/** Acts like the feature's button; null when the feature has nothing on this page. */
export type PageFill = (accountId?: string) => Promise<FillOutcome> | null;

const offers = new Set<PageFill>();

/** Offers `fill` until `signal` aborts. */
export function offerPageFill(fill: PageFill, signal: AbortSignal): void {
  offers.add(fill);
  onAbort(signal, () => offers.delete(fill));
}

/** Runs the first offer that applies to this page. */
export function fillOnPage(accountId?: string): Promise<FillOutcome> {
  for (const fill of offers) {
    const outcome = fill(accountId);
    if (outcome) return outcome;
  }
  return Promise.resolve({ ok: false, error: 'mfa_err_no_field' });
}
