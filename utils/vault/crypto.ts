/**
 * The vault's cryptography (WebCrypto only: works in the extension's pages, its service worker
 * and Node 20 tests). A passphrase → PBKDF2-SHA-256 (600,000 iterations, random 16-byte salt) →
 * a non-extractable AES-GCM-256 key; each secret is sealed with a fresh random 12-byte IV.
 *
 * A wrong passphrase is detected with a verifier (a known text sealed with the key), never by
 * decrypting secrets into garbage: AES-GCM authenticates, so a wrong key or a changed byte makes
 * decryption fail, and that failure becomes a VaultError.
 */

export const VAULT_ITERATIONS = 600_000;
/**
 * The PBKDF2 iteration counts a passphrase record from outside (a backup file) may carry. Below
 * 100,000 a guessed passphrase is cheap to test (OWASP asks 600,000 for SHA-256); above
 * 10,000,000 one key derivation takes minutes on an office PC and holds the background's queue
 * (a file with 4,294,967,295 blocked it for good).
 */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;

/** True for an iteration count a backup may carry (MIN_ITERATIONS…MAX_ITERATIONS). */
export function iterationsInRange(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) >= MIN_ITERATIONS && (n as number) <= MAX_ITERATIONS;
}
const SALT_BYTES = 16;
export const IV_BYTES = 12;

export type VaultErrorCode = 'vault_err_wrong_passphrase' | 'vault_err_corrupt' | 'vault_err_empty_passphrase';

/** The vault's error; `code` is an i18n message key (texts in public/_locales/{id,en}/messages.json). */
export class VaultError extends Error {
  override readonly name = 'VaultError';

  constructor(
    readonly code: VaultErrorCode,
    readonly detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
  }
}

/** A sealed value as stored: both parts base64. */
export interface SealedBox {
  iv: string;
  ct: string;
}

// ---------------------------------------------------------------- base64

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Strict base64 → bytes; VaultError 'vault_err_corrupt' when it is not base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new VaultError('vault_err_corrupt', 'not base64');
  }
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ---------------------------------------------------------------- keys

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** A fresh random salt (base64) for a new or changed passphrase. */
export function newSalt(): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

/**
 * Passphrase + salt → the AES-GCM-256 key (non-extractable). The passphrase is NFC-normalised so
 * the same words typed on another keyboard or system give the same key. Only tests pass a lower
 * iteration count.
 */
export async function deriveKey(
  passphrase: string,
  salt: string | Uint8Array,
  iterations: number = VAULT_ITERATIONS,
): Promise<CryptoKey> {
  if (passphrase === '') throw new VaultError('vault_err_empty_passphrase');
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new RangeError(`iterations: ${iterations}`);
  const saltBytes = typeof salt === 'string' ? base64ToBytes(salt) : new Uint8Array(salt);
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

// ---------------------------------------------------------------- sealing

/** Seals a text (a base32 secret) with a fresh random IV. */
export async function encryptSecret(key: CryptoKey, plaintext: string): Promise<SealedBox> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return { iv: bytesToBase64(iv), ct: bytesToBase64(new Uint8Array(ct)) };
}

function isBox(box: unknown): box is SealedBox {
  return (
    typeof box === 'object' &&
    box !== null &&
    typeof (box as SealedBox).iv === 'string' &&
    typeof (box as SealedBox).ct === 'string'
  );
}

/**
 * Opens a sealed text. VaultError 'vault_err_corrupt' when the box was changed or sealed with
 * another key (AES-GCM cannot tell the two apart; check the passphrase with checkVerifier first).
 */
export async function decryptSecret(key: CryptoKey, box: SealedBox): Promise<string> {
  if (!isBox(box)) throw new VaultError('vault_err_corrupt', 'not a sealed box');
  const iv = base64ToBytes(box.iv);
  const ct = base64ToBytes(box.ct);
  if (iv.length !== IV_BYTES) throw new VaultError('vault_err_corrupt', `iv of ${iv.length} bytes`);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt({ name: 'AES-GCM', iv }, key, ct);
  } catch {
    throw new VaultError('vault_err_corrupt', 'authentication failed');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new VaultError('vault_err_corrupt', 'not UTF-8');
  }
}

// ---------------------------------------------------------------- verifier

const VERIFIER_TEXT = 'asisten-ekinerja vault verifier v1';

/** A box to store next to the salt; checkVerifier tells whether a key is the vault's key. */
export function makeVerifier(key: CryptoKey): Promise<SealedBox> {
  return encryptSecret(key, VERIFIER_TEXT);
}

/** Resolves when `key` opens the verifier; VaultError 'vault_err_wrong_passphrase' otherwise. */
export async function checkVerifier(key: CryptoKey, verifier: SealedBox): Promise<void> {
  let text: string;
  try {
    text = await decryptSecret(key, verifier);
  } catch (e) {
    if (e instanceof VaultError) throw new VaultError('vault_err_wrong_passphrase', e.detail);
    throw e;
  }
  if (text !== VERIFIER_TEXT) throw new VaultError('vault_err_wrong_passphrase', 'verifier text differs');
}
