import { afterEach, describe, expect, it } from 'vitest';
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS, openDb } from '@/utils/db/db';
import { readSettings } from '@/utils/settings/store';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { entryFromSave } from '@/utils/jurnal/entry';
import { listEntries, putEntry } from '@/utils/jurnal/store';
import { SETTINGS_KEY, VAULT_KEY, type AccountRecord, type DayOffRecord, type ReportRecord, type TemplateRecord } from '@/utils/db/schema';

let n = 0;
const names: string[] = [];
function freshName() {
  const name = `migration-test-${n++}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
});

const account: AccountRecord = {
  id: 'a1', issuer: 'public-siasn', account: '199001012020121001', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, order: 0, pinned: true, createdAt: '2026-01-05T01:00:00.000Z',
};
const template: TemplateRecord = {
  id: 't1', name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '12:00',
  kegiatan: 'Mengajar kelas {hari}', realisasi: 4, satuan: 'Jam Pelajaran', buktiDukung: '', weekdays: [1, 2, 3, 4, 5],
  isDefault: true, order: 0,
};
const report: ReportRecord = { date: '2026-11-27', status: 'reported', source: 'site', at: '2026-11-27T08:00:00.000Z' };
const dayOff: DayOffRecord = { id: 'd1', start: '2026-12-28', end: '2026-12-31', kind: 'cuti-tahunan', note: 'Mudik' };

/** Creates a database exactly as schema `version` of the extension did, and fills it. */
async function createAtVersion(name: string, version: number) {
  const db = await openDB(name, version, {
    upgrade(raw, oldVersion, _new, tx) {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(raw as never, tx as never);
    },
  });
  await db.put('accounts', account);
  await db.put('templates', template);
  await db.put('reports', report);
  await db.put('daysOff', dayOff);
  await db.put('settings', { targetTime: '15:00', zone: 'Asia/Makassar' }, SETTINGS_KEY);
  db.close();
}

/** A database opened at an older version, for the indexes today's schema types no longer name. */
const untyped = (db: unknown) => db as IDBPDatabase;

describe('database migrations', () => {
  it('the current version is 5 and every step is there', () => {
    expect(DB_VERSION).toBe(5);
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  it('1 → 2 keeps every record of a version-1 database and adds the indexes', async () => {
    const name = freshName();
    await createAtVersion(name, 1);

    const before = await openDB(name);
    expect(before.version).toBe(1);
    expect([...before.transaction('reports').store.indexNames]).toEqual([]);
    before.close();

    const db = await openDb(name, 2);
    expect(db.version).toBe(2);
    expect(await db.getAll('accounts')).toEqual([account]);
    expect(await db.getAll('templates')).toEqual([template]);
    expect(await db.getAll('reports')).toEqual([report]);
    expect(await db.getAll('daysOff')).toEqual([dayOff]);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, zone: 'Asia/Makassar', targetTime: '15:00' });
    // The new indexes answer queries over the old data.
    expect(await untyped(db).getAllFromIndex('accounts', 'by-issuer', 'public-siasn')).toEqual([account]);
    expect(await untyped(db).getAllFromIndex('reports', 'by-source', 'site')).toEqual([report]);
    expect(await untyped(db).getAllFromIndex('daysOff', 'by-start', IDBKeyRange.lowerBound('2026-12-01'))).toEqual([dayOff]);
    db.close();
  });

  it('2 → 3 keeps the accounts (plain secrets stay usable) and every other record, and adds an empty vault', async () => {
    const name = freshName();
    await createAtVersion(name, 2);
    const before = await openDB(name);
    expect(before.version).toBe(2);
    expect([...before.objectStoreNames]).not.toContain('vault');
    before.close();

    const db = await openDb(name, 3);
    expect(db.version).toBe(3);
    const [stored] = await db.getAll('accounts');
    expect(stored).toEqual(account);
    // Still an account the authenticator can use: its secret is there, nothing sealed.
    expect(stored!.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(stored!.sealed).toBeUndefined();
    expect(await untyped(db).getAllFromIndex('accounts', 'by-issuer', 'public-siasn')).toEqual([account]);
    expect(await db.getAll('templates')).toEqual([template]);
    expect(await db.getAll('reports')).toEqual([report]);
    expect(await db.getAll('daysOff')).toEqual([dayOff]);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, zone: 'Asia/Makassar', targetTime: '15:00' });
    expect(await db.count('vault')).toBe(0);
    // The new store takes the vault record.
    await db.put('vault', { salt: 'AAAA', iterations: 600_000, verifier: { iv: 'BBBB', ct: 'CCCC' }, autoLockMinutes: 15 }, VAULT_KEY);
    expect(await db.get('vault', VAULT_KEY)).toMatchObject({ autoLockMinutes: 15 });
    db.close();
  });

  it('3 → 4 keeps every record of a version-3 database and adds an empty Jurnal, looked up by date', async () => {
    const name = freshName();
    await createAtVersion(name, 3);
    const vault = { salt: 'AAAA', iterations: 600_000, verifier: { iv: 'BBBB', ct: 'CCCC' }, autoLockMinutes: 15 };
    const v3 = await openDB(name);
    await v3.put('vault', vault, VAULT_KEY);
    expect(v3.version).toBe(3);
    expect([...v3.objectStoreNames]).not.toContain('jurnal');
    v3.close();

    const db = await openDb(name, 4);
    expect(db.version).toBe(4);
    expect(await db.getAll('accounts')).toEqual([account]);
    expect(await db.getAll('templates')).toEqual([template]);
    expect(await db.getAll('reports')).toEqual([report]);
    expect(await db.getAll('daysOff')).toEqual([dayOff]);
    expect(await db.get('vault', VAULT_KEY)).toEqual(vault);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, zone: 'Asia/Makassar', targetTime: '15:00' });
    expect(await db.count('jurnal')).toBe(0);
    const entry = entryFromSave(
      { date: '2026-12-04', rencanaAksi: 'RA', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'K', realisasi: '1', satuan: 'JP', buktiDukung: '' },
      { id: 'j1', now: new Date('2026-12-04T03:00:00Z'), templateId: 't1' },
    )!;
    await putEntry(db, entry);
    await putEntry(db, { ...entry, id: 'j0', date: '2026-11-30' });
    expect(await listEntries(db, { from: '2026-12-01', to: '2026-12-31' })).toEqual([entry]);
    db.close();
  });

  it('4 → 5 drops the indexes nothing reads and keeps every record, the Jurnal\'s by-date index too', async () => {
    const name = freshName();
    await createAtVersion(name, 4);
    const vault = { salt: 'AAAA', iterations: 600_000, verifier: { iv: 'BBBB', ct: 'CCCC' }, autoLockMinutes: 15 };
    const entry = entryFromSave(
      { date: '2026-12-04', rencanaAksi: 'RA', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'K', realisasi: '1', satuan: 'JP', buktiDukung: '' },
      { id: 'j1', now: new Date('2026-12-04T03:00:00Z'), templateId: 't1' },
    )!;
    const v4 = await openDB(name);
    expect(v4.version).toBe(4);
    await v4.put('vault', vault, VAULT_KEY);
    await v4.put('jurnal', entry);
    expect([...v4.transaction('accounts').store.indexNames]).toEqual(['by-issuer']);
    expect([...v4.transaction('reports').store.indexNames]).toEqual(['by-source']);
    expect([...v4.transaction('daysOff').store.indexNames]).toEqual(['by-start']);
    v4.close();

    const db = await openDb(name);
    expect(db.version).toBe(5);
    expect([...db.transaction('accounts').store.indexNames]).toEqual([]);
    expect([...db.transaction('reports').store.indexNames]).toEqual([]);
    expect([...db.transaction('daysOff').store.indexNames]).toEqual([]);
    expect([...db.transaction('jurnal').store.indexNames]).toEqual(['by-date']);
    expect(await db.getAll('accounts')).toEqual([account]);
    expect(await db.getAll('templates')).toEqual([template]);
    expect(await db.getAll('reports')).toEqual([report]);
    expect(await db.getAll('daysOff')).toEqual([dayOff]);
    expect(await db.get('vault', VAULT_KEY)).toEqual(vault);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, zone: 'Asia/Makassar', targetTime: '15:00' });
    expect(await listEntries(db, { from: '2026-12-01', to: '2026-12-31' })).toEqual([entry]);
    db.close();
  });

  it('1 → 5 in one upgrade: a version-1 database ends with the same records and no stale index', async () => {
    const name = freshName();
    await createAtVersion(name, 1);
    const db = await openDb(name);
    expect(db.version).toBe(5);
    expect(await db.getAll('accounts')).toEqual([account]);
    expect(await db.getAll('reports')).toEqual([report]);
    expect(await db.getAll('daysOff')).toEqual([dayOff]);
    for (const store of ['accounts', 'reports', 'daysOff'] as const) expect([...db.transaction(store).store.indexNames], store).toEqual([]);
    db.close();
  });

  it('a new database gets every store and index at once', async () => {
    const db = await openDb(freshName());
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'daysOff', 'jurnal', 'reports', 'settings', 'templates', 'vault']);
    expect([...db.transaction('jurnal').store.indexNames]).toEqual(['by-date']);
    for (const store of ['accounts', 'reports', 'daysOff', 'templates'] as const) {
      expect([...db.transaction(store).store.indexNames], store).toEqual([]);
    }
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    db.close();
  });

  it('reopening an up-to-date database changes nothing', async () => {
    const name = freshName();
    await createAtVersion(name, DB_VERSION);
    const db = await openDb(name);
    expect(await db.count('reports')).toBe(1);
    db.close();
  });
});
