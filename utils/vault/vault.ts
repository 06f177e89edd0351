/**
 * The vault: an optional passphrase that encrypts every MFA secret at rest (utils/vault/crypto.ts
 * does the cryptography). Runs in the background only.
 *
 * - No passphrase: accounts keep `secret` (plain base32); no 'vault' record.
 * - Passphrase set: accounts keep `sealed` (AES-GCM, a fresh IV per record); the 'vault' record
 *   holds the salt, the iteration count and a verifier (tells a right passphrase from a wrong one).
 * - Unlocked: the derived key lives in this worker's memory and in storage.session (vaultKeyItem,
 *   so a service-worker restart does not lock; both are gone when the browser closes). Nothing secret
 *   ever goes to storage.local or IndexedDB in the clear.
 * - Auto-lock: the key is forgotten after `autoLockMinutes` without use — an alarm, and a check of
 *   the deadline on every use in case the alarm is late.
 * - Setting, changing or removing the passphrase rewrites every account and the vault record in
 *   one IndexedDB transaction: all of it lands, or none.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { writeAllOrNothing, type Db } from '../db/db';
import { VAULT_KEY, type AccountRecord, type StoredAccountRecord, type VaultRecord } from '../db/schema';
import {
  MAX_ITERATIONS,
  VAULT_ITERATIONS,
  VaultError,
  base64ToBytes,
  bytesToBase64,
  checkVerifier,
  decryptSecret,
  encryptSecret,
  makeVerifier,
  newSalt,
} from './crypto';
import { lockAtItem, vaultKeyItem } from '../storage/items';
import type { VaultSessionKey } from '../storage/keys';
import type { VaultMode } from './snapshot';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;

export interface VaultState {
  mode: VaultMode;
  autoLockMinutes: number;
  /** When the key will be forgotten (Unix ms) while unlocked. */
  lockAt: number | null;
}

export interface VaultDeps {
  db: () => Promise<Db>;
  now: () => Date;
  /** PBKDF2 iterations for new passphrases; only tests lower it. */
  iterations?: number;
}

/**
 * Passphrase → the raw 256-bit key. Same bits as crypto.ts's deriveKey (PBKDF2-SHA-256 → the
 * first 256 bits are the AES-256 key), but kept as bytes so that the unlocked key can sit in
 * storage.session across service-worker restarts.
 */
export async function deriveKeyBytes(passphrase: string, salt: string, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  if (passphrase === '') throw new VaultError('vault_err_empty_passphrase');
  // No upper bound would let one stored record hold the background's queue for hours.
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new VaultError('vault_err_corrupt', `iterations ${iterations}`);
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(salt), iterations }, material, 256);
  return new Uint8Array(bits);
}

/** Raw key bytes → a non-extractable AES-GCM key. */
export function importKeyBytes(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export function isVaultRecord(v: unknown): v is VaultRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const box = r.verifier as Record<string, unknown> | null | undefined;
  return (
    typeof r.salt === 'string' &&
    typeof r.iterations === 'number' &&
    Number.isSafeInteger(r.iterations) &&
    r.iterations >= 1 &&
    r.iterations <= MAX_ITERATIONS &&
    typeof box === 'object' &&
    box !== null &&
    typeof box.iv === 'string' &&
    typeof box.ct === 'string' &&
    typeof r.autoLockMinutes === 'number' &&
    Number.isFinite(r.autoLockMinutes) &&
    r.autoLockMinutes > 0
  );
}

/** An operation needs the key and the vault is locked; `code` is an i18n message key. */
export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  readonly code = 'vault_err_locked';
}

/** The stored account's secret: the plain one, or opened with `key` (VaultLockedError without one). */
export async function openSecret(record: StoredAccountRecord, key: CryptoKey | null): Promise<string> {
  if (typeof record.secret === 'string') return record.secret;
  if (!record.sealed) throw new VaultError('vault_err_corrupt', `account ${record.id} has no secret`);
  if (!key) throw new VaultLockedError('vault_err_locked');
  return decryptSecret(key, record.sealed);
}

/** The account as stored: its secret sealed with `key`, or plain when there is no passphrase. */
export async function storeSecret(account: AccountRecord, key: CryptoKey | null): Promise<StoredAccountRecord> {
  const { secret, ...rest } = account;
  return key ? { ...rest, sealed: await encryptSecret(key, secret) } : { ...rest, secret };
}

export interface Vault {
  record(): Promise<VaultRecord | null>;
  state(): Promise<VaultState>;
  /** The key while unlocked; null when locked or without a passphrase. Locks when the deadline passed. */
  key(): Promise<CryptoKey | null>;
  /** Checks the passphrase and keeps the key. VaultError 'vault_err_wrong_passphrase'; nothing changes then. */
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** Use: pushes the auto-lock deadline forward (while unlocked). */
  touch(): Promise<void>;
  /**
   * Sets (vault without passphrase), changes or removes (`next` null) the passphrase; every
   * account is rewritten in the same transaction as the vault record. `current` is required
   * whenever a passphrase is set, even while unlocked.
   */
  setPassphrase(current: string | null, next: string | null): Promise<void>;
  setAutoLock(minutes: number): Promise<void>;
  /** Forgets the key when the stored vault record is not the one it was derived for (after a restore). */
  sync(): Promise<void>;
  /** Handles the auto-lock alarm; true when it was ours. */
  alarm(name: string): Promise<boolean>;
}

