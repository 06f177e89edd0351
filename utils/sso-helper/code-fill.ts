/**
 * The OTP step: an "Isi kode MFA" button right after the one-time-code field; a click fills the
 * current code (the next one when fewer than 3 s remain), framework-safely, and never submits.
 */
import type { SsoCodeResult } from '../messaging/accounts';
import { attemptedUsername, findOtpField } from '../site/sso';
import { fromButton, keepBeside, ssoButton, type FillOutcome, type SsoButton } from './button';
import { putCode, type CodeDeps } from './code';

export interface CodeFillDeps extends CodeDeps {
  getCode(data: { username?: string; accountId?: string }): Promise<SsoCodeResult>;
}

export interface CodeFill {
  /** Fills as the button does (for the popup's request); null when the page has no OTP field. */
  fill(accountId?: string): Promise<FillOutcome> | null;
  /** The button's widget, when shown. */
  button(): SsoButton | null;
}

export function startCodeFill(doc: Document, deps: CodeFillDeps, signal: AbortSignal): CodeFill {
  const fill = (field: HTMLInputElement, w: SsoButton, accountId?: string) =>
    fromButton(w, deps.t, 'sso_getting_code', async () => {
      const res = await deps.getCode({ username: attemptedUsername(doc), accountId });
      if (!res.ok) {
        w.say(deps.t(res.error), true);
        return res;
      }
      await putCode(field, w, res, deps, signal);
      w.say(deps.t('sso_filled'));
      return { ok: true };
    });
  const shown = keepBeside(
    doc,
    () => {
      const field = findOtpField(doc);
      return field && { anchor: field, field };
    },
    ({ field }, s) => {
      const w = ssoButton(doc, 'otp', deps.t('sso_fill_button'), () => void fill(field, w), s);
      return w;
    },
    signal,
  );
  return {
    fill: (accountId) => {
      const now = shown();
      return now && fill(now.found.field, now.w, accountId);
    },
    button: () => shown()?.w ?? null,
  };
}
