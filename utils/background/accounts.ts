/**
 * The background's side of MFA accounts and the vault: adding (link, typed key, QR image, QR on
 * the tab, Google Authenticator export) with duplicate detection, pin/reorder/rename/remove, the
 * passphrase and auto-lock, the codes for the SSO page, the clock check, and the popup's snapshot
 * in storage.session (utils/vault/snapshot.ts), rewritten after every change.
 *
 * Reading from top to bottom: the browser-facing helpers (images), reading accounts and the
 * snapshot, adding, codes, then the handlers in four groups — the list, the vault, the popup and
 * the SSO page — which accountsCapability puts together.
 *
 * Changes run one at a time (the background's exclusive queue, shared with a backup restore), so
 * a passphrase change that re-encrypts everything can never interleave with an account being
 * added; so do the auto-lock extensions (touch) and every snapshot write, so neither can bring
 * back a key or codes after a lock.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import type { Db } from '../db/db';
import type { AccountRecord, StoredAccountRecord, VaultRecord } from '../db/schema';
import { exportBackup } from '../backup/backup';
import { importFromText, type ImportResult } from '../totp/import';
import { accountFromManual, type ParsedAccount } from '../totp/otpauth';
import { ASN_DIGITAL_ISSUER, findDuplicate, isAsnDigital, sameDisplayGroup, sortAccounts } from '../totp/duplicates';
import { sameText } from '../text/text';
import { moveItem } from '../list/move';
import { findQr, type QrFound, type QrSource } from '../totp/qr';
import { blobFromDataUrl, imageSource, ImageDecodeError } from '../totp/qr-image';
import { isOtpError, OtpError } from '../totp/errors';
import { msRemaining, totpCode } from '../totp/totp';
import { VaultError, makeVerifier, newSalt, VAULT_ITERATIONS } from '../vault/crypto';
import {
  createVault,
  deriveKeyBytes,
  importKeyBytes,
  openSecret,
  storeSecret,
  AUTO_LOCK_ALARM,
  DEFAULT_AUTO_LOCK_MINUTES,
  MAX_AUTO_LOCK_MINUTES,
  VaultLockedError,
  type Vault,
} from '../vault/vault';
import { appliedOffset, type ClockState, type CodesSnapshot, type SnapshotAccount } from '../vault/snapshot';
import { clockCheckItem, codesSnapshotItem, legacyClockCheckItem } from '../storage/items';
import { SSO_ORIGIN } from '../site/sso';
import { isMessageImage } from './payloads';
import type {
  AccountsErrorCode,
  AccountsProtocol,
  ActivationConfirm,
  ActivationPreview,
  AccountsFailure,
  AccountsList,
  AccountView,
  AddPreview,
  AddSource,
  DuplicateChoice,
  QrRead,
  SsoCodeResult,
} from '../messaging/accounts';
import { checkClock, clockCheckDue, type FetchLike } from './clock';
import type { BackgroundDeps, Capability, Handler } from './capability';
import type { Queue } from './queue';

/** What the capability needs from the browser beyond the database; tests replace them. */
export interface AccountsDeps {
  /** data: URL of an image → the image, to be read at several sizes (throws when it is not an image). */
  decodeImage(dataUrl: string): Promise<QrSource>;
  /** The visible part of the active tab of `windowId`, as a PNG data: URL. */
  captureTab(windowId: number | undefined): Promise<string>;
  /**
   * The QR image of the MFA activation page when it is the active tab of `windowId` (read from
   * the page by the SSO content script, whole even when part of it is scrolled out of view); null
   * on any other page.
   */
  pageQr(windowId: number | undefined): Promise<string | null>;
  fetch: FetchLike;
  /** PBKDF2 iterations for new passphrases (only tests lower it). */
  iterations: number;
}

/** A failure of this capability's own (not the parsers' or the vault's); `code` is an i18n key. */
export class AccountsError extends Error {
  constructor(readonly code: AccountsErrorCode) {
    super(code);
  }
}

