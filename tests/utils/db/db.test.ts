import { afterEach, describe, expect, it } from 'vitest';
import { openDb, writeAllOrNothing, type Db } from '@/utils/db/db';
import type { TemplateRecord } from '@/utils/db/schema';

const names: string[] = [];
let opened: Db[] = [];
async function fresh(): Promise<Db> {
  const name = `db-test-${names.length}`;
  names.push(name);
  const db = await openDb(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
  for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
});

const template = (id: string): TemplateRecord => ({
  id, name: id, rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '12:00', kegiatan: 'Mengajar',
  realisasi: 1, satuan: 'Kegiatan', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], isDefault: false, order: 0,
});

describe('writeAllOrNothing', () => {
  it('lands every queued write', async () => {
    const db = await fresh();
    const tx = db.transaction('templates', 'readwrite');
    await writeAllOrNothing(tx, (write) => {
      write(tx.store.put(template('a')));
      write(tx.store.put(template('b')));
    });
    expect((await db.getAllKeys('templates')).sort()).toEqual(['a', 'b']);
  });

  it('rolls back what was queued when a later request fails synchronously, and throws', async () => {
    const db = await fresh();
    await db.put('templates', template('kept'));
    const tx = db.transaction('templates', 'readwrite');
    const failing = writeAllOrNothing(tx, (write) => {
      write(tx.store.clear());
      write(tx.store.put(template('new')));
      write(tx.store.put({ name: 'no key' } as unknown as TemplateRecord)); // throws DataError at once
    });
    await expect(failing).rejects.toThrow();
    expect(await db.getAllKeys('templates')).toEqual(['kept']);
  });

  it('rolls back when a request fails later (a key that already exists, with add)', async () => {
    const db = await fresh();
    await db.put('templates', template('a'));
    const tx = db.transaction('templates', 'readwrite');
    const failing = writeAllOrNothing(tx, (write) => {
      write(tx.store.put(template('b')));
      write(tx.store.add(template('a')));
    });
    await expect(failing).rejects.toThrow();
    expect(await db.getAllKeys('templates')).toEqual(['a']);
  });
});
