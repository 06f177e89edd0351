import { describe, expect, it } from 'vitest';
import {
  checkEntry, durationMinutes, entryFromSave, entryFromSite, hasLink, linksOf, parseRealisasi, sameAsSaved, siteEntryId, type SentValues,
} from '@/utils/jurnal/entry';

const now = new Date('2026-12-04T09:00:00.000Z');
const sent: SentValues = {
  date: '2026-12-04', rencanaAksi: '  Melaksanakan   pembelajaran ', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar\nkelas 7A', realisasi: '2,00', satuan: 'JP', buktiDukung: ' https://drive.google.com/x ',
};

describe('entryFromSave', () => {
  it('records the values sent, cleaned, from a template', () => {
    expect(entryFromSave(sent, { id: 'e1', now, templateId: 'tpl-1' })).toEqual({
      id: 'e1', date: '2026-12-04', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00',
      kegiatan: 'Mengajar kelas 7A', realisasi: 2, satuan: 'JP', buktiDukung: 'https://drive.google.com/x',
      source: 'template', templateId: 'tpl-1', recordedAt: '2026-12-04T09:00:00.000Z',
    });
  });
  it('is typed without a template; unknown times and realisasi become empty / null', () => {
    const e = entryFromSave({ ...sent, jamMulai: '7.30', realisasi: 'dua' }, { id: 'e2', now, templateId: null })!;
    expect(e.source).toBe('typed');
    expect('templateId' in e).toBe(false);
    expect(e.jamMulai).toBe('');
    expect(e.realisasi).toBeNull();
    expect(checkEntry(e)).toEqual([]);
  });
  it('records nothing without a real date', () => {
    expect(entryFromSave({ ...sent, date: '04-12-2026' }, { id: 'x', now })).toBeNull();
    expect(entryFromSave({ ...sent, date: '2026-02-30x' }, { id: 'x', now })).toBeNull();
  });
});

describe('site entries', () => {
  it('have a stable id and only title and times', () => {
    const ev = { date: '2026-12-04', title: ' Rapat  dinas ', start: '08:00', end: '10:00' };
    const e = entryFromSite(ev, now)!;
    expect(e).toMatchObject({ id: siteEntryId(ev), source: 'site-calendar', title: 'Rapat dinas', realisasi: null, jamMulai: '08:00' });
    expect(siteEntryId({ ...ev, title: 'Rapat dinas' })).toBe(e.id);
    expect(checkEntry(e)).toEqual([]);
  });
  it('match a saved entry by date and times, or by title without times', () => {
    const saved = entryFromSave(sent, { id: 's', now })!;
    expect(sameAsSaved(entryFromSite({ date: '2026-12-04', title: '?', start: '07:30', end: '09:00' }, now)!, saved)).toBe(true);
    expect(sameAsSaved(entryFromSite({ date: '2026-12-04', title: 'Mengajar kelas 7A', start: '10:00', end: '11:00' }, now)!, saved)).toBe(false);
    expect(sameAsSaved(entryFromSite({ date: '2026-12-04', title: 'MENGAJAR KELAS 7A', start: '', end: '' }, now)!, saved)).toBe(true);
    expect(sameAsSaved(entryFromSite({ date: '2026-12-05', title: 'Mengajar kelas 7A', start: '', end: '' }, now)!, saved)).toBe(false);
  });
});

describe('helpers', () => {
  it('durations, links and realisasi', () => {
    expect(durationMinutes({ jamMulai: '07:30', jamSelesai: '09:00' })).toBe(90);
    expect(durationMinutes({ jamMulai: '09:00', jamSelesai: '07:30' })).toBe(0);
    expect(durationMinutes({ jamMulai: '', jamSelesai: '07:30' })).toBe(0);
    expect(hasLink('lihat http://x.id/a')).toBe(true);
    expect(hasLink('drive.google.com/a')).toBe(false);
    expect(linksOf('a https://x/1, https://x/2;b')).toEqual(['https://x/1', 'https://x/2']);
    expect(parseRealisasi(' 3 ')).toBe(3);
    expect(parseRealisasi('1.000')).toBeNull();
  });
  it('checkEntry lists every problem', () => {
    expect(checkEntry(null)).toEqual([{ field: '', expected: 'object' }]);
    expect(checkEntry({ id: '', date: '2026-13-01', jamMulai: '7:30', realisasi: '2', source: 'x', templateId: 3 }).map((p) => p.field).sort()).toEqual(
      ['buktiDukung', 'date', 'id', 'jamSelesai', 'jamMulai', 'kegiatan', 'realisasi', 'recordedAt', 'rencanaAksi', 'satuan', 'source', 'templateId'].sort(),
    );
  });
});