/** The default image decoder: createImageBitmap + OffscreenCanvas (../totp/qr-image.ts). */
async function decodeImageInWorker(dataUrl: string): Promise<QrSource> {
  try {
    return await imageSource(blobFromDataUrl(dataUrl));
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new AccountsError('mfa_err_image');
    throw e;
  }
}

/** The activation page's QR image, asked of the SSO content script of the active tab. */
async function activationPageQr(windowId: number | undefined): Promise<string | null> {
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
  if (tab?.id === undefined || !tab.url?.startsWith(`${SSO_ORIGIN}/`)) return null;
  try {
    // The page's content script answers: an image within the messages' limits, or the screenshot it is.
    const { dataUrl } = await sendMessage('ssoActivationQr', undefined, tab.id);
    return isMessageImage(dataUrl) ? dataUrl : null;
  } catch {
    return null; // no content script there (yet): the screenshot it is
  }
}

const DEFAULT_DEPS: AccountsDeps = {
  decodeImage: decodeImageInWorker,
  captureTab: (windowId) =>
    windowId === undefined
      ? browser.tabs.captureVisibleTab({ format: 'png' })
      : browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
  pageQr: activationPageQr,
  fetch: (url, init) => fetch(url, init),
  iterations: VAULT_ITERATIONS,
};

/** An error of any layer → the i18n key the user sees. */
export function errorCode(e: unknown): AccountsErrorCode {
  if (isOtpError(e)) return e.code;
  if (e instanceof VaultError) return e.code;
  if (e instanceof VaultLockedError) return 'vault_err_locked';
  if (e instanceof AccountsError) return e.code;
  throw e;
}

function fail(e: unknown): AccountsFailure {
  return { ok: false, error: errorCode(e) };
}

function view(a: StoredAccountRecord): AccountView {
  const { secret: _s, sealed: _c, ...rest } = a;
  return rest;
}

/**
 * The account whose code goes into the SSO page, among the ASN Digital accounts only (issuer
 * public-siasn): the one asked for; else the one named like the user logging in; else the first
 * in display order. undefined when there is none: the page's scripts can plant the user name
 * (#kc-attempted-username), so it must never select another site's account.
 */
export function pickSsoAccount<T extends Pick<AccountRecord, 'id' | 'issuer' | 'account'>>(
  sorted: readonly T[],
  wanted: { accountId?: string; username?: string },
): T | undefined {
  const asn = sorted.filter(isAsnDigital);
  if (wanted.accountId) return asn.find((a) => a.id === wanted.accountId);
  const user = wanted.username?.trim();
  return (user ? asn.find((a) => sameText(a.account, user)) : undefined) ?? asn[0];
}

// ---------------------------------------------------------------- reading

async function readStored(d: Db): Promise<StoredAccountRecord[]> {
  return sortAccounts(await d.getAll('accounts'));
}

/** Every account with its plain secret; VaultLockedError while locked. */
async function readPlain(d: Db, key: CryptoKey | null): Promise<AccountRecord[]> {
  return Promise.all((await readStored(d)).map(async (a) => {
    const { sealed: _c, ...rest } = a;
    return { ...rest, secret: await openSecret(a, key) };
  }));
}

async function readClock(): Promise<ClockState> {
  const stored = await clockCheckItem.getValue();
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { offsetMs: num(stored?.offsetMs), checkedAt: num(stored?.checkedAt), pendingMs: num(stored?.pendingMs) };
}

/** The key to use for reading and writing secrets: null without passphrase; VaultLockedError when locked. */
async function usableKey(vault: Vault): Promise<CryptoKey | null> {
  if (!(await vault.record())) return null;
  const key = await vault.key();
  if (!key) throw new VaultLockedError('vault_err_locked');
  return key;
}

async function list(d: Db, vault: Vault): Promise<AccountsList> {
  return { accounts: (await readStored(d)).map(view), vault: await vault.state() };
}

/**
 * The popup's snapshot, written to storage.session: every account, with its secret while it is
 * usable anyway (no passphrase, or unlocked).
 */
