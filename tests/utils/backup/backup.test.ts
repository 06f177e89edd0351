import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, readSettings, type Db } from '@/utils/db/db';
import { applyBackup, BACKUP_FORMAT, exportBackup, parseBackup, type BackupFile } from '@/utils/backup/backup';
import { createService } from '@/utils/background/service';
import { STORE_NAMES, SETTINGS_KEY } from '@/utils/db/schema';

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
}

async function dump() {
  const out: Record<string, unknown> = {};
  for (const s of STORE_NAMES) out[s] = s === 'settings' ? await db.get('settings', SETTINGS_KEY) : await db.getAll(s);
  return out;
}

async function wipe() {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  await Promise.all([...STORE_NAMES.map((s) => tx.objectStore(s).clear()), tx.done]);
}

const NOW = new Date('2026-11-29T03:00:00.000Z');

describe('backup', () => {
  it('round-trips: export → wipe → import gives identical data', async () => {
    await seed();
    const before = await dump();
    const handlers = createService(async () => db, () => NOW).handlers;
    const file = await handlers.exportBackup(undefined);
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.version).toBe(1);
    expect(file.exportedAt).toBe('2026-11-29T03:00:00.000Z');

    await wipe();
    expect(await db.count('reports')).toBe(0);

    const res = await handlers.importBackup(JSON.stringify(file, null, 2));
    expect(res).toEqual({ ok: true });
    expect(await dump()).toEqual(before);
    expect(await readSettings(db)).toMatchObject({ zone: 'Asia/Jayapura', workWeek: 6, targetTime: '15:30' });
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
      { code: 'backup_wrong_type', path: 'data.reports[1].status', detail: 'reported | not-reported' },
      { code: 'backup_duplicate_key', path: 'data.reports[2].date', detail: '2026-11-02' },
      { code: 'backup_invalid_value', path: 'data.daysOff[0].end' },
      { code: 'backup_invalid_value', path: 'data.settings.targetTime' },
    ]);
    expect(await dump()).toEqual(before);
  });

  it('names the wrong file, the newer format and missing parts', () => {
    expect(parseBackup('not json {')).toEqual({ ok: false, problems: [{ code: 'backup_not_json', path: '' }] });
    expect(parseBackup('{"name":"something else"}')).toEqual({ ok: false, problems: [{ code: 'backup_wrong_format', path: 'format' }] });
    expect(parseBackup('[1,2]')).toEqual({ ok: false, problems: [{ code: 'backup_wrong_format', path: 'format' }] });
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: 'x', data: {} }))).toEqual({
      ok: false, problems: [{ code: 'backup_newer_version', path: 'version', detail: '2' }],
    });
    const res = parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, data: { accounts: [], templates: {}, reports: [] } }));
    expect(res).toEqual({
      ok: false,
      problems: [
        { code: 'backup_missing_field', path: 'exportedAt' },
        { code: 'backup_wrong_type', path: 'data.templates', detail: 'array' },
        { code: 'backup_missing_field', path: 'data.daysOff' },
        { code: 'backup_missing_field', path: 'data.settings' },
      ],
    });
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 'x' }))).toEqual({
      ok: false, problems: [{ code: 'backup_missing_field', path: 'data' }],
    });
  });

  it('accepts an empty but complete backup', () => {
    const empty: BackupFile = {
      format: BACKUP_FORMAT, version: 1, exportedAt: 'x',
      data: { accounts: [], templates: [], reports: [], daysOff: [], settings: {} },
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
