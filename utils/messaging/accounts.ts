/** Messages about MFA accounts and the vault (part of the one contract in protocol.ts). */
import type { AccountRecord } from '../db/schema';
import type { BackupFile } from '../backup/backup';
import type { OtpErrorCode } from '../totp/errors';
import type { ManualEntry } from '../totp/otpauth';
import type { SkippedAccount } from '../totp/migration';
import type { VaultErrorCode } from '../vault/crypto';
import type { VaultState } from '../vault/vault';
import type { ClockState, CodesSnapshot } from '../vault/snapshot';

/** An account as the pages see it: everything but the secret. */
export type AccountView = Omit<AccountRecord, 'secret'>;

/** Every failure is an i18n message key. */
export type AccountsErrorCode =
  | OtpErrorCode
  | VaultErrorCode
  | 'vault_err_locked'
  | 'vault_err_auto_lock'
  | 'mfa_err_capture'
  | 'mfa_err_no_qr_tab'
  | 'mfa_err_image'
  | 'mfa_err_no_accounts'
  | 'mfa_err_no_asn_account'
  | 'mfa_err_not_found';

export type AccountsFailure = { ok: false; error: AccountsErrorCode };

/** Where the accounts to add come from. */
export type AddSource =
  /** An otpauth:// or otpauth-migration:// link (pasted, or read from a QR code elsewhere). */
  | { kind: 'text'; text: string }
  /** The "tidak bisa memindai?" form. */
  | { kind: 'manual'; entry: ManualEntry }
  /** An image (data: URL) holding a QR code: an uploaded file, the activation page's QR. */
  | { kind: 'image'; dataUrl: string }
  /** The QR code shown on the active tab of `windowId` (needs the activeTab grant of the popup). */
  | { kind: 'tab'; windowId?: number };

/**
 * What to do with accounts that are already there (same issuer, account name and secret):
 * 'ask' answers `needsChoice` and writes nothing; 'skip' leaves them out; 'add' adds them again.
 */
export type DuplicateChoice = 'ask' | 'skip' | 'add';

/** How a QR code was read: from an image, the screen of the tab, or the activation page's own QR image. */
export interface QrRead {
  from: 'image' | 'screen' | 'page';
  /** The longest side (px) of the image the code was found at (the image scaled down, or as it is). */
  side: number;
  original: boolean;
  /** The image's size. */
  width: number;
  height: number;
}

/**
 * An account read from a tab's QR code, as shown to the user before it is saved (issue 12,
 * finding 3: the page decides what its QR code holds): issuer, name and the key's last 4 characters.
 */
export interface AddPreview {
  issuer: string;
  account: string;
  keyEnd: string;
}

export type AddAccountsResult =
  | { ok: true; added: AccountView[]; duplicatesSkipped: number; skipped: SkippedAccount[]; qr?: QrRead }
  | { ok: false; needsChoice: true; duplicates: Pick<AccountView, 'issuer' | 'account'>[]; fresh: number }
  /** A tab's QR code: nothing written; add again with `confirm` equal to `accounts` to save them. */
  | { ok: false; needsConfirm: AddPreview[]; qr?: QrRead }
  | AccountsFailure;

export interface AccountsList {
  accounts: AccountView[];
  vault: VaultState;
}

export type AccountsListResult = ({ ok: true } & AccountsList) | AccountsFailure;

export type VaultResult = ({ ok: true } & AccountsList) | AccountsFailure;

/** A code for the SSO page: `code` now, `next` from `remainingMs` on (fill that when little time remains). */
export type SsoCodeResult =
  | { ok: true; code: string; next: string; remainingMs: number; issuer: string; account: string }
  | AccountsFailure;

/**
 * What the activation page's account would be saved as (finding 3 of issue 12): shown to the user
 * before anything is written. `keyEnd` is the last 4 characters of the page's own key (the page
 * shows it anyway); `sameName` counts the saved accounts with the same issuer and account name but
 * another key — their keys are never sent to the page.
 */
export interface ActivationPreview {
  issuer: string;
  account: string;
  keyEnd: string;
  sameName: number;
}

/** The user's answer to an ActivationPreview: the preview itself, and for `sameName` > 0 what to do with the old ones. */
export type ActivationConfirm = Omit<ActivationPreview, 'sameName'> & { sameName?: 'add' | 'replace' };

export type SaveActivationResult =
  | ({ ok: true; added: boolean; replaced: number } & Extract<SsoCodeResult, { ok: true }>)
  /** Nothing written: the user must confirm this (again, when the page's account changed). */
  | { ok: false; needsConfirm: ActivationPreview }
  | AccountsFailure;

export interface AccountsProtocol {
  /** Accounts in display order (no secrets) and the vault's state. */
  listAccounts(): AccountsList;
  /**
   * Reads the source; adds every usable account in one transaction (duplicates as chosen). A tab's
   * QR code (`kind: 'tab'`) is saved only with `confirm` matching what the tab gives now.
   */
  addAccounts(data: { source: AddSource; duplicates?: DuplicateChoice; confirm?: AddPreview[] }): AddAccountsResult;
  removeAccount(id: string): AccountsListResult;
  /** Renames or pins an account. */
  updateAccount(data: { id: string; issuer?: string; account?: string; pinned?: boolean }): AccountsListResult;
  moveAccount(data: { id: string; direction: 'up' | 'down' }): AccountsListResult;
  /**
   * Rebuilds the popup's snapshot in storage.session now and answers it WITHOUT secrets: secrets
   * never travel over messages (which content scripts can send too); the popup reads them from
   * storage.session, which only extension pages can.
   */
  getCodesSnapshot(): CodesSnapshot;
  /** The popup opened: counts as use for the auto-lock; checks the clock when due (≤ once an hour). */
  mfaPopupOpened(): { clock: ClockState };
  unlockVault(passphrase: string): VaultResult;
  lockVault(): AccountsList;
  /**
   * Sets (no passphrase yet: `current` null), changes, or removes (`next` null) the passphrase;
   * all secrets are re-encrypted in one transaction. A wrong `current` changes nothing.
   */
  setVaultPassphrase(data: { current: string | null; next: string | null }): VaultResult;
  setAutoLock(minutes: number): VaultResult;
  /** Content script on the SSO page: the code to fill (the account of `username` when known). */
  ssoCode(data: { username?: string; accountId?: string }): SsoCodeResult;
  /**
   * Content script on the MFA activation page: the account of its QR code (or typed key). An
   * account already saved with that key: its code. A new one: without `confirm` (or with one that
   * does not match what the page gives now) nothing is written and the preview comes back; with
   * it the account is saved — beside (`add`, first) or instead of (`replace`) saved ones of the
   * same name — and its code returned.
   */
  saveActivationAccount(data: { dataUrl?: string; keyText?: string; username?: string; confirm?: ActivationConfirm }): SaveActivationResult;
  /** A full backup whose secrets are sealed with `passphrase` (for a vault without passphrase). */
  exportBackupWithPassphrase(passphrase: string): ({ ok: true; backup: BackupFile }) | AccountsFailure;
}
