import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/utils/db/db';
import { readSettings } from '@/utils/settings/store';
import { applyBackup, BACKUP_FORMAT, exportBackup, MAX_BACKUP_BYTES, parseBackup, type BackupFile } from '@/utils/backup/backup';
import { MAX_ITERATIONS, MIN_ITERATIONS } from '@/utils/vault/crypto';
import { createService } from '@/utils/background/service';
import { accountsCapability } from '@/utils/background/accounts';
import { STORE_NAMES, SETTINGS_KEY, VAULT_KEY } from '@/utils/db/schema';
import { codesSnapshotItem } from '@/utils/storage/items';
import type { JurnalEntry } from '@/utils/jurnal/entry';

let db: Db;
let name: string;
let n = 0;
beforeEach(async () => {
  name = `backup-test-${n++}`;
  db = await openDb(name);
});
afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(name);
});

async function seed() {
  await db.put('accounts', {
    id: 'a1', issuer: 'public-siasn', account: 'budi', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1',
    digits: 6, period: 30, order: 0, pinned: false, createdAt: '2026-11-01T00:00:00.000Z',
  });
  await db.put('templates', {
    id: 't1', name: 'Rapat; "koordinasi"', rencanaAksi: 'Mengelola administrasi', jamMulai: '08:00', jamSelesai: '10:00',
    kegiatan: 'Rapat {tanggal_panjang}\nbaris dua', realisasi: 1, satuan: 'Dokumen', buktiDukung: 'https://drive.google.com/x',
    weekdays: [1, 3], isDefault: true, order: 0,
  });
  for (const date of ['2026-11-02', '2026-11-03', '2026-11-04']) {
    await db.put('reports', { date, status: 'reported', source: 'manual', at: `${date}T09:00:00.000Z` });
  }
  await db.put('daysOff', { id: 'd1', start: '2026-11-10', end: '2026-11-12', kind: 'sakit', note: 'Demam' });
  await db.put('settings', { zone: 'Asia/Jayapura', workWeek: 6, targetTime: '15:30' }, SETTINGS_KEY);
  await db.put('jurnal', JURNAL_ENTRY);
  await db.put('jurnal', { ...JURNAL_ENTRY, id: 'site:2026-11-03', source: 'site-calendar', title: 'Rapat', realisasi: null, rencanaAksi: '', kegiatan: '' });
}

const JURNAL_ENTRY: JurnalEntry = {
  id: 'j1', date: '2026-11-02', rencanaAksi: 'Mengelola administrasi', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: 'Rapat 2 November',
  realisasi: 1, satuan: 'Dokumen', buktiDukung: 'https://drive.google.com/x', source: 'template', templateId: 't1', recordedAt: '2026-11-02T03:00:00.000Z',
};

async function dump() {
  const out: Record<string, unknown> = {};
  for (const s of STORE_NAMES) {
    out[s] = s === 'settings' ? await db.get('settings', SETTINGS_KEY) : s === 'vault' ? await db.get('vault', VAULT_KEY) : await db.getAll(s);
  }
  return out;
}

const SECRET = 'JBSWY3DPEHPK3PXP';
/** The background with the accounts capability (the fastest key derivation a backup may carry). */
function service() {
  return createService(async () => db, () => NOW, [(d) => accountsCapability(d, { iterations: MIN_ITERATIONS })]);
}
async function snapshotSecrets(): Promise<(string | undefined)[]> {
  const snap = (await codesSnapshotItem.getValue())!;
  return snap.accounts.map((a) => a.secret);
}

async function wipe() {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  await Promise.all([...STORE_NAMES.map((s) => tx.objectStore(s).clear()), tx.done]);
}

const NOW = new Date('2026-11-29T03:00:00.000Z');