async function readVaultRecord(d: Db): Promise<VaultRecord | null> {
  const r = await d.get('vault', VAULT_KEY);
  return isVaultRecord(r) ? r : null;
}

/** The key of `rec` from `passphrase`, or VaultError 'vault_err_wrong_passphrase'. */
async function checkPassphrase(passphrase: string, rec: VaultRecord): Promise<{ raw: Uint8Array<ArrayBuffer>; key: CryptoKey }> {
  if (passphrase === '') throw new VaultError('vault_err_empty_passphrase');
  const raw = await deriveKeyBytes(passphrase, rec.salt, rec.iterations);
  const key = await importKeyBytes(raw);
  await checkVerifier(key, rec.verifier);
  return { raw, key };
}

// ---------------------------------------------------------------- the kept key

/** The unlocked key as this worker holds it. */
interface HeldKey {
  key: CryptoKey;
  /** The verifier's ciphertext of the vault record the key belongs to. */
  verifier: string;
  /** When the key is forgotten (Unix ms). */
  lockAt: number;
}

/** The one read of the stored session key. */
const readSessionKey = (): Promise<VaultSessionKey | null> => vaultKeyItem.getValue();

/** The session key and the popup's copy of its deadline, in one write. */
const writeSessionKey = (session: VaultSessionKey): Promise<void> =>
  storage.setItems([{ item: vaultKeyItem, value: session }, { item: lockAtItem, value: session.lockAt }]);

/**
 * Where the unlocked key lives: this worker's memory, mirrored in storage.session (a restarted
 * worker picks it up) with an alarm at the deadline. `memory` is replaced, never changed in
 * place, so a job can tell whether a lock or another unlock came while it waited.
 */
function createKeyHolder(now: () => Date) {
  let memory: HeldKey | null = null;

  const forget = async (): Promise<void> => {
    memory = null;
    await storage.removeItems([vaultKeyItem, lockAtItem]);
    await browser.alarms.clear(AUTO_LOCK_ALARM);
  };

  const deadline = (minutes: number): number => now().getTime() + minutes * 60_000;

  return {
    forget,
    deadline,
    /** Keeps the key derived for `rec` until its auto-lock deadline. */
    async keep(raw: Uint8Array<ArrayBuffer>, rec: VaultRecord): Promise<CryptoKey> {
      const key = await importKeyBytes(raw);
      const lockAt = deadline(rec.autoLockMinutes);
      memory = { key, verifier: rec.verifier.ct, lockAt };
      await writeSessionKey({ raw: bytesToBase64(raw), verifier: rec.verifier.ct, lockAt });
      await browser.alarms.create(AUTO_LOCK_ALARM, { when: lockAt });
      return key;
    },
    /** The held key (from storage.session after a worker restart); null, and forgotten, past its deadline. */
    async current(): Promise<HeldKey | null> {
      if (!memory) {
        const stored = await readSessionKey();
        if (stored && typeof stored.raw === 'string') {
          try {
            memory = { key: await importKeyBytes(base64ToBytes(stored.raw)), verifier: stored.verifier, lockAt: stored.lockAt };
          } catch {
            await forget();
            return null;
          }
        }
      }
      if (memory && now().getTime() >= memory.lockAt) {
        await forget();
        return null;
      }
      return memory;
    },
    /**
     * Moves the deadline of `held` to `lockAt` (memory, session, alarm). Extends only the unlock
     * it was given: a lock (memory null) or another unlock meanwhile wins.
     */
    async extend(held: HeldKey, lockAt: number): Promise<void> {
      if (memory !== held) return;
      const next = { ...held, lockAt };
      memory = next;
      const stored = await readSessionKey();
      // Locked while reading: writing `stored` back would put the key into the session again.
      if (memory !== next) return;
      if (stored) await writeSessionKey({ ...stored, lockAt });
      if (memory !== next) return;
      await browser.alarms.create(AUTO_LOCK_ALARM, { when: lockAt });
    },
  };
}

// ---------------------------------------------------------------- changing the passphrase

/** What setting, changing or removing a passphrase writes: every account, and the record (null: none). */
interface Rekeyed {
  accounts: StoredAccountRecord[];
  record: VaultRecord | null;
  /** The new key's bytes (to keep unlocked), null when the passphrase is removed. */
  raw: Uint8Array<ArrayBuffer> | null;
}

/**
 * Everything that needs crypto, before the write transaction (IndexedDB commits a transaction
 * that waits on anything else): every secret opened with `oldKey` and sealed for `next`.
 */