async function writeSnapshot(d: Db, vault: Vault): Promise<CodesSnapshot> {
  const state = await vault.state();
  const key = state.mode === 'unlocked' ? await vault.key() : null;
  const accounts: SnapshotAccount[] = [];
  for (const a of await readStored(d)) {
    const { secret: _s, sealed: _c, createdAt: _t, ...rest } = a;
    let secret: string | undefined;
    try {
      secret = state.mode === 'locked' ? undefined : await openSecret(a, key);
    } catch {
      secret = undefined; // a damaged record shows without a code rather than hiding the others
    }
    accounts.push(secret === undefined ? rest : { ...rest, secret });
  }
  const snap: CodesSnapshot = { vault: state.mode, accounts, clock: await readClock() };
  // Always written (the browser tells listeners only about real changes): another worker
  // instance or a restore may have written since.
  await codesSnapshotItem.setValue(snap);
  return snap;
}

// ---------------------------------------------------------------- adding

/** The accounts of a source and, for an image, how its QR code was read. */
type SourceRead = ImportResult & { qr?: QrRead };

async function readImage(dataUrl: string, io: AccountsDeps): Promise<QrFound> {
  const src = await io.decodeImage(dataUrl);
  try {
    return findQr(src);
  } finally {
    src.close?.();
  }
}

const qrRead = (found: QrFound, from: QrRead['from']): QrRead => ({
  from,
  side: found.side,
  original: found.original,
  width: found.sourceWidth,
  height: found.sourceHeight,
});

async function readSource(source: AddSource, io: AccountsDeps): Promise<SourceRead> {
  switch (source?.kind) {
    case 'text':
      return importFromText(String(source.text ?? ''));
    case 'manual':
      return { accounts: [accountFromManual(source.entry)], skipped: [] };
    case 'image': {
      const found = await readImage(source.dataUrl, io);
      return { ...importFromText(found.text), qr: qrRead(found, 'image') };
    }
    case 'tab': {
      // On the MFA activation page: its QR image itself, whole even when it is below the fold.
      const fromPage = await io.pageQr(source.windowId).catch(() => null);
      if (fromPage) {
        const found = await readImage(fromPage, io);
        return { ...importFromText(found.text), qr: qrRead(found, 'page') };
      }
      let dataUrl: string;
      try {
        dataUrl = await io.captureTab(source.windowId);
      } catch {
        throw new AccountsError('mfa_err_capture');
      }
      let found: QrFound;
      try {
        found = await readImage(dataUrl, io);
      } catch (e) {
        // Only what is on the screen can be read: part of the code may be scrolled out of view.
        if (isOtpError(e) && e.code === 'otp_err_no_qr') throw new AccountsError('mfa_err_no_qr_tab');
        throw e;
      }
      return { ...importFromText(found.text), qr: qrRead(found, 'screen') };
    }
    default:
      throw new OtpError('otp_err_not_uri', 'unknown source');
  }
}

interface Added {
  added: AccountRecord[];
  duplicates: ParsedAccount[];
  existing: AccountRecord[];
  /** Duplicates were found with choice 'ask': nothing was written. */
  asked: boolean;
}

/** The order after every account of `existing`. */
const nextOrder = (existing: readonly AccountRecord[]): number => existing.reduce((m, a) => Math.max(m, a.order), -1) + 1;

/**
 * Writes `parsed` (duplicates as chosen) in one transaction, sealed with `key`. `firstOrder`
 * places the new accounts (default: after the others); `removeIds` go in the same transaction.
 */
