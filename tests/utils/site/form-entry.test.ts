import { describe, expect, it } from 'vitest';
import { readFormEntry, readRencanaAksiOptions, watchRencanaAksiOptions } from '@/utils/site/form-entry';
import { createFillSession } from '@/utils/fill/fill-modal';
import { group, loadReplica, openModal, replica, tick, until } from '../fill/replica';

describe('the form as a template, and the site\'s Rencana Aksi options (issue 11, item 5)', () => {
  it('reads the form\'s values but the date, and every Rencana Aksi option without changing the choice', async () => {
    loadReplica();
    const modal = await openModal();
    expect(readFormEntry(modal)).toEqual({ rencanaAksi: '', jamMulai: '', jamSelesai: '', kegiatan: '', realisasi: '', satuan: '', buktiDukung: '' });
    const session = createFillSession(modal, () => '2026-11-27', () => 0);
    await session.fill({ rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:30', kegiatan: 'Arsip {hari}', realisasi: 3, satuan: '', buktiDukung: 'https://drive.example.go.id/x' });
    expect(readFormEntry(modal)).toEqual({
      rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:30', kegiatan: 'Arsip Jumat', realisasi: '3', satuan: 'Dokumen', buktiDukung: 'https://drive.example.go.id/x',
    });
    const options = await readRencanaAksiOptions(modal);
    expect(options).toHaveLength(6);
    expect(options).toContain('Menyusun laporan kinerja bulanan');
    // The list is closed again and the choice unchanged.
    expect(group(modal, 'RENCANA AKSI').querySelector('.v-select')!.classList.contains('vs--open')).toBe(false);
    expect(replica().state()?.rencanaAksi).toBe('Mengelola administrasi kepegawaian');
  });

  it('hears the options when the user opens the choice, once per different list, and nothing after the signal aborts', async () => {
    loadReplica();
    const modal = await openModal();
    const seen: string[][] = [];
    const stop = new AbortController();
    watchRencanaAksiOptions(modal, stop.signal, (o) => seen.push(o));
    const search = group(modal, 'RENCANA AKSI').querySelector<HTMLInputElement>('input.vs__search')!;
    search.focus();
    search.dispatchEvent(new FocusEvent('focus'));
    await until(() => seen.length === 1);
    expect(seen[0]).toHaveLength(6);
    search.blur();
    search.dispatchEvent(new FocusEvent('blur'));
    await tick(100);
    search.dispatchEvent(new FocusEvent('focus'));
    await tick(150);
    expect(seen).toHaveLength(1);
    stop.abort();
  });
});
