import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  IV_BYTES,
  VAULT_ITERATIONS,
  VaultError,
  base64ToBytes,
  bytesToBase64,
  checkVerifier,
  decryptSecret,
  deriveKey,
  encryptSecret,
  makeVerifier,
  newSalt,
  type SealedBox,
} from '@/utils/vault/crypto';

const FAST = 1000; // tests only; production uses the 600,000 default

async function vaultError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError);
    return (e as VaultError).code;
  }
  throw new Error('expected a VaultError');
}

/** Flips one bit of a base64 field. */
function flip(b64: string, index: number): string {
  const bytes = base64ToBytes(b64);
  bytes[index % bytes.length]! ^= 0x01;
  return bytesToBase64(bytes);
}

describe('vault crypto', () => {
  it('uses at least 600,000 PBKDF2 iterations by default', () => {
    expect(VAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('derives a non-extractable AES-GCM-256 key', async () => {
    const key = await deriveKey('kata sandi', newSalt(), FAST);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(key.usages.sort()).toEqual(['decrypt', 'encrypt']);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('derives the PBKDF2-SHA-256 key that node:crypto computes (checked through decryption)', async () => {
    const salt = newSalt();
    const raw = pbkdf2Sync('rahasia-ku', Buffer.from(salt, 'base64'), FAST, 32, 'sha256');
    const reference = await globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const key = await deriveKey('rahasia-ku', salt, FAST);
    const box = await encryptSecret(reference, 'JBSWY3DPEHPK3PXP');
    expect(await decryptSecret(key, box)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('round-trips a secret', async () => {
    const key = await deriveKey('kata sandi panjang', newSalt(), FAST);
    const box = await encryptSecret(key, 'KRUGS4ZANFZSA5DIMUQGWZLZ');
    expect(box.ct).not.toContain('KRUGS4ZA');
    expect(Buffer.from(box.ct, 'base64').toString('latin1')).not.toContain('KRUG');
    expect(await decryptSecret(key, box)).toBe('KRUGS4ZANFZSA5DIMUQGWZLZ');
  });

  it('uses a fresh 12-byte IV on every call', async () => {
    const key = await deriveKey('x', newSalt(), FAST);
    const boxes = await Promise.all(Array.from({ length: 20 }, () => encryptSecret(key, 'same text')));
    const ivs = new Set(boxes.map((b) => b.iv));
    expect(ivs.size).toBe(20);
    expect(new Set(boxes.map((b) => b.ct)).size).toBe(20);
    for (const b of boxes) expect(base64ToBytes(b.iv)).toHaveLength(IV_BYTES);
  });

  it('gives a new random 16-byte salt each time', () => {
    const a = newSalt();
    expect(base64ToBytes(a)).toHaveLength(16);
    expect(newSalt()).not.toBe(a);
  });

  it('the same passphrase and salt give the same key; NFC and NFD spellings match', async () => {
    const salt = newSalt();
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    const box = await encryptSecret(await deriveKey(composed, salt, FAST), 'secret');
    expect(await decryptSecret(await deriveKey(decomposed, salt, FAST), box)).toBe('secret');
  });

  it('detects a wrong passphrase with the verifier (typed error, no output)', async () => {
    const salt = newSalt();
    const right = await deriveKey('benar', salt, FAST);
    const verifier = await makeVerifier(right);
    await expect(checkVerifier(right, verifier)).resolves.toBeUndefined();
    const wrong = await deriveKey('salah', salt, FAST);
    expect(await vaultError(checkVerifier(wrong, verifier))).toBe('vault_err_wrong_passphrase');
    // Same passphrase, different salt: a different key too.
    const otherSalt = await deriveKey('benar', newSalt(), FAST);
    expect(await vaultError(checkVerifier(otherSalt, verifier))).toBe('vault_err_wrong_passphrase');
  });

  it('a verifier made for other text is not accepted', async () => {
    const key = await deriveKey('benar', newSalt(), FAST);
    const fake = await encryptSecret(key, 'something else');
    expect(await vaultError(checkVerifier(key, fake))).toBe('vault_err_wrong_passphrase');
  });

  it('decrypting with another key is a typed error, never garbage', async () => {
    const salt = newSalt();
    const box = await encryptSecret(await deriveKey('a', salt, FAST), 'JBSWY3DPEHPK3PXP');
    expect(await vaultError(decryptSecret(await deriveKey('b', salt, FAST), box))).toBe('vault_err_corrupt');
  });

  it('tampered ciphertext, tag or IV is a typed error', async () => {
    const key = await deriveKey('kunci', newSalt(), FAST);
    const box = await encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    const ctLength = base64ToBytes(box.ct).length;
    const tampered: SealedBox[] = [
      { ...box, ct: flip(box.ct, 0) }, // first ciphertext byte
      { ...box, ct: flip(box.ct, ctLength - 1) }, // last byte of the GCM tag
      { ...box, iv: flip(box.iv, 3) },
      { ...box, ct: bytesToBase64(base64ToBytes(box.ct).slice(0, ctLength - 1)) }, // truncated
      { ...box, iv: bytesToBase64(new Uint8Array(8)) }, // wrong IV size
      { ...box, ct: 'not base64!' },
      { iv: box.iv } as unknown as SealedBox,
    ];
    for (const t of tampered) expect(await vaultError(decryptSecret(key, t))).toBe('vault_err_corrupt');
    // The untouched box still opens.
    expect(await decryptSecret(key, box)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('a tampered verifier reads as a wrong passphrase', async () => {
    const key = await deriveKey('kunci', newSalt(), FAST);
    const verifier = await makeVerifier(key);
    expect(await vaultError(checkVerifier(key, { ...verifier, ct: flip(verifier.ct, 5) }))).toBe('vault_err_wrong_passphrase');
  });

  it('refuses an empty passphrase', async () => {
    expect(await vaultError(deriveKey('', newSalt(), FAST))).toBe('vault_err_empty_passphrase');
  });

  it('base64 helpers match Buffer', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
  });
});
