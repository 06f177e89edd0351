import { pbkdf2Sync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type Db } from '@/utils/db/db';
import { VAULT_KEY } from '@/utils/db/schema';
import { decryptSecret, deriveKey, encryptSecret, MAX_ITERATIONS, VAULT_ITERATIONS } from '@/utils/vault/crypto';
import { AUTO_LOCK_ALARM, createVault, deriveKeyBytes, importKeyBytes, isVaultRecord, openSecret, storeSecret, VaultLockedError } from '@/utils/vault/vault';
import { lockAtItem, vaultKeyItem } from '@/utils/storage/items';
import { appliedOffset, CLOCK_TOLERANCE_MS } from '@/utils/vault/snapshot';

let db: Db;
let n = 0;
beforeEach(async () => { db = await openDb(`vault-test-${n++}`); });
afterEach(() => db.close());

const SALT = 'c2FsdHNhbHRzYWx0c2FsdA=='; // "saltsaltsaltsalt"

describe('key bytes', () => {
  it('are PBKDF2-SHA-256 of the NFC passphrase (checked against node:crypto)', async () => {
    const raw = await deriveKeyBytes('Cafe\u0301 pagi', SALT, 1000);
    const expected = pbkdf2Sync(Buffer.from('Caf\u00e9 pagi', 'utf8'), Buffer.from('saltsaltsaltsalt'), 1000, 32, 'sha256');
    expect(Buffer.from(raw).equals(expected)).toBe(true);
  });

  it('make the same AES key as crypto.ts deriveKey (what one seals, the other opens)', async () => {
    const fromBytes = await importKeyBytes(await deriveKeyBytes('kopi tubruk', SALT, 1000));
    const fromCrypto = await deriveKey('kopi tubruk', SALT, 1000);
    expect(await decryptSecret(fromCrypto, await encryptSecret(fromBytes, 'JBSWY3DPEHPK3PXP'))).toBe('JBSWY3DPEHPK3PXP');
    expect(await decryptSecret(fromBytes, await encryptSecret(fromCrypto, 'GEZDGNBV'))).toBe('GEZDGNBV');
  });

  it('the key kept for the session is not extractable', async () => {
    const key = await importKeyBytes(await deriveKeyBytes('x', SALT, 10));
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });
});

describe('stored secrets', () => {
  const base = { id: 'a', issuer: 'i', account: 'a', algorithm: 'SHA1' as const, digits: 6 as const, period: 30, order: 0, pinned: false, createdAt: 'x' };

  it('plain without a key, sealed with one, and opened back', async () => {
    expect(await storeSecret({ ...base, secret: 'JBSWY3DPEHPK3PXP' }, null)).toEqual({ ...base, secret: 'JBSWY3DPEHPK3PXP' });
    const key = await importKeyBytes(await deriveKeyBytes('x', SALT, 10));
    const sealed = await storeSecret({ ...base, secret: 'JBSWY3DPEHPK3PXP' }, key);
    expect(sealed).not.toHaveProperty('secret');
    expect(JSON.stringify(sealed)).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    await expect(openSecret(sealed, null)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(openSecret({ ...base }, key)).rejects.toMatchObject({ code: 'vault_err_corrupt' });
  });
});

describe('createVault', () => {
  it('a new passphrase uses 600,000 iterations and a fresh 16-byte salt', async () => {
    const vault = createVault({ db: async () => db, now: () => new Date(0) });
    await vault.setPassphrase(null, 'kata sandi panjang');
    const rec = await db.get('vault', VAULT_KEY);
    expect(rec!.iterations).toBe(VAULT_ITERATIONS);
    expect(VAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(rec!.salt)).toHaveLength(16);
    expect((await vault.state()).mode).toBe('unlocked');
    await vault.setPassphrase('kata sandi panjang', 'kata sandi lain');
    expect((await db.get('vault', VAULT_KEY))!.salt).not.toBe(rec!.salt);
  }, 20_000);

  it('refuses an empty passphrase and does nothing without a vault to remove', async () => {
    const vault = createVault({ db: async () => db, now: () => new Date(0), iterations: 10 });
    await expect(vault.setPassphrase(null, '')).rejects.toMatchObject({ code: 'vault_err_empty_passphrase' });
    await vault.setPassphrase(null, null);
    expect(await db.count('vault')).toBe(0);
    expect((await vault.state()).mode).toBe('none');
  });

  it('touch never brings back a key locked while it ran', async () => {
    const vault = createVault({ db: async () => db, now: () => new Date(0), iterations: 10 });
    await vault.setPassphrase(null, 'kata sandi panjang');
    expect((await vault.state()).mode).toBe('unlocked');
    // The lock lands while touch reads the session (the key still there when read).
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let locking: Promise<void> | undefined;
    const spy = vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      const got = await get(keys as string);
      locking ??= vault.lock();
      await locking;
      return got;
    });
    await vault.touch();
    spy.mockRestore();
    expect(locking).toBeDefined();
    expect(await vaultKeyItem.getValue()).toBeNull();
    expect(await lockAtItem.getValue()).toBeNull();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeFalsy();
    expect((await vault.state()).mode).toBe('locked');
    expect(await vault.key()).toBeNull();
  });

  it('touch extends an open vault', async () => {
    let now = 0;
    const vault = createVault({ db: async () => db, now: () => new Date(now), iterations: 10 });
    await vault.setPassphrase(null, 'kata sandi panjang');
    now = 5 * 60_000;
    await vault.touch();
    const lockAt = now + 15 * 60_000;
    expect(await vault.state()).toMatchObject({ mode: 'unlocked', lockAt });
    expect(await lockAtItem.getValue()).toBe(lockAt);
    expect((await vaultKeyItem.getValue())?.lockAt).toBe(lockAt);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(lockAt);
  });

  it('isVaultRecord accepts only complete records', () => {
    const good = { salt: SALT, iterations: 600_000, verifier: { iv: 'a', ct: 'b' }, autoLockMinutes: 15 };
    expect(isVaultRecord(good)).toBe(true);
    for (const bad of [null, {}, { ...good, iterations: 0 }, { ...good, iterations: MAX_ITERATIONS + 1 }, { ...good, verifier: null }, { ...good, autoLockMinutes: -1 }, { ...good, salt: 3 }]) {
      expect(isVaultRecord(bad)).toBe(false);
    }
  });

  it('refuses to derive a key with more than 10,000,000 iterations (it would hold the queue for hours)', async () => {
    await expect(deriveKeyBytes('kopi', SALT, 4294967295)).rejects.toMatchObject({ code: 'vault_err_corrupt' });
    await expect(deriveKey('kopi', SALT, MAX_ITERATIONS + 1)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('appliedOffset', () => {
  it('applies only offsets beyond 10 s, in both directions', () => {
    expect(CLOCK_TOLERANCE_MS).toBe(10_000);
    expect(appliedOffset({ offsetMs: 10_000, checkedAt: 1 })).toBe(0);
    expect(appliedOffset({ offsetMs: -9_999, checkedAt: 1 })).toBe(0);
    expect(appliedOffset({ offsetMs: 10_001, checkedAt: 1 })).toBe(10_001);
    expect(appliedOffset({ offsetMs: -42_000, checkedAt: 1 })).toBe(-42_000);
    expect(appliedOffset({ offsetMs: null, checkedAt: 1 })).toBe(0);
    expect(appliedOffset(undefined)).toBe(0);
  });
});