async function addParsed(
  d: Db,
  key: CryptoKey | null,
  parsed: ParsedAccount[],
  choice: DuplicateChoice,
  createdAt: string,
  firstOrder?: (existing: AccountRecord[]) => number,
  removeIds: readonly string[] = [],
): Promise<Added> {
  const existing = await readPlain(d, key);
  const fresh: ParsedAccount[] = [];
  const duplicates: ParsedAccount[] = [];
  for (const p of parsed) {
    if (findDuplicate(existing, p) || findDuplicate(fresh.map((f) => ({ ...f })), p)) duplicates.push(p);
    else fresh.push(p);
  }
  if (duplicates.length > 0 && choice === 'ask') return { added: [], duplicates, existing, asked: true };
  const toAdd = choice === 'add' ? [...fresh, ...duplicates] : fresh;
  let order = nextOrder(existing);
  const records: AccountRecord[] = toAdd.map((p) => ({
    id: crypto.randomUUID(),
    issuer: p.issuer,
    account: p.account,
    secret: p.secret,
    algorithm: p.algorithm,
    digits: p.digits,
    period: p.period,
    order: firstOrder ? firstOrder(existing) : order++,
    pinned: false,
    createdAt,
  }));
  const sealed = await Promise.all(records.map((r) => storeSecret(r, key)));
  if (sealed.length) {
    const tx = d.transaction('accounts', 'readwrite');
    await Promise.all([...removeIds.map((id) => tx.store.delete(id)), ...sealed.map((r) => tx.store.put(r)), tx.done]);
  }
  return { added: records, duplicates, existing, asked: false };
}

// ---------------------------------------------------------------- codes for the SSO page

async function codeFor(a: AccountRecord, now: Date): Promise<Extract<SsoCodeResult, { ok: true }>> {
  const nowMs = now.getTime() + appliedOffset(await readClock());
  const remainingMs = msRemaining(a.period, nowMs);
  return {
    ok: true,
    code: totpCode(a, nowMs),
    next: totpCode(a, nowMs + remainingMs),
    remainingMs,
    issuer: a.issuer,
    account: a.account,
  };
}

// ---------------------------------------------------------------- the handlers

/** What every group of handlers shares. */
interface Ctx {
  db: () => Promise<Db>;
  now: () => Date;
  io: AccountsDeps;
  vault: Vault;
  /** One change at a time (the background's exclusive queue, shared with a backup restore). */
  serial: Queue;
  /** Rewrites the popup's snapshot (call inside `serial`). */
  snapshot: () => Promise<CodesSnapshot>;
}

type Handlers<K extends keyof AccountsProtocol> = { [P in K]: Handler<P> };

/** After a change: the new snapshot, then the list as the pages show it. */
async function changed(ctx: Ctx): Promise<{ ok: true } & AccountsList> {
  await ctx.snapshot();
  return { ok: true, ...(await list(await ctx.db(), ctx.vault)) };
}

async function rewriteOrder(d: Db, next: StoredAccountRecord[]): Promise<void> {
  const tx = d.transaction('accounts', 'readwrite');
  await Promise.all([...next.map((a, i) => tx.store.put({ ...a, order: i })), tx.done]);
}

/** The options' list: add, remove, rename or pin, move. */
/** How long a tab's QR code, read and shown to the user, waits for "Ya, simpan" (kept in memory only). */
export const TAB_READ_KEPT_MS = 5 * 60_000;

const previewsOf = (accounts: readonly ParsedAccount[]): AddPreview[] =>
  accounts.map((p) => ({ issuer: p.issuer, account: p.account, keyEnd: keyEnd(p.secret) }));