async function rekey(d: Db, oldKey: CryptoKey | null, next: string | null, iterations: number, autoLockMinutes: number): Promise<Rekeyed> {
  const accounts = await d.getAll('accounts');
  const plain = await Promise.all(accounts.map(async (a) => ({ ...a, secret: await openSecret(a, oldKey) })));
  let record: VaultRecord | null = null;
  let raw: Uint8Array<ArrayBuffer> | null = null;
  let newKey: CryptoKey | null = null;
  if (next !== null) {
    const salt = newSalt();
    raw = await deriveKeyBytes(next, salt, iterations);
    newKey = await importKeyBytes(raw);
    record = { salt, iterations, verifier: await makeVerifier(newKey), autoLockMinutes };
  }
  const rewritten: StoredAccountRecord[] = [];
  for (const { sealed: _old, ...a } of plain) rewritten.push(await storeSecret(a, newKey));
  return { accounts: rewritten, record, raw };
}

/** Writes the rekeyed accounts and vault record in one transaction: all of it lands, or none. */
async function writeRekeyed(d: Db, { accounts, record }: Rekeyed): Promise<void> {
  const tx = d.transaction(['accounts', 'vault'], 'readwrite');
  await writeAllOrNothing(tx, (write) => {
    // Accounts added meanwhile cannot exist: the capability runs vault changes one at a time.
    write(tx.objectStore('accounts').clear());
    for (const a of accounts) write(tx.objectStore('accounts').put(a));
    write(record ? tx.objectStore('vault').put(record, VAULT_KEY) : tx.objectStore('vault').delete(VAULT_KEY));
  });
}

/** Stores the new auto-lock minutes in the vault record; the record, or null when there is none. */
async function writeAutoLock(d: Db, minutes: number): Promise<VaultRecord | null> {
  const tx = d.transaction('vault', 'readwrite');
  const rec = await tx.store.get(VAULT_KEY);
  if (!isVaultRecord(rec)) {
    await tx.done;
    return null;
  }
  await tx.store.put({ ...rec, autoLockMinutes: minutes }, VAULT_KEY);
  await tx.done;
  return rec;
}

// ---------------------------------------------------------------- the vault

export function createVault({ db, now, iterations = VAULT_ITERATIONS }: VaultDeps): Vault {
  const held = createKeyHolder(now);
  const record = async (): Promise<VaultRecord | null> => readVaultRecord(await db());
  /** The held key when it belongs to `rec` (a restore may have replaced the record). */
  const heldFor = async (rec: VaultRecord): Promise<HeldKey | null> => {
    const cur = await held.current();
    return cur && cur.verifier === rec.verifier.ct ? cur : null;
  };

  return {
    record,
    async state() {
      const rec = await record();
      if (!rec) return { mode: 'none', autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, lockAt: null };
      const cur = await heldFor(rec);
      return { mode: cur ? 'unlocked' : 'locked', autoLockMinutes: rec.autoLockMinutes, lockAt: cur ? cur.lockAt : null };
    },
    async key() {
      const rec = await record();
      return rec ? ((await heldFor(rec))?.key ?? null) : null;
    },
    async unlock(passphrase) {
      const rec = await record();
      if (!rec) return;
      const { raw } = await checkPassphrase(passphrase, rec);
      await held.keep(raw, rec);
    },
    lock: held.forget,
    async touch() {
      const rec = await record();
      const cur = rec ? await heldFor(rec) : null;
      if (rec && cur) await held.extend(cur, held.deadline(rec.autoLockMinutes));
    },
    async setPassphrase(currentPassphrase, next) {
      if (next !== null && next === '') throw new VaultError('vault_err_empty_passphrase');
      const d = await db();
      const rec = await readVaultRecord(d);
      let oldKey: CryptoKey | null = null;
      if (rec) {
        if (currentPassphrase === null) throw new VaultError('vault_err_wrong_passphrase', 'current passphrase missing');
        oldKey = (await checkPassphrase(currentPassphrase, rec)).key;
      } else if (next === null) {
        return; // no passphrase to remove
      }
      const rekeyed = await rekey(d, oldKey, next, iterations, rec?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES);
      await writeRekeyed(d, rekeyed);
      if (rekeyed.record && rekeyed.raw) await held.keep(rekeyed.raw, rekeyed.record);
      else await held.forget();
    },
    async setAutoLock(minutes) {
      if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_AUTO_LOCK_MINUTES) throw new RangeError(`auto-lock ${minutes}`);
      const rec = await writeAutoLock(await db(), minutes);
      const cur = rec ? await heldFor(rec) : null;
      if (cur) await held.extend(cur, held.deadline(minutes));
    },
    async sync() {
      const rec = await record();
      const cur = await held.current();
      if (cur && (!rec || cur.verifier !== rec.verifier.ct)) await held.forget();
    },
    async alarm(name) {
      if (name !== AUTO_LOCK_ALARM) return false;
      const cur = await held.current();
      // A late alarm from an earlier deadline must not lock a vault that was used since.
      if (cur && now().getTime() < cur.lockAt) {
        await browser.alarms.create(AUTO_LOCK_ALARM, { when: cur.lockAt });
        return true;
      }
      await held.forget();
      return true;
    },
  };
}
