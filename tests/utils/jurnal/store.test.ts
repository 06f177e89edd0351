import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '@/utils/db/db';
import { entryFromSave } from '@/utils/jurnal/entry';
import { listEntries, putEntry, replaceSiteEntries } from '@/utils/jurnal/store';

const names: string[] = [];
afterEach(() => { for (const n of names.splice(0)) indexedDB.deleteDatabase(n); });
const now = new Date('2026-12-07T03:00:00Z');

describe('replaceSiteEntries', () => {
  it('a date read again gets exactly its new events; saved entries and other dates stay', async () => {
    const name = `jurnal-store-${Math.random()}`;
    names.push(name);
    const db = await openDb(name);
    const saved = entryFromSave(
      { date: '2026-12-04', rencanaAksi: 'RA', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'K', realisasi: '1', satuan: 'JP', buktiDukung: '' },
      { id: 'saved', now },
    )!;
    await putEntry(db, saved);
    const a = { date: '2026-12-04', title: 'Rapat', start: '10:00', end: '11:00' };
    const b = { date: '2026-12-05', title: 'Piket', start: '', end: '' };
    expect(await replaceSiteEntries(db, ['2026-12-04', '2026-12-05'], [a, b], now)).toBe(2);
    expect(await replaceSiteEntries(db, ['2026-12-04', '2026-12-05'], [a, b], now)).toBe(0);
    // The 4th read again without "Rapat": it goes; the 5th is not in this reading and stays.
    expect(await replaceSiteEntries(db, ['2026-12-04'], [{ ...a, title: 'Rapat dinas' }], now)).toBe(2);
    const all = await listEntries(db);
    expect(all.map((e) => [e.date, e.source, e.title ?? e.kegiatan]).sort()).toEqual([
      ['2026-12-04', 'site-calendar', 'Rapat dinas'],
      ['2026-12-04', 'typed', 'K'],
      ['2026-12-05', 'site-calendar', 'Piket'],
    ]);
    db.close();
  });
});
