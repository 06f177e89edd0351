/**
 * The e-Kinerja replica itself (tests/fixtures/replica), driven like a person would, without the
 * extension: proves it is built from the real widgets, validates and saves from its Vue state,
 * and reproduces the gotchas known of the real site (utils/site/README.md).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { EKINERJA, serveFixtures } from './harness';
import { REPLICA_ROUTES, replicaPath, type ReplicaApi, type ReplicaEntry, type ReplicaQuery } from '../fixtures/replica/routes';
import { cellClasses, chooseRencanaAksi, field, formState, openModal, saved, typeInPicker, waitReady } from './replica-driver';

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function openReplica(query: ReplicaQuery): Promise<Page> {
  context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await serveFixtures(context, EKINERJA, { ...REPLICA_ROUTES });
  const page = await context.newPage();
  await page.goto(EKINERJA + replicaPath(query));
  return page;
}

async function fillValidForm(modal: Locator, skip: 'kegiatan' | null = null): Promise<void> {
  await chooseRencanaAksi(modal, 'tatap', 'Melaksanakan pembelajaran tatap muka');
  await typeInPicker(modal, 'TANGGAL KEGIATAN', '2026-11-25');
  await typeInPicker(modal, 'JAM MULAI KEGIATAN', '07:30');
  await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '09:00');
  if (skip !== 'kegiatan') await modal.locator('input[name="kegiatan"]').fill('Mengajar Matematika kelas 8A');
  await modal.locator('input[name="realisasi_activity"]').fill('2');
  await modal.locator('input[name="bukti_eviden"]').fill('https://drive.google.com/drive/folders/abc123');
}

const EXPECTED: ReplicaEntry = {
  rencanaAksi: 'Melaksanakan pembelajaran tatap muka',
  tanggal: '2026-11-25',
  jamMulai: '07:30',
  jamSelesai: '09:00',
  kegiatan: 'Mengajar Matematika kelas 8A',
  sumberData: 'ekinerja',
  realisasi: 2,
  satuan: 'Jam Pelajaran',
  buktiDukung: 'https://drive.google.com/drive/folders/abc123',
};

describe('e-Kinerja replica (no extension)', () => {
  it('shows the seeded week, and saves a modal filled through the real widgets from its Vue state', async () => {
    const page = await openReplica({ date: '2026-11-25', entries: ['2026-11-23'] });
    await waitReady(page);

    await expect(page.locator('.nav-link .d-none.d-md-block.d-lg-inline-block').textContent()).resolves.toBe('Hi, BUDI SANTOSO');
    await expect(page.locator('.vuecal__title button').textContent()).resolves.toMatch(/^\s*Minggu 48 \(November 2026\)\s*$/);
    await page.getByText('Total Jam Progress').waitFor();
    await page.getByText('Hari Ini', { exact: true }).first().waitFor();
    expect(await cellClasses(page, '2026-11-23')).toContain('vuecal__cell--has-events');
    expect(await cellClasses(page, '2026-11-24')).not.toContain('vuecal__cell--has-events');
    expect(await cellClasses(page, '2026-11-25')).not.toContain('vuecal__cell--has-events');
    await expect(page.locator('.vuecal__event-title').allTextContents()).resolves.toEqual(['Kegiatan harian']);

    // Normal variant: the hidden modal is already in the DOM before it opens.
    await expect(page.locator('.modal').count()).resolves.toBe(1);
    await expect(page.locator('.modal.show').count()).resolves.toBe(0);

    const modal = await openModal(page);
    await expect(modal.locator('h5.modal-title').textContent()).resolves.toBe('Tambah Progress Harian');
    const labels = await modal.locator('label').evaluateAll((els) => els.map((el) => [el.textContent?.trim(), el.hasAttribute('for')]));
    expect(labels).toEqual([
      ['RENCANA AKSI', false], ['TANGGAL KEGIATAN', false], ['JAM MULAI KEGIATAN', false], ['JAM SELESAI KEGIATAN', false],
      ['KEGIATAN HARIAN', false], ['SUMBER DATA', false], ['REALISASI', false], ['SATUAN', false], ['BUKTI DUKUNG', false],
    ]);
    await expect(modal.locator('input.mx-input[name="date"]').count()).resolves.toBe(3);
    await expect(modal.locator('input#satuan').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(field(modal, 'SUMBER DATA').locator('input').inputValue()).resolves.toBe('ekinerja');

    await fillValidForm(modal);
    await expect(modal.locator('input#satuan').inputValue()).resolves.toBe('Jam Pelajaran');
    await modal.locator('button.btn.btn-primary', { hasText: 'OK' }).click();

    await page.locator('.modal.show').waitFor({ state: 'detached' });
    expect(await saved(page)).toEqual([EXPECTED]);
    await page.getByText('Berhasil disimpan').waitFor();
    expect(await cellClasses(page, '2026-11-25')).toContain('vuecal__cell--has-events');
    await expect(page.locator('.vuecal__event-title').allTextContents()).resolves.toEqual(['Kegiatan harian', 'Mengajar Matematika kelas 8A']);

    // Re-opening starts from an empty form.
    const again = await openModal(page);
    expect(await formState(page)).toMatchObject({
      rencanaAksi: null, tanggal: null, jamMulai: null, jamSelesai: null, kegiatan: '', realisasi: '', satuan: '', buktiDukung: '',
    });
    await expect(again.locator('.vs__selected').count()).resolves.toBe(0);
    await expect(again.locator('input.mx-input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).resolves.toEqual(['', '', '']);
    await expect(again.locator('input[name="kegiatan"]').inputValue()).resolves.toBe('');
    await again.locator('button.btn.btn-light-secondary', { hasText: 'Close' }).click();
    await expect(page.locator('.modal.show').count()).resolves.toBe(0);
    expect(await saved(page)).toHaveLength(1);
  });

  it('keeps the modal open with .invalid-feedback messages and saves nothing when the form is wrong', async () => {
    const page = await openReplica({ date: '2026-11-25' });
    await waitReady(page);
    const modal = await openModal(page);

    await modal.locator('button.btn-primary', { hasText: 'OK' }).click();
    await expect(modal.locator('.invalid-feedback').allTextContents()).resolves.toEqual([
      'Rencana Aksi wajib dipilih',
      'Tanggal Kegiatan wajib diisi',
      'Jam Mulai Kegiatan wajib diisi',
      'Jam Selesai Kegiatan wajib diisi',
      'Kegiatan Harian wajib diisi',
      'Realisasi harus bilangan bulat lebih dari 0',
    ]);
    await expect(modal.locator('.invalid-feedback').first().evaluate((el) => getComputedStyle(el).display)).resolves.toBe('block');
    await expect(page.locator('.modal.show').isVisible()).resolves.toBe(true);

    // "07.30" (the Indonesian way of writing times) is rejected by the picker: the model stays empty.
    await typeInPicker(modal, 'JAM MULAI KEGIATAN', '07.30');
    expect((await formState(page))?.jamMulai).toBeNull();
    await typeInPicker(modal, 'JAM MULAI KEGIATAN', '09:00');
    await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '08:00');
    await chooseRencanaAksi(modal, 'kepegawaian', 'Mengelola administrasi kepegawaian');
    await typeInPicker(modal, 'TANGGAL KEGIATAN', '2026-11-24');
    await modal.locator('input[name="kegiatan"]').fill('Rekap absensi');
    await modal.locator('input[name="realisasi_activity"]').fill('0');
    await modal.locator('input[name="bukti_eviden"]').fill('folder drive saya');
    await modal.locator('button.btn-primary', { hasText: 'OK' }).click();

    await expect(field(modal, 'JAM SELESAI KEGIATAN').locator('.invalid-feedback').textContent()).resolves.toBe('Jam Selesai harus setelah Jam Mulai');
    await expect(field(modal, 'REALISASI').locator('.invalid-feedback').textContent()).resolves.toBe('Realisasi harus bilangan bulat lebih dari 0');
    await expect(field(modal, 'BUKTI DUKUNG').locator('.invalid-feedback').textContent()).resolves.toBe('Bukti Dukung harus berupa tautan (URL)');
    await expect(modal.locator('.invalid-feedback').count()).resolves.toBe(3);
    await expect(page.locator('.modal.show').isVisible()).resolves.toBe(true);
    expect(await saved(page)).toEqual([]);
  });

  it('slow variant: mounts late, creates the modal only when opened, and loads Rencana Aksi options late', async () => {
    const page = await openReplica({ date: '2026-11-25', entries: ['2026-11-24'], variant: 'slow' });
    await page.waitForLoadState('load');
    const early = await page.evaluate(() => ({
      ready: (window as unknown as { __replica: ReplicaApi }).__replica.ready,
      calendar: document.querySelector('.vuecal') !== null,
      button: document.querySelector('button.btn-success') !== null,
    }));
    expect(early).toEqual({ ready: false, calendar: false, button: false });

    await waitReady(page);
    expect(await cellClasses(page, '2026-11-24')).toContain('vuecal__cell--has-events');
    await expect(page.locator('.modal').count()).resolves.toBe(0);

    const modal = await openModal(page);
    const select = field(modal, 'RENCANA AKSI');
    // While loading, focusing the search (which normally opens the list) shows no options.
    const whileLoading = await select.evaluate(async (group) => {
      const loading = () => group.querySelector('.v-select.vs--loading') !== null;
      const before = loading();
      group.querySelector<HTMLInputElement>('input.vs__search')?.focus();
      // Vue re-renders on its next tick, before the next frame: by then the focus has shown what it shows.
      await new Promise((r) => requestAnimationFrame(r));
      return { before, after: loading(), options: group.querySelectorAll('li.vs__dropdown-option').length };
    });
    expect(whileLoading).toEqual({ before: true, after: true, options: 0 });
    await select.locator('.v-select.vs--loading').waitFor({ state: 'detached' });
    await expect(select.locator('li.vs__dropdown-option').count()).resolves.toBe(6);
    await modal.locator('h5.modal-title').click();

    await fillValidForm(modal);
    await modal.locator('button.btn-primary', { hasText: 'OK' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(await saved(page)).toEqual([EXPECTED]);
    expect(await cellClasses(page, '2026-11-25')).toContain('vuecal__cell--has-events');

    // Opening again mounts a fresh modal whose options load again.
    const again = await openModal(page);
    await expect(again.locator('.v-select.vs--loading').count()).resolves.toBe(1);
    await expect(again.locator('input[name="kegiatan"]').inputValue()).resolves.toBe('');
  });

  it('ignores a value set without an input event, and SATUAN cannot be written (state, not DOM, is saved)', async () => {
    const page = await openReplica({ date: '2026-11-25' });
    await waitReady(page);
    const modal = await openModal(page);
    await fillValidForm(modal, 'kegiatan');

    // A bare value assignment: the input shows it, Vue's state does not have it.
    await modal.locator('input[name="kegiatan"]').evaluate((el) => { (el as HTMLInputElement).value = 'Diisi tanpa event'; });
    await expect(modal.locator('input[name="kegiatan"]').inputValue()).resolves.toBe('Diisi tanpa event');
    expect((await formState(page))?.kegiatan).toBe('');
    await modal.locator('button.btn-primary', { hasText: 'OK' }).click();
    await expect(field(modal, 'KEGIATAN HARIAN').locator('.invalid-feedback').textContent()).resolves.toBe('Kegiatan Harian wajib diisi');
    expect(await saved(page)).toEqual([]);
    // The re-render put the model's value back.
    await expect(modal.locator('input[name="kegiatan"]').inputValue()).resolves.toBe('');

    // The prototype setter plus a bubbling input event does reach Vue; writing SATUAN does not.
    await modal.locator('input[name="kegiatan"]').evaluate((el) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, 'Diisi dengan event');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await modal.locator('input#satuan').evaluate((el) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, 'Lembar');
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await modal.locator('button.btn-primary', { hasText: 'OK' }).click();
    await page.locator('.modal.show').waitFor({ state: 'detached' });
    expect(await saved(page)).toEqual([{ ...EXPECTED, kegiatan: 'Diisi dengan event', satuan: 'Jam Pelajaran' }]);
  });
});