describe('backup', () => {
  it('round-trips with a vault passphrase: export → wipe → import gives identical data, secrets only sealed', async () => {
    await seed();
    const svc = service();
    expect(await svc.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' })).toMatchObject({ ok: true });
    const before = await dump();
    await svc.handlers.lockVault(undefined); // exporting needs no unlocked vault
    const file = await svc.handlers.exportBackup(undefined);
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.version).toBe(3);
    expect(file.data.jurnal).toHaveLength(2);
    expect(file.exportedAt).toBe('2026-11-29T03:00:00.000Z');
    const text = JSON.stringify(file, null, 2);
    expect(text).not.toContain(SECRET);
    expect(file.data.accounts[0]).toMatchObject({ id: 'a1', sealed: { iv: expect.any(String), ct: expect.any(String) } });
    expect(file.data.accounts[0]).not.toHaveProperty('secret');
    expect(file.data.vault).toEqual(before.vault);

    await wipe();
    expect(await db.count('reports')).toBe(0);

    const res = await svc.handlers.importBackup(text);
    expect(res).toEqual({ ok: true });
    expect(await dump()).toEqual(before);
    expect(await readSettings(db)).toMatchObject({ zone: 'Asia/Jayapura', workWeek: 6, targetTime: '15:30' });
    // The restored vault opens with its passphrase.
    expect(await svc.handlers.unlockVault('kopi tubruk pagi')).toMatchObject({ ok: true });
    expect(await snapshotSecrets()).toEqual([SECRET]);
  });

  it('without a passphrase the accounts are left out: no secret ever goes into the file in the clear', async () => {
    await seed();
    const file = await service().handlers.exportBackup(undefined);
    expect(JSON.stringify(file)).not.toContain(SECRET);
    expect(file.data.accounts).toEqual([]);
    expect(file.data.vault).toBeNull();
    expect(file.data.accountsOmitted).toBe(true);
    expect(file.data.templates).toHaveLength(1);
    expect(parseBackup(JSON.stringify(file)).ok).toBe(true);
  });

  it('restoring a file whose accounts were left out keeps the MFA accounts and the vault, and replaces the rest', async () => {
    await seed();
    const svc = service();
    const file = await svc.handlers.exportBackup(undefined); // no passphrase: accounts left out
    // Later: more accounts, a vault passphrase, other data.
    await db.put('accounts', {
      id: 'a2', issuer: 'GitHub', account: 'budi', secret: 'GEZDGNBVGY3TQOJQ', algorithm: 'SHA1',
      digits: 6, period: 30, order: 1, pinned: false, createdAt: '2026-11-20T00:00:00.000Z',
    });
    expect(await svc.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' })).toMatchObject({ ok: true });
    await db.put('reports', { date: '2026-11-20', status: 'reported', source: 'site', at: 'x' });
    const { accounts, vault } = await dump();
    expect(accounts).toHaveLength(2);

    expect(await svc.handlers.importBackup(JSON.stringify(file))).toEqual({ ok: true });
    const after = await dump();
    expect(after.accounts).toEqual(accounts);
    expect(after.vault).toEqual(vault);
    expect((await db.getAllKeys('reports')).sort()).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(await readSettings(db)).toMatchObject({ zone: 'Asia/Jayapura', workWeek: 6, targetTime: '15:30' });
    expect(await svc.handlers.unlockVault('kopi tubruk pagi')).toMatchObject({ ok: true });
    expect((await snapshotSecrets()).sort()).toEqual(['GEZDGNBVGY3TQOJQ', SECRET].sort());

    // Without accountsOmitted, an empty list still means "no accounts" (a backup made with none).
    const { accountsOmitted: _o, ...data } = file.data;
    await applyBackup(db, { ...file, data });
    expect(await db.count('accounts')).toBe(0);
    expect(await db.get('vault', VAULT_KEY)).toBeUndefined();
  });

  it('a device without accounts writes no accountsOmitted; a wrong accountsOmitted is refused', async () => {
    const file = await exportBackup(db, NOW);
    expect(file.data).not.toHaveProperty('accountsOmitted');
    const withFlag = (v: unknown, extra: Record<string, unknown> = {}) =>
      parseBackup(JSON.stringify({ ...file, data: { ...file.data, accountsOmitted: v, ...extra } }));
    expect(withFlag(true).ok).toBe(true);
    expect(withFlag(false).ok).toBe(true);
    expect(withFlag('yes')).toEqual({ ok: false, problems: [{ code: 'backup_wrong_type', path: 'data.accountsOmitted', detail: 'boolean' }] });
    await seed();
    await service().handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const sealed = await exportBackup(db, NOW);
    expect(sealed.data).not.toHaveProperty('accountsOmitted');
    expect(parseBackup(JSON.stringify({ ...sealed, data: { ...sealed.data, accountsOmitted: true } }))).toEqual({
      ok: false, problems: [{ code: 'backup_invalid_value', path: 'data.accountsOmitted' }],
    });
  });

  it('with a backup passphrase: secrets sealed; the restored vault opens with that passphrase only', async () => {
    await seed();
    const svc = service();
    const res = await svc.handlers.exportBackupWithPassphrase('cadangan rahasia');
    expect(res.ok).toBe(true);
    const file = (res as { backup: BackupFile }).backup;
    const text = JSON.stringify(file);
    expect(text).not.toContain(SECRET);
    expect(file.data.accounts).toHaveLength(1);
    expect(file.data.vault).toMatchObject({ iterations: MIN_ITERATIONS, autoLockMinutes: 15 });
    // The database itself is unchanged (still without passphrase).
    expect((await db.get('accounts', 'a1'))!.secret).toBe(SECRET);
    expect(await db.get('vault', VAULT_KEY)).toBeUndefined();
    expect(await svc.handlers.exportBackupWithPassphrase('')).toEqual({ ok: false, error: 'vault_err_empty_passphrase' });

    await wipe();
    expect(await svc.handlers.importBackup(text)).toEqual({ ok: true });
    expect((await svc.handlers.listAccounts(undefined)).vault.mode).toBe('locked');
    expect(await snapshotSecrets()).toEqual([undefined]);
    expect(await svc.handlers.unlockVault('salah')).toEqual({ ok: false, error: 'vault_err_wrong_passphrase' });
    expect(await svc.handlers.unlockVault('cadangan rahasia')).toMatchObject({ ok: true });
    expect(await snapshotSecrets()).toEqual([SECRET]);
  });

  it('a restore and a passphrase change at the same time do not overwrite each other', async () => {
    await seed();
    const svc = service();
    const res = await svc.handlers.exportBackupWithPassphrase('cadangan rahasia');
    const text = JSON.stringify((res as { backup: BackupFile }).backup);
    // Meanwhile the device has another account instead.
    await db.delete('accounts', 'a1');
    await db.put('accounts', { id: 'c1', issuer: 'GitHub', account: 'budi', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, order: 0, pinned: false, createdAt: 'x' });
    const [changed, restored] = await Promise.all([
      svc.handlers.setVaultPassphrase({ current: null, next: 'kata sandi baru' }),
      svc.handlers.importBackup(text),
    ]);
    expect(changed.ok).toBe(true);
    expect(restored).toEqual({ ok: true });
    // Whichever ran first, the restored accounts are the ones that stay.
    expect((await db.getAll('accounts')).map((a) => a.id)).toEqual(['a1']);
  });

  it('still reads version 1 files (plain secrets, no vault)', async () => {
    const v1 = {
      format: BACKUP_FORMAT, version: 1, exportedAt: 'x',
      data: {
        accounts: [{ id: 'a1', issuer: 'public-siasn', account: 'budi', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, order: 0, pinned: false, createdAt: 'x' }],
        templates: [], reports: [], daysOff: [], settings: {},
      },
    };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed).toMatchObject({ ok: true, backup: { version: 1, data: { vault: null } } });
    await applyBackup(db, (parsed as { backup: BackupFile }).backup);
    expect((await db.get('accounts', 'a1'))!.secret).toBe(SECRET);
    expect(await db.get('vault', VAULT_KEY)).toBeUndefined();
    // A version-1 account without its secret is refused as before.
    delete (v1.data.accounts[0] as Record<string, unknown>).secret;
    expect(parseBackup(JSON.stringify(v1))).toEqual({ ok: false, problems: [{ code: 'backup_missing_field', path: 'data.accounts[0].secret' }] });
  });

  it('version 2 refuses a plain secret, sealed accounts without their key check, and a damaged box', async () => {
    await seed();
    const svc = service();
    await svc.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const good = await svc.handlers.exportBackup(undefined);
    const withPlain = structuredClone(good);
    (withPlain.data.accounts[0] as Record<string, unknown>).secret = SECRET;
    expect(parseBackup(JSON.stringify(withPlain))).toEqual({ ok: false, problems: [{ code: 'backup_invalid_value', path: 'data.accounts[0].secret' }] });
    const noVault = structuredClone(good);
    noVault.data.vault = null;
    expect(parseBackup(JSON.stringify(noVault))).toEqual({ ok: false, problems: [{ code: 'backup_invalid_value', path: 'data.vault' }] });
    const missingVault = structuredClone(good) as unknown as { data: Record<string, unknown> };
    delete missingVault.data.vault;
    expect(parseBackup(JSON.stringify(missingVault))).toEqual({ ok: false, problems: [{ code: 'backup_missing_field', path: 'data.vault' }] });
    const badBox = structuredClone(good);
    badBox.data.accounts[0]!.sealed = { iv: 'not base64!', ct: '' };
    badBox.data.vault!.iterations = 0;
    expect(parseBackup(JSON.stringify(badBox))).toEqual({
      ok: false,
      problems: [
        { code: 'backup_wrong_type', path: 'data.accounts[0].sealed', detail: '{iv, ct} (base64)' },
        { code: 'backup_iterations', path: 'data.vault.iterations', detail: '0' },
      ],
    });
  });

  it('refuses PBKDF2 iteration counts outside 100,000–10,000,000 (1 is a free guess; 4294967295 held the queue for good)', async () => {
    await seed();
    const svc = service();
    await svc.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const good = await svc.handlers.exportBackup(undefined);
    const withIterations = (n: unknown) => {
      const f = structuredClone(good) as unknown as { data: { vault: Record<string, unknown> } };
      f.data.vault.iterations = n;
      return JSON.stringify(f);
    };
    for (const n of [1, MIN_ITERATIONS - 1, MAX_ITERATIONS + 1, 4294967295]) {
      expect(parseBackup(withIterations(n)), String(n)).toEqual({
        ok: false, problems: [{ code: 'backup_iterations', path: 'data.vault.iterations', detail: String(n) }],
      });
      expect(await svc.handlers.importBackup(withIterations(n))).toMatchObject({ ok: false });
    }
    expect(parseBackup(withIterations(1.5))).toEqual({
      ok: false, problems: [{ code: 'backup_wrong_type', path: 'data.vault.iterations', detail: 'integer' }],
    });
    for (const n of [MIN_ITERATIONS, 600_000, MAX_ITERATIONS]) expect(parseBackup(withIterations(n)).ok, String(n)).toBe(true);
  });

  it('refuses dates that do not exist (2026-02-30, 2026-02-29, 2026-04-31), in every date field', async () => {
    await seed();
    const good = await exportBackup(db, NOW);
    const bad = structuredClone(good) as unknown as { data: { reports: Record<string, unknown>[]; daysOff: Record<string, unknown>[]; settings: Record<string, unknown> } };
    bad.data.reports[0]!.date = '2026-02-30';
    bad.data.daysOff[0]!.start = '2026-02-29';
    bad.data.daysOff[0]!.end = '2026-04-31';
    bad.data.settings.countFrom = '2026-02-30';
    expect(parseBackup(JSON.stringify(bad))).toEqual({
      ok: false,
      problems: [
        { code: 'backup_invalid_date', path: 'data.reports[0].date', detail: '2026-02-30' },
        { code: 'backup_invalid_date', path: 'data.daysOff[0].start', detail: '2026-02-29' },
        { code: 'backup_invalid_date', path: 'data.daysOff[0].end', detail: '2026-04-31' },
        { code: 'backup_invalid_value', path: 'data.settings.countFrom' },
      ],
    });
    const leap = structuredClone(good);
    leap.data.reports[0]!.date = '2028-02-29';
    expect(parseBackup(JSON.stringify(leap)).ok).toBe(true);
  });

  it('refuses a file over 5 MB before parsing it, in the background too', async () => {
    expect(MAX_BACKUP_BYTES).toBe(5 * 1024 * 1024);
    const file = await exportBackup(db, NOW);
    // Valid JSON and a valid backup apart from its size (padding in a note).
    const big = JSON.stringify({ ...file, data: { ...file.data, daysOff: [{ id: 'd', start: '2026-11-10', end: '2026-11-10', kind: 'sakit', note: 'x'.repeat(MAX_BACKUP_BYTES) }] } });
    const tooLarge = { ok: false, problems: [{ code: 'backup_too_large', path: '', detail: '5' }] };
    expect(parseBackup(big)).toEqual(tooLarge);
    expect(await createService(async () => db, () => NOW).handlers.importBackup(big)).toEqual(tooLarge);
    expect(await db.getAll('daysOff')).toEqual([]);
    // Just under the limit still parses.
    const fits = JSON.stringify({ ...file, data: { ...file.data, daysOff: [{ id: 'd', start: '2026-11-10', end: '2026-11-10', kind: 'sakit', note: 'x'.repeat(MAX_BACKUP_BYTES - 1000) }] } });
    expect(parseBackup(fits).ok).toBe(true);
  });

  it('an import replaces data that is not in the backup', async () => {
    await seed();
    const file = await exportBackup(db, NOW);
    await db.put('reports', { date: '2026-11-20', status: 'reported', source: 'site', at: 'x' });
    await applyBackup(db, file);
    expect((await db.getAllKeys('reports')).sort()).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
  });

  it('a bad file is refused with every problem listed and the data untouched', async () => {
    await seed();
    const before = await dump();
    const good = await exportBackup(db, NOW);
    const bad = structuredClone(good) as unknown as { data: { templates: object[]; reports: object[]; daysOff: object[]; settings: unknown } };
    delete (bad.data.templates[0] as Record<string, unknown>).kegiatan;
    (bad.data.reports[1] as Record<string, unknown>).status = 'maybe';
    (bad.data.reports[2] as Record<string, unknown>).date = '2026-11-02';
    (bad.data.daysOff[0] as Record<string, unknown>).end = '2026-11-01';
    bad.data.settings = { targetTime: '25:00' };

    const res = await createService(async () => db, () => NOW).handlers.importBackup(JSON.stringify(bad));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.problems).toEqual([
      { code: 'backup_missing_field', path: 'data.templates[0].kegiatan' },
      { code: 'backup_wrong_type', path: 'data.reports[1].status', detail: 'reported | not-reported | unconfirmed' },
      { code: 'backup_duplicate_key', path: 'data.reports[2].date', detail: '2026-11-02' },
      { code: 'backup_invalid_value', path: 'data.daysOff[0].end' },
      { code: 'backup_invalid_value', path: 'data.settings.targetTime' },
    ]);
    expect(await dump()).toEqual(before);
  });

  it('version 3 carries the Jurnal; a version-2 file (no Jurnal) restores and keeps the Jurnal here', async () => {
    await seed();
    const svc = service();
    const file = await svc.handlers.exportBackup(undefined);
    expect(file.data.jurnal).toEqual(expect.arrayContaining([JURNAL_ENTRY]));
    const { jurnal: _j, ...v2data } = file.data;
    const v2 = JSON.stringify({ ...file, version: 2, data: { ...v2data, templates: [] } });
    expect(await svc.handlers.importBackup(v2)).toEqual({ ok: true });
    expect(await db.count('templates')).toBe(0);
    expect(await db.get('jurnal', 'j1')).toEqual(JURNAL_ENTRY);
    // A version-3 file replaces the Jurnal too.
    expect(await svc.handlers.importBackup(JSON.stringify({ ...file, data: { ...file.data, jurnal: [] } }))).toEqual({ ok: true });
    expect(await db.count('jurnal')).toBe(0);
    // A version-2 file never writes a Jurnal it should not have.
    expect(parseBackup(JSON.stringify({ ...file, version: 2, data: { ...v2data, jurnal: 'x' } })).ok).toBe(true);
  });

  it('checks every Jurnal entry of a version-3 file', async () => {
    await seed();
    const file = await service().handlers.exportBackup(undefined);
    const bad = { ...file, data: { ...file.data, jurnal: [JURNAL_ENTRY, { ...JURNAL_ENTRY, jamMulai: '7.30', date: '2026-02-30' }, { ...JURNAL_ENTRY, id: 'j3', source: 'x' }] } };
    expect(parseBackup(JSON.stringify(bad))).toEqual({
      ok: false,
      problems: [
        { code: 'backup_wrong_type', path: 'data.jurnal[1].jamMulai', detail: "HH:mm | ''" },
        { code: 'backup_duplicate_key', path: 'data.jurnal[1].id', detail: 'j1' },
        { code: 'backup_wrong_type', path: 'data.jurnal[2].source', detail: 'template | typed | site-calendar' },
      ],
    });
    const { jurnal: _j, ...noJurnal } = file.data;
    expect(parseBackup(JSON.stringify({ ...file, data: noJurnal }))).toEqual({ ok: false, problems: [{ code: 'backup_missing_field', path: 'data.jurnal' }] });
  });

  it('names the wrong file, the newer format and missing parts', () => {
    expect(parseBackup('not json {')).toEqual({ ok: false, problems: [{ code: 'backup_not_json', path: '' }] });
    expect(parseBackup('{"name":"something else"}')).toEqual({ ok: false, problems: [{ code: 'backup_wrong_format', path: 'format' }] });
    expect(parseBackup('[1,2]')).toEqual({ ok: false, problems: [{ code: 'backup_wrong_format', path: 'format' }] });
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 4, exportedAt: 'x', data: {} }))).toEqual({
      ok: false, problems: [{ code: 'backup_newer_version', path: 'version', detail: '4' }],
    });
    const res = parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 2, data: { accounts: [], templates: {}, reports: [] } }));
    expect(res).toEqual({
      ok: false,
      problems: [
        { code: 'backup_missing_field', path: 'exportedAt' },
        { code: 'backup_wrong_type', path: 'data.templates', detail: 'array' },
        { code: 'backup_missing_field', path: 'data.daysOff' },
        { code: 'backup_missing_field', path: 'data.vault' },
        { code: 'backup_missing_field', path: 'data.settings' },
      ],
    });
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 'x' }))).toEqual({
      ok: false, problems: [{ code: 'backup_missing_field', path: 'data' }],
    });
  });

  it('restores the settings the extension accepted, even with reminders that do not fit the target time', async () => {
    const svc = service();
    // Target 07:00 with the (disabled) 07:30 morning reminder; target 00:30 with the default 60-min lead.
    for (const targetTime of ['07:00', '00:30']) {
      expect(await svc.handlers.saveSettings({ targetTime })).toMatchObject({ ok: true });
      const saved = await readSettings(db);
      const text = JSON.stringify(await svc.handlers.exportBackup(undefined));
      await svc.handlers.saveSettings({ targetTime: '16:00' });
      expect(await svc.handlers.importBackup(text)).toEqual({ ok: true });
      expect(await readSettings(db)).toEqual(saved);
      expect(saved).toMatchObject({ targetTime, reminders: { leadMinutes: [60, 15], morning: { enabled: false, time: '07:30' } } });
    }
    // The reminder fields are still checked on their own.
    const file = await exportBackup(db, NOW);
    const bad = { ...file, data: { ...file.data, settings: { targetTime: '07:00', reminders: { leadMinutes: [0], morning: { enabled: true, time: '7:30' } } } } };
    expect(parseBackup(JSON.stringify(bad))).toEqual({
      ok: false,
      problems: [
        { code: 'backup_invalid_value', path: 'data.settings.reminders' },
        { code: 'backup_invalid_value', path: 'data.settings.reminders' },
      ],
    });
  });

  it('accepts an empty but complete backup', () => {
    const empty: BackupFile = {
      format: BACKUP_FORMAT, version: 2, exportedAt: 'x',
      data: { accounts: [], templates: [], reports: [], daysOff: [], settings: {}, vault: null },
    };
    expect(parseBackup(JSON.stringify(empty))).toEqual({ ok: true, backup: empty });
  });

  it('applies all or nothing: a write that fails midway leaves the old data', async () => {
    await seed();
    const before = await dump();
    const file = await exportBackup(db, NOW);
    // A record without its key cannot be stored: the transaction must roll back the clears too.
    (file.data.reports as unknown as Record<string, unknown>[]).push({ status: 'reported', source: 'manual', at: 'x' });
    await expect(applyBackup(db, file)).rejects.toBeTruthy();
    expect(await dump()).toEqual(before);
  });
});
