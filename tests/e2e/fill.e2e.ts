/**
 * The form filler, end to end: the built extension in Chromium on the routed e-Kinerja replica
 * (tests/fixtures/replica, the real vue-select / vue2-datepicker widgets). Templates and settings
 * are seeded through the options page's backup restore; what the site saved is read from the
 * replica's Vue state (window.__replica), what the extension stored from a backup export.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { EKINERJA, launchExtension, ROOT, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath, type ReplicaFormState } from '../fixtures/replica/routes';
import { field, formState as replicaState, openModal, openReplica, saved } from './replica-driver';
import { TEACHING_FORM, teachingEntry, todayIn } from './expected';
import { chooseTemplate, seedTemplates } from './extension-data';

const formState = async (page: Page): Promise<ReplicaFormState> => (await replicaState(page))!;
import type { TemplateRecord, ReportRecord } from '../../utils/db/schema';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
});

const ZONE = 'Asia/Jayapura';

const TEACHING: TemplateRecord = {
  id: 'tpl-mengajar',
  name: 'Mengajar kelas 8A',
  rencanaAksi: 'Melaksanakan pembelajaran tatap muka',
  jamMulai: '07:30',
  jamSelesai: '09:00',
  kegiatan: 'Mengajar Matematika kelas 8A, {hari} {tanggal}',
  realisasi: 2,
  satuan: 'Jam Pelajaran',
  buktiDukung: 'https://drive.google.com/drive/folders/{tanggal_iso}',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  isDefault: true,
  order: 0,
};

const YEARLY: TemplateRecord = {
  ...TEACHING,
  id: 'tpl-tahunan',
  name: 'Laporan tahunan',
  rencanaAksi: 'Menyusun laporan kinerja tahunan',
  kegiatan: 'Menyusun laporan tahunan',
  realisasi: 1,
  satuan: 'Laporan',
  buktiDukung: '',
  isDefault: false,
  order: 1,
};

const seed = (s: ExtensionSession, templates: TemplateRecord[]): Promise<void> => seedTemplates(s, templates, ZONE);

/** The extension's data, through Pengaturan → Cadangan → Ekspor cadangan. */
async function exported(s: ExtensionSession): Promise<{ templates: TemplateRecord[]; reports: ReportRecord[] }> {
  const options = await s.openPage('options.html');
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Ekspor cadangan' }).click();
  const file = await (await downloading).path();
  await options.close();
  return (JSON.parse(readFileSync(file!, 'utf8')) as { data: { templates: TemplateRecord[]; reports: ReportRecord[] } }).data;
}

async function start(templates: TemplateRecord[] = [TEACHING, YEARLY]): Promise<ExtensionSession> {
  session = await launchExtension();
  await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
  await seed(session, templates);
  return session;
}

/** The extension's control inside the modal. */
const control = (page: Page): Locator => page.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' });

async function fillFromTemplate(page: Page, template?: string): Promise<Locator> {
  const c = control(page);
  if (template) await chooseTemplate(c, template);
  await c.getByRole('button', { name: 'Isi dari template', exact: true }).click();
  return c;
}

async function waitState(c: Locator, state: string): Promise<void> {
  await c.and(c.page().locator(`[data-state="${state}"]`)).waitFor();
}

async function clickOk(page: Page, modal: Locator): Promise<void> {
  await modal.locator('.modal-footer').getByRole('button', { name: 'OK', exact: true }).click();
  await page.locator('.modal.show').waitFor({ state: 'detached' }).catch(() => undefined);
  await expect.poll(() => page.locator('.modal.show').count()).toBe(0);
}