function listHandlers(ctx: Ctx): Handlers<'listAccounts' | 'addAccounts' | 'removeAccount' | 'updateAccount' | 'moveAccount'> {
  const { db, serial, vault } = ctx;
  /**
   * The last tab's QR code read, shown to the user for confirmation: "Ya, simpan" saves exactly
   * that, without capturing the tab again (Chrome allows only 2 captures a second, and what the
   * user saw is what is saved).
   */
  let tabRead: { read: SourceRead; windowId: number | undefined; at: number } | null = null;
  return {
    async listAccounts() {
      return list(await db(), vault);
    },
    async addAccounts({ source, duplicates, confirm }) {
      const choice = duplicates ?? 'ask';
      // Reading an image takes a while and touches no data: outside the queue, so nothing waits for it.
      let read: SourceRead;
      const kept = tabRead;
      if (source.kind === 'tab' && kept && kept.windowId === source.windowId && ctx.now().getTime() - kept.at < TAB_READ_KEPT_MS && samePreviews(previewsOf(kept.read.accounts), confirm)) {
        read = kept.read;
      } else {
        try {
          read = await readSource(source, ctx.io);
        } catch (e) {
          return fail(e);
        }
      }
      const { accounts, skipped, qr } = read;
      // A tab's page decides what its QR code holds (issue 12, finding 3): the user sees what would
      // be saved and confirms exactly that; a confirmation of something else asks again.
      if (source.kind === 'tab') {
        const previews = previewsOf(accounts);
        if (!samePreviews(previews, confirm)) {
          tabRead = { read, windowId: source.windowId, at: ctx.now().getTime() };
          return { ok: false, needsConfirm: previews, ...(qr ? { qr } : {}) } as const;
        }
        tabRead = null;
      }
      return serial(async () => {
        try {
          const res = await addParsed(await db(), await usableKey(vault), accounts, choice, ctx.now().toISOString());
          if (res.asked) {
            return {
              ok: false,
              needsChoice: true,
              duplicates: res.duplicates.map((p) => ({ issuer: p.issuer, account: p.account })),
              fresh: accounts.length - res.duplicates.length,
            } as const;
          }
          await vault.touch();
          await ctx.snapshot();
          return {
            ok: true,
            added: res.added.map(view),
            duplicatesSkipped: choice === 'skip' ? res.duplicates.length : 0,
            skipped,
            ...(qr ? { qr } : {}),
          } as const;
        } catch (e) {
          return fail(e);
        }
      });
    },
    removeAccount(id) {
      return serial(async () => {
        const d = await db();
        if (!(await d.get('accounts', id))) return { ok: false, error: 'mfa_err_not_found' } as const;
        await d.delete('accounts', id);
        return changed(ctx);
      });
    },
    updateAccount({ id, issuer, account, pinned }) {
      return serial(async () => {
        const d = await db();
        const tx = d.transaction('accounts', 'readwrite');
        const old = await tx.store.get(id);
        if (!old) {
          await tx.done;
          return { ok: false, error: 'mfa_err_not_found' } as const;
        }
        const next = { ...old };
        if (issuer !== undefined) next.issuer = String(issuer).trim();
        if (account !== undefined) {
          const name = String(account).trim();
          if (name === '') {
            await tx.done;
            return { ok: false, error: 'otp_err_account_required' } as const;
          }
          next.account = name;
        }
        if (pinned !== undefined) next.pinned = Boolean(pinned);
        await tx.store.put(next);
        await tx.done;
        return changed(ctx);
      });
    },
    moveAccount({ id, direction }) {
      return serial(async () => {
        const d = await db();
        const sorted = await readStored(d);
        const i = sorted.findIndex((a) => a.id === id);
        if (i < 0) return { ok: false, error: 'mfa_err_not_found' } as const;
        // Within its group of the display order only (pinned, then ASN Digital, then the rest):
        // pinning is how an account goes above the ASN Digital one.
        const next = moveItem(sorted, i, direction, sameDisplayGroup);
        if (next) await rewriteOrder(d, next);
        return changed(ctx);
      });
    },
  };
}

