/**
 * Messages sent TO content scripts (by the background or the popup); the content scripts answer
 * them, never the background. Part of the one contract in protocol.ts.
 */
import type { PageInfo } from '../site/pages';
import type { AccountsErrorCode } from './accounts';

export interface ContentScriptProtocol {
  /** Background → content script of an e-Kinerja tab: what page is this? */
  getPageInfo(): PageInfo;
  /** Popup → content script of an SSO tab: fill the OTP field as its button would. */
  ssoFillCode(data: { accountId?: string }): { ok: boolean; error?: AccountsErrorCode | 'mfa_err_no_field' | 'sso_activation_cancelled' };
  /** Background → content script of the run's e-Kinerja tab: the run changed, ask runTask again. */
  runChanged(): void;
  /**
   * Background → content script of an SSO tab (the popup's "Pindai kode QR di tab ini"): the MFA
   * activation page's QR image as a data: URL, null on any other page.
   */
  ssoActivationQr(): { dataUrl: string | null };
}

/** The names of the messages content scripts answer. */
export type ContentScriptMessage = keyof ContentScriptProtocol;