describe('form filler in the Tambah Progress Harian modal', () => {
  for (const variant of ['normal', 'slow'] as const) {
    it(`fills every field from a template with variables; OK saves exactly those values (${variant} replica)`, async () => {
      const s = await start();
      // The calendar shows another week: only the observed save can record the entry.
      const page = await openReplica(s, replicaPath({ variant, date: '2026-10-05' }));
      const modal = await openModal(page);
      const c = control(page);
      // Today's template is preselected; nothing is filled before the click.
      await expect(c.getByLabel('Template', { exact: true }).inputValue()).resolves.toBe(TEACHING.id);
      expect((await formState(page)).kegiatan).toBe('');

      await fillFromTemplate(page);
      await waitState(c, 'done');
      const date = todayIn(ZONE);
      const expected = teachingEntry(date);
      const longDate = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
        .format(new Date(`${date}T12:00:00Z`));
      await c.getByRole('status').getByText(`Terisi untuk ${longDate}. Periksa isinya, lalu klik OK.`).waitFor();
      const ms = Number(await c.and(page.locator('[data-fill-ms]')).getAttribute('data-fill-ms'));
      console.log(`fill (${variant}): ${ms} ms`);
      // The 300 ms budget is `npm run bench`'s (median of 9 fills); one fill on a busy machine
      // measures the machine (1 s seen beside other builds). Here: the fill never sat on a timeout.
      if (variant === 'normal') expect(ms).toBeLessThanOrEqual(5000);
      // The form shows it (the vue-select's choice, SATUAN derived by the site) and nothing was saved yet: OK is the user's.
      await expect(field(modal, 'RENCANA AKSI').locator('.vs__selected').textContent()).resolves.toMatch(/^\s*Melaksanakan pembelajaran tatap muka\s*$/);
      await expect(modal.locator('input#satuan').inputValue()).resolves.toBe('Jam Pelajaran');
      expect(await saved(page)).toEqual([]);

      await clickOk(page, modal);
      expect(await saved(page)).toEqual([expected]);
      // The save was observed and recorded for the entry's date.
      await expect.poll(async () => (await exported(s)).reports.map((r) => [r.date, r.status, r.source]), { timeout: 15_000 })
        .toEqual([[date, 'reported', 'observed']]);
    });
  }

  it('asks before overwriting what the user typed: "Lewati" keeps it, "Timpa" replaces it', async () => {
    const s = await start();
    const page = await openReplica(s, replicaPath());
    const modal = await openModal(page);
    await modal.locator('input[name="kegiatan"]').fill('Rapat dinas di kantor');
    await modal.locator('input[name="realisasi_activity"]').fill('5');

    const c = await fillFromTemplate(page);
    await waitState(c, 'confirm');
    const ask = c.getByRole('alertdialog', { name: 'Kolom ini sudah Anda isi. Timpa dengan isi template?' });
    await expect(ask.getByRole('listitem').allTextContents()).resolves.toEqual(['KEGIATAN HARIAN: “Rapat dinas di kantor”', 'REALISASI: “5”']);
    // Nothing is filled while the question is open.
    expect(await formState(page)).toMatchObject({ rencanaAksi: null, tanggal: null, kegiatan: 'Rapat dinas di kantor', realisasi: 5 });

    await ask.getByRole('button', { name: 'Lewati' }).click();
    await waitState(c, 'done');
    const date = todayIn(ZONE);
    const expected = teachingEntry(date);
    expect(await formState(page)).toMatchObject({
      rencanaAksi: expected.rencanaAksi, tanggal: date, jamMulai: '07:30', jamSelesai: '09:00',
      kegiatan: 'Rapat dinas di kantor', realisasi: 5, buktiDukung: expected.buktiDukung,
    });
    await c.getByRole('status').getByText('Tidak ditimpa: KEGIATAN HARIAN, REALISASI.').waitFor();

    // Asked again (the fields are still the user's); this time replaced.
    await fillFromTemplate(page);
    await waitState(c, 'confirm');
    await c.getByRole('button', { name: 'Timpa' }).click();
    await waitState(c, 'done');
    await clickOk(page, modal);
    expect(await saved(page)).toEqual([expected]);
  });

  it('"Urungkan" restores what the fields held, the Rencana Aksi choice included; a date the user chose is kept', async () => {
    const s = await start();
    const page = await openReplica(s, replicaPath());
    const modal = await openModal(page);
    // The user chose a Rencana Aksi, a date (catching up on a missed day) and a start time.
    const select = field(modal, 'RENCANA AKSI');
    await select.locator('input.vs__search').click();
    await select.locator('input.vs__search').pressSequentially('kepegawaian');
    await select.locator('li.vs__dropdown-option', { hasText: 'Mengelola administrasi kepegawaian' }).click();
    for (const [label, text] of [['TANGGAL KEGIATAN', '2026-11-20'], ['JAM MULAI KEGIATAN', '10:00']] as const) {
      const input = field(modal, label).locator('input.mx-input');
      await input.click();
      await input.pressSequentially(text);
      await input.press('Enter');
    }
    await modal.locator('h5.modal-title').click();
    const before = await formState(page);
    expect(before).toMatchObject({ rencanaAksi: 'Mengelola administrasi kepegawaian', tanggal: '2026-11-20', jamMulai: '10:00', jamSelesai: null, kegiatan: '' });

    const c = await fillFromTemplate(page);
    await waitState(c, 'confirm');
    await expect(c.getByRole('listitem').allTextContents()).resolves.toEqual([
      'RENCANA AKSI: “Mengelola administrasi kepegawaian”', 'JAM MULAI KEGIATAN: “10:00”',
    ]);
    await c.getByRole('button', { name: 'Timpa' }).click();
    await waitState(c, 'done');
    // The template is rendered for the user's date, which stays.
    const { sumberData: _, ...filled } = teachingEntry('2026-11-20');
    expect(await formState(page)).toMatchObject({ ...filled });

    await c.getByRole('button', { name: 'Urungkan' }).click();
    await waitState(c, 'undone');
    await c.getByRole('status').getByText('Isian dikembalikan seperti semula.').waitFor();
    expect(await formState(page)).toEqual(before);
    await expect(select.locator('.vs__selected').textContent()).resolves.toMatch(/^\s*Mengelola administrasi kepegawaian\s*$/);
    await expect(c.getByRole('button', { name: 'Urungkan' }).count()).resolves.toBe(0);
  });

  it('an unknown Rencana Aksi is not guessed: the user picks one of the site\'s options, and it is remembered in the template', async () => {
    const s = await start();
    const page = await openReplica(s, replicaPath());
    const modal = await openModal(page);
    let c = await fillFromTemplate(page, 'Laporan tahunan');
    await waitState(c, 'done');
    await c.getByText('Rencana Aksi “Menyusun laporan kinerja tahunan” dari template tidak ada di pilihan situs. Pilih yang sesuai:').waitFor();
    expect((await formState(page)).rencanaAksi).toBeNull();
    expect((await formState(page)).kegiatan).toBe('Menyusun laporan tahunan');
    const pick = c.getByLabel('Rencana Aksi', { exact: true });
    await expect(pick.locator('option').allTextContents()).resolves.toEqual([
      'Menyusun laporan kinerja bulanan', 'Menyusun laporan kinerja triwulan', 'Melaksanakan pembelajaran tatap muka',
      'Mengelola administrasi kepegawaian', 'Menyusun rencana pelaksanaan pembelajaran (RPP)', 'Melaksanakan penilaian hasil belajar',
    ]);
    await pick.selectOption('Menyusun laporan kinerja triwulan');
    await expect(c.getByLabel('Ingat pilihan ini di template “Laporan tahunan”').isChecked()).resolves.toBe(true);
    await c.getByRole('button', { name: 'Pakai Rencana Aksi ini' }).click();
    await c.getByText('Rencana Aksi dipilih dan disimpan di template “Laporan tahunan”.').waitFor();
    expect(await formState(page)).toMatchObject({ rencanaAksi: 'Menyusun laporan kinerja triwulan', satuan: 'Laporan' });

    const stored = (await exported(s)).templates.find((x) => x.id === YEARLY.id);
    expect(stored).toEqual({ ...YEARLY, rencanaAksi: 'Menyusun laporan kinerja triwulan' });

    // Next time the template fills the Rencana Aksi directly.
    await modal.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
    await openModal(page);
    c = await fillFromTemplate(page, 'Laporan tahunan');
    await waitState(c, 'done');
    expect((await formState(page)).rencanaAksi).toBe('Menyusun laporan kinerja triwulan');
    await expect(c.getByLabel('Rencana Aksi', { exact: true }).count()).resolves.toBe(0);
  });

  it('an unrecognised form: names the fields it did not find and fills only the ones it recognised', async () => {
    const s = await start();
    const page = await openReplica(s, `${replicaPath()}?relabeled=1`);
    const modal = await openModal(page);
    await expect(modal.locator('label').allTextContents()).resolves.toContain('URAIAN KEGIATAN');
    const c = await fillFromTemplate(page);
    await waitState(c, 'done');
    await c.getByText('Kolom ini tidak dikenali, jadi tidak diisi: KEGIATAN HARIAN, BUKTI DUKUNG. Isi sendiri.').waitFor();
    const date = todayIn(ZONE);
    expect(await formState(page)).toMatchObject({
      rencanaAksi: TEACHING.rencanaAksi, tanggal: date, jamMulai: '07:30', jamSelesai: '09:00', realisasi: 2,
      kegiatan: '', buktiDukung: '',
    });
  });

  it('records no save when OK shows validation errors and the modal is then closed', async () => {
    const s = await start();
    const page = await openReplica(s, replicaPath({ date: '2026-10-05' }));
    let modal = await openModal(page);
    await modal.locator('.modal-footer').getByRole('button', { name: 'OK', exact: true }).click();
    await modal.locator('.invalid-feedback').first().waitFor();
    await modal.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.modal.show').count()).toBe(0);

    // Then a real save of a user-chosen date is recorded for that date.
    modal = await openModal(page);
    const input = field(modal, 'TANGGAL KEGIATAN').locator('input.mx-input');
    await input.click();
    await input.pressSequentially('2026-11-23');
    await input.press('Enter');
    await modal.locator('h5.modal-title').click();
    const c = await fillFromTemplate(page);
    await waitState(c, 'done');
    await clickOk(page, modal);
    expect((await saved(page)).map((e) => e.tanggal)).toEqual(['2026-11-23']);
    await expect.poll(async () => (await exported(s)).reports.map((r) => [r.date, r.source]), { timeout: 15_000 })
      .toEqual([['2026-11-23', 'observed']]);
  });
});

