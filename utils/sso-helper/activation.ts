/**
 * The MFA activation page: a button beside the QR code that saves its account in one click, then
 * fills the first code into the page's `#totp` field (the user still clicks Submit).
 */
import type { SaveActivationResult } from '../messaging/accounts';
import { attemptedUsername, findActivation, qrDataUrl, type ActivationPage } from '../site/sso';
import { fromButton, keepBeside, ssoButton, type FillOutcome, type SsoButton } from './button';
import { putCode, type CodeDeps } from './code';

export interface ActivationDeps extends CodeDeps {
  saveActivation(data: { dataUrl?: string; keyText?: string; username?: string }): Promise<SaveActivationResult>;
}

export interface ActivationSave {
  /** Saves as the button does (for the popup's request); null when this is not the activation page. */
  save(): Promise<FillOutcome> | null;
  /** The button's widget, when shown. */
  button(): SsoButton | null;
}

export function startActivationSave(doc: Document, deps: ActivationDeps, signal: AbortSignal): ActivationSave {
  const { t } = deps;
  const save = (page: ActivationPage, w: SsoButton) =>
    fromButton(w, t, 'sso_saving', async () => {
      const res = await deps.saveActivation({
        dataUrl: page.qr ? qrDataUrl(page.qr) ?? undefined : undefined,
        keyText: page.keyText ?? undefined,
        username: attemptedUsername(doc),
      });
      if (!res.ok) {
        w.say(t(res.error), true);
        return res;
      }
      const label = res.issuer ? `${res.issuer}: ${res.account}` : res.account;
      if (page.totp) {
        await putCode(page.totp, w, res, deps, signal);
        w.say(t(res.added ? 'sso_activation_saved_filled' : 'sso_activation_exists_filled', label));
      } else {
        w.say(t(res.added ? 'sso_activation_saved' : 'sso_activation_exists', label));
      }
      return { ok: true };
    });
  const shown = keepBeside(
    doc,
    () => findActivation(doc),
    (page, s) => {
      const w = ssoButton(doc, 'activation', t('sso_save_button'), () => void save(page, w), s);
      return w;
    },
    signal,
  );
  return {
    save: () => {
      const now = shown();
      return now && save(now.found, now.w);
    },
    button: () => shown()?.w ?? null,
  };
}
