import { afterEach, describe, expect, it } from 'vitest';
import { watchProgressModal } from '@/utils/site/watch-modal';
import { watchSave } from '@/utils/site/observed-save';
import { createFillSession } from '@/utils/fill/fill-modal';
import { footerButton, group, loadReplica, openModal, replica, tick } from '../fill/replica';

let stop: AbortController | undefined;
afterEach(() => stop?.abort());

/** Watches the page as the content script does; returns what it saw. */
function watch() {
  stop = new AbortController();
  const opened: HTMLElement[] = [];
  const saves: string[] = [];
  let closed = 0;
  watchProgressModal(document, stop.signal, (modal, signal) => {
    opened.push(modal);
    signal.addEventListener('abort', () => closed++);
    const s = createFillSession(modal, () => '2026-11-27', () => 0, signal);
    (modal as HTMLElement & { fill?: typeof s }).fill = s;
    watchSave(modal, signal, () => s.date, (date) => saves.push(date));
  });
  return { opened, saves, closed: () => closed };
}

const typeDate = async (modal: HTMLElement, text: string) => {
  const input = group(modal, 'TANGGAL KEGIATAN').querySelector<HTMLInputElement>('input.mx-input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
};

const saved = () => tick(150); // the replica saves ~100 ms after OK

describe('watchProgressModal', () => {
  it('notices the modal each time it opens and signals each close', async () => {
    loadReplica();
    const seen = watch();
    await tick();
    expect(seen.opened).toEqual([]);
    const modal = await openModal();
    await tick();
    expect(seen.opened).toEqual([modal]);
    footerButton(modal, 'Close').click();
    await tick();
    expect(seen.closed()).toBe(1);
    await openModal();
    await tick();
    expect(seen.opened).toHaveLength(2);
    stop!.abort();
    expect(seen.closed()).toBe(2);
    footerButton(modal, 'Close').click();
    await openModal();
    await tick();
    expect(seen.opened).toHaveLength(2); // stopped: nothing more
  });
});

describe('observed saves', () => {
  it('reports the date in TANGGAL KEGIATAN once the site closes the modal after OK', async () => {
    loadReplica();
    const seen = watch();
    const modal = await openModal();
    await tick();
    await (modal as HTMLElement & { fill: ReturnType<typeof createFillSession> }).fill.fill({
      rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: 'Arsip', realisasi: 1, satuan: '', buktiDukung: '',
    });
    await typeDate(modal, '2026-11-20'); // the user changes the date afterwards: that date is the entry's
    footerButton(modal, 'OK').click();
    expect(seen.saves).toEqual([]); // not before the site confirms
    await saved();
    expect(replica().saved.map((e) => e.tanggal)).toEqual(['2026-11-20']);
    expect(seen.saves).toEqual(['2026-11-20']);
  });

  it('reports nothing after validation errors and Close, nor after Close alone; counts a later successful OK', async () => {
    loadReplica();
    const seen = watch();
    let modal = await openModal();
    await typeDate(modal, '2026-11-24');
    footerButton(modal, 'OK').click(); // the rest is empty: errors, modal stays
    await saved();
    expect(modal.querySelectorAll('.invalid-feedback').length).toBeGreaterThan(0);
    footerButton(modal, 'Close').click();
    await saved();
    expect(seen.saves).toEqual([]);

    modal = await openModal();
    await tick();
    const s = (modal as HTMLElement & { fill: ReturnType<typeof createFillSession> }).fill;
    await s.fill({ rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: 'Arsip', realisasi: 1, satuan: '', buktiDukung: '' });
    modal.querySelector<HTMLButtonElement>('.modal-header .close')!.click();
    await saved();
    expect(seen.saves).toEqual([]);

    modal = await openModal();
    await tick();
    await (modal as HTMLElement & { fill: ReturnType<typeof createFillSession> }).fill.fill(
      { rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: 'Arsip', realisasi: 1, satuan: '', buktiDukung: '' });
    footerButton(modal, 'OK').click();
    await saved();
    expect(seen.saves).toEqual(['2026-11-27']);
    expect(replica().saved).toHaveLength(1);
  });

  it('reports nothing when the content script stops while the modal is still open', async () => {
    loadReplica();
    const seen = watch();
    const modal = await openModal();
    await tick();
    await (modal as HTMLElement & { fill: ReturnType<typeof createFillSession> }).fill.fill(
      { rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: 'Arsip', realisasi: 1, satuan: '', buktiDukung: '' });
    footerButton(modal, 'OK').click();
    stop!.abort(); // before the site answers
    await saved();
    expect(replica().saved).toHaveLength(1);
    expect(seen.saves).toEqual([]);
  });
});