describe('a template made in the options page fills the modal', () => {
  for (const variant of ['normal', 'slow'] as const) {
    it(`creates a template with variables through the editor, fills, and OK saves exactly its values (${variant} replica)`, async () => {
      session = await launchExtension();
      await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
      const options = await session.openPage('options.html');
      await options.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Jayapura');
      await options.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();

      const region = options.getByRole('region', { name: 'Template Progress Harian' });
      await region.getByRole('button', { name: 'Template baru' }).click();
      for (const [label, value] of Object.entries(TEACHING_FORM)) await region.getByLabel(label, { exact: true }).fill(value);
      for (const day of ['Sabtu', 'Minggu']) await region.getByRole('group', { name: 'Hari berlaku' }).getByLabel(day).check();
      await region.getByRole('button', { name: 'Simpan template' }).click();
      await region.getByText('Template "Mengajar kelas 8A" disimpan.').waitFor();
      await options.close();

      const page = await openReplica(session, replicaPath({ variant, date: '2026-10-05' }));
      const modal = await openModal(page);
      const c = control(page);
      await fillFromTemplate(page);
      await waitState(c, 'done');
      await clickOk(page, modal);
      expect(await saved(page)).toEqual([teachingEntry(todayIn(ZONE))]);
    });
  }
});

describe('README pictures (npm run screenshots)', () => {
  it.runIf(process.env.UPDATE_SCREENSHOTS)('takes the README pictures of Pengaturan (templates) and of the in-page control after a fill', async () => {
    const s = await start();
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    // Pengaturan at its Templates section: the side navigation and the two templates.
    const options = await s.openPage('options.html#templates');
    await options.setViewportSize({ width: 1100, height: 720 });
    const region = options.getByRole('region', { name: 'Template Progress Harian' });
    await expect.poll(() => region.locator('ol.tpl-list .tpl-item-name').allTextContents()).toEqual([TEACHING.name, YEARLY.name]);
    await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await options.screenshot({ path: join(ROOT, 'docs/options-templates.png'), animations: 'disabled' });
    await options.close();

    // The replica's "Tambah Progress Harian" modal, filled from today's template by the control.
    const page = await openReplica(s, replicaPath());
    await page.setViewportSize({ width: 1100, height: 900 });
    const modal = await openModal(page);
    const c = await fillFromTemplate(page);
    await waitState(c, 'done');
    await modal.locator('.modal-content').screenshot({ path: join(ROOT, 'docs/in-page-control.png'), animations: 'disabled' });
  });
});