/** The passphrase, locking and auto-lock, and a backup sealed with a passphrase. */
function vaultHandlers(ctx: Ctx): Handlers<'unlockVault' | 'lockVault' | 'setVaultPassphrase' | 'setAutoLock' | 'exportBackupWithPassphrase'> {
  const { db, now, serial, vault, io } = ctx;
  return {
    unlockVault(passphrase) {
      return serial(async () => {
        try {
          await vault.unlock(String(passphrase ?? ''));
        } catch (e) {
          return fail(e);
        }
        return changed(ctx);
      });
    },
    lockVault() {
      return serial(async () => {
        await vault.lock();
        await ctx.snapshot();
        return list(await db(), vault);
      });
    },
    setVaultPassphrase({ current, next }) {
      return serial(async () => {
        try {
          await vault.setPassphrase(current, next);
        } catch (e) {
          return fail(e);
        }
        return changed(ctx);
      });
    },
    setAutoLock(minutes) {
      return serial(async () => {
        if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_AUTO_LOCK_MINUTES) {
          return { ok: false, error: 'vault_err_auto_lock' } as const;
        }
        await vault.setAutoLock(minutes);
        return changed(ctx);
      });
    },
    exportBackupWithPassphrase(passphrase) {
      return serial(async () => {
        try {
          const d = await db();
          if (await vault.record()) return { ok: true, backup: await exportBackup(d, now()) } as const;
          if (typeof passphrase !== 'string' || passphrase === '') throw new VaultError('vault_err_empty_passphrase');
          const salt = newSalt();
          const key = await importKeyBytes(await deriveKeyBytes(passphrase, salt, io.iterations));
          const record: VaultRecord = { salt, iterations: io.iterations, verifier: await makeVerifier(key), autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
          return { ok: true, backup: await exportBackup(d, now(), { record, key }) } as const;
        } catch (e) {
          return fail(e);
        }
      });
    },
  };
}

/** The popup: its snapshot, and "opened" (use for the auto-lock; the hourly clock check). */
function popupHandlers(ctx: Ctx): Handlers<'getCodesSnapshot' | 'mfaPopupOpened'> {
  const { now, serial, vault, io } = ctx;
  let clockCheck: Promise<ClockState> | null = null;
  return {
    async getCodesSnapshot() {
      const snap = await serial(ctx.snapshot);
      return { ...snap, accounts: snap.accounts.map(({ secret: _s, ...a }) => a) };
    },
    async mfaPopupOpened() {
      await serial(() => vault.touch());
      const last = await readClock();
      if (!clockCheckDue(last, now().getTime())) return { clock: last };
      clockCheck ??= (async () => {
        const next = await checkClock(last, io.fetch, () => now().getTime());
        await clockCheckItem.setValue(next);
        await serial(ctx.snapshot);
        return next;
      })().finally(() => { clockCheck = null; });
      return { clock: await clockCheck };
    },
  };
}

/** The SSO pages' content script: the code to fill, and saving the account of the activation page. */
function ssoHandlers(ctx: Ctx): Handlers<'ssoCode' | 'saveActivationAccount'> {
  const { db, now, serial, vault, io } = ctx;
  return {
    async ssoCode({ username, accountId } = {}) {
      try {
        const sorted = await readPlain(await db(), await usableKey(vault));
        if (sorted.length === 0) return { ok: false, error: 'mfa_err_no_accounts' } as const;
        const chosen = pickSsoAccount(sorted, { accountId, username });
        if (!chosen) return { ok: false, error: sorted.some(isAsnDigital) ? 'mfa_err_not_found' : 'mfa_err_no_asn_account' } as const;
        await serial(() => vault.touch());
        return await codeFor(chosen, now());
      } catch (e) {
        return fail(e);
      }
    },
    saveActivationAccount({ dataUrl, keyText, username, confirm }) {
      return serial(async () => {
        try {
          let parsed: ParsedAccount[] = [];
          let firstError: unknown;
          if (dataUrl) {
            try {
              parsed = (await readSource({ kind: 'image', dataUrl }, io)).accounts.slice(0, 1);
            } catch (e) {
              firstError = e;
            }
          }
          if (parsed.length === 0 && keyText) {
            parsed = [accountFromManual({ issuer: ASN_DIGITAL_ISSUER, account: username?.trim() || 'ASN Digital', secret: keyText })];
          }
          if (parsed.length === 0) throw firstError ?? new OtpError('otp_err_no_qr');
          const p = parsed[0]!;
          const d = await db();
          const key = await usableKey(vault);
          const existing = await readPlain(d, key);
          const known = findDuplicate(existing, p);
          if (known) {
            // Already saved with this very key: nothing is written, so nothing to confirm.
            await vault.touch();
            return { ...(await codeFor(known, now())), added: false, replaced: 0 };
          }
          // The page decides what its QR code holds (issue 12, finding 3): the user confirms what
          // is saved, bound to exactly this issuer, name and key; old keys of that name stay unless
          // the user says to replace them.
          const sameName = existing.filter((a) => sameText(a.issuer, p.issuer) && sameText(a.account, p.account));
          const preview: ActivationPreview = { issuer: p.issuer, account: p.account, keyEnd: keyEnd(p.secret), sameName: sameName.length };
          if (!confirmed(preview, confirm)) return { ok: false, needsConfirm: preview } as const;
          const replace = sameName.length > 0 && confirm?.sameName === 'replace' ? sameName : [];
          // A new key for a name already there (a second activation) goes where the old one was, or before it.
          const order = sameName.length ? Math.min(...sameName.map((a) => a.order)) - (replace.length ? 0 : 1) : nextOrder(existing);
          const res = await addParsed(d, key, parsed, 'skip', now().toISOString(), () => order, replace.map((a) => a.id));
          const account = res.added[0];
          if (!account) throw new AccountsError('mfa_err_not_found');
          await vault.touch();
          await ctx.snapshot();
          return { ...(await codeFor(account, now())), added: true, replaced: replace.length };
        } catch (e) {
          return fail(e);
        }
      });
    },
  };
}

