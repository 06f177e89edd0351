/**
 * The MFA activation page: a button beside the QR code that saves its account, then fills the
 * first code into the page's `#totp` field (the user still clicks Submit). The page decides what
 * its QR code holds (a hostile one could plant its own key, issue 12 finding 3), so before
 * anything is written the widget shows what would be saved — issuer, account, the key's last 4
 * characters — and asks; when an account of that name is already saved with another key, it asks
 * whether to replace it or save a second one. An account already saved with this key is only filled.
 */
import type { ActivationConfirm, SaveActivationResult } from '../messaging/accounts';
import { attemptedUsername, findActivation, qrDataUrl, type ActivationPage } from '../site/sso';
import { fromButton, keepBeside, ssoButton, type FillOutcome, type SsoButton } from './button';
import { putCode, type CodeDeps } from './code';

export interface ActivationDeps extends CodeDeps {
  saveActivation(data: { dataUrl?: string; keyText?: string; username?: string; confirm?: ActivationConfirm }): Promise<SaveActivationResult>;
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
      // What the page shows now is read once; the confirmation is for exactly this.
      const data = {
        dataUrl: page.qr ? qrDataUrl(page.qr) ?? undefined : undefined,
        keyText: page.keyText ?? undefined,
        username: attemptedUsername(doc),
      };
      let res = await deps.saveActivation(data);
      // At most twice: a second preview means the account changed under the question (asked again once).
      for (let round = 0; round < 2 && !res.ok && 'needsConfirm' in res; round++) {
        const p = res.needsConfirm;
        const answer = p.sameName > 0
          ? await w.ask(t('sso_activation_confirm_same', [p.issuer, p.account, p.keyEnd]), [
            { label: t('sso_confirm_replace'), value: 'replace' },
            { label: t('sso_confirm_add'), value: 'add' },
            { label: t('mfa_cancel'), value: 'cancel' },
          ] as const)
          : await w.ask(t('sso_activation_confirm', [p.issuer, p.account, p.keyEnd]), [
            { label: t('sso_confirm_save'), value: 'save' },
            { label: t('mfa_cancel'), value: 'cancel' },
          ] as const);
        if (answer === null || answer === 'cancel') {
          w.say(t('sso_activation_cancelled'));
          return { ok: false, error: 'sso_activation_cancelled' };
        }
        const confirm: ActivationConfirm = { issuer: p.issuer, account: p.account, keyEnd: p.keyEnd };
        if (answer !== 'save') confirm.sameName = answer;
        w.say(t('sso_saving'));
        res = await deps.saveActivation({ ...data, confirm });
      }
      if (!res.ok) {
        const failure: FillOutcome = 'needsConfirm' in res ? { ok: false, error: 'sso_activation_cancelled' } : res;
        w.say(t(failure.error), true);
        return failure;
      }
      const label = res.issuer ? `${res.issuer}: ${res.account}` : res.account;
      if (page.totp) {
        await putCode(page.totp, w, res, deps, signal);
        w.say(t(res.replaced ? 'sso_activation_replaced_filled' : res.added ? 'sso_activation_saved_filled' : 'sso_activation_exists_filled', label));
      } else {
        w.say(t(res.replaced ? 'sso_activation_replaced' : res.added ? 'sso_activation_saved' : 'sso_activation_exists', label));
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