/** The last 4 characters of a key as the activation page shows it (grouped by 4): what the user can compare. */
export function keyEnd(secret: string): string {
  return secret.replace(/[\s=-]+/g, '').toUpperCase().slice(-4);
}

/** Whether the user confirmed exactly these accounts, in this order. */
function samePreviews(previews: readonly AddPreview[], confirm: readonly AddPreview[] | undefined): boolean {
  return (
    Array.isArray(confirm) &&
    confirm.length === previews.length &&
    previews.every((p, i) => confirm[i]?.issuer === p.issuer && confirm[i]?.account === p.account && confirm[i]?.keyEnd === p.keyEnd)
  );
}

/** Whether the user's answer is to exactly this preview (and says what to do with accounts of the same name). */
function confirmed(preview: ActivationPreview, confirm: ActivationConfirm | undefined): boolean {
  if (!confirm) return false;
  if (confirm.issuer !== preview.issuer || confirm.account !== preview.account || confirm.keyEnd !== preview.keyEnd) return false;
  return preview.sameName === 0 || confirm.sameName === 'add' || confirm.sameName === 'replace';
}

// ---------------------------------------------------------------- the capability

export function accountsCapability(deps: BackgroundDeps, overrides: Partial<AccountsDeps> = {}): Capability<keyof AccountsProtocol> {
  const { db, now } = deps;
  const io: AccountsDeps = { ...DEFAULT_DEPS, ...overrides };
  const vault: Vault = createVault({ db, now, iterations: io.iterations });
  const serial = deps.exclusive;
  const ctx: Ctx = { db, now, io, vault, serial, snapshot: async () => writeSnapshot(await db(), vault) };

  return {
    handlers: { ...listHandlers(ctx), ...vaultHandlers(ctx), ...popupHandlers(ctx), ...ssoHandlers(ctx) },
    // The SSO page's code button, and saving the account of the MFA activation page's QR code.
    contentScripts: { ssoCode: [SSO_ORIGIN], saveActivationAccount: [SSO_ORIGIN] },
    async onInstalled() {
      // An offset earlier versions kept in storage.local, where content scripts could write it: never trusted, removed on update.
      await legacyClockCheckItem.removeValue();
    },
    onRefresh() {
      return serial(async () => {
        await vault.sync();
        await ctx.snapshot();
      });
    },
    async onAlarm(name) {
      if (name !== AUTO_LOCK_ALARM) return false; // others' alarms do not wait for this queue
      return serial(async () => {
        if (!(await vault.alarm(name))) return false;
        await ctx.snapshot();
        return true;
      });
    },
    onStartup() {
      return serial(async () => {
        await ctx.snapshot();
      });
    },
  };
}
