/**
 * Templates from the site (issue 11, item 5), on both replica variants: the user fills the
 * "Tambah Progress Harian" form by hand, "Simpan isian ini sebagai template" saves it under a
 * name (a template of that name is replaced only after "Timpa"), and the template editor offers
 * the Rencana Aksi options the site listed, the saved template holding the site's own text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { EKINERJA, launchExtension, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { chooseRencanaAksi, field, formState, openModal, typeInPicker, waitReady } from './replica-driver';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

/** The replica's Rencana Aksi options (tests/fixtures/replica/src/replica.js). */
const SITE_OPTIONS = [
  'Menyusun laporan kinerja bulanan',
  'Menyusun laporan kinerja triwulan',
  'Melaksanakan pembelajaran tatap muka',
  'Mengelola administrasi kepegawaian',
  'Menyusun rencana pelaksanaan pembelajaran (RPP)',
  'Melaksanakan penilaian hasil belajar',
];

async function saveAs(control: Locator, name: string): Promise<void> {
  await control.getByRole('button', { name: 'Simpan isian ini sebagai template' }).click();
  await control.getByLabel('Nama template').fill(name);
  await control.getByRole('button', { name: 'Simpan template' }).click();
}

describe('a template saved from the form, offered in the editor', () => {
  for (const variant of ['normal', 'slow'] as const) {
    it(`saves the form as a template and the editor offers the site's Rencana Aksi (${variant} replica)`, async () => {
      session = await launchExtension();
      await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
      const page = await session.context.newPage();
      await page.goto(EKINERJA + replicaPath({ date: '2026-11-25', variant }));
      await waitReady(page);
      const modal = await openModal(page);
      const control = page.locator('asisten-ekinerja-isi .fc');
      await control.waitFor();
      // No template yet: the control says so, and still offers to save the form.
      await control.getByText('Belum ada template Progress Harian.').waitFor();

      // The user fills the form by hand.
      await chooseRencanaAksi(modal, 'adminis', 'Mengelola administrasi kepegawaian');
      await typeInPicker(modal, 'JAM MULAI KEGIATAN', '08:00');
      await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '10:30');
      await field(modal, 'KEGIATAN HARIAN').locator('input').fill('Mengarsipkan berkas {cuti}');
      await field(modal, 'REALISASI').locator('input').fill('3');

      await saveAs(control, 'Arsip');
      await control.getByRole('status').getByText('Template “Arsip” tersimpan.', { exact: false }).waitFor();
      // The form is as the user left it (the options were read, the choice kept).
      expect(await formState(page)).toMatchObject({ rencanaAksi: 'Mengelola administrasi kepegawaian', kegiatan: 'Mengarsipkan berkas {cuti}', realisasi: 3 });

      // The same name again: asked first; "Timpa" replaces it.
      await field(modal, 'REALISASI').locator('input').fill('4');
      await saveAs(control, 'arsip');
      const question = control.getByRole('alertdialog', { name: 'Template “Arsip” sudah ada. Timpa dengan isian ini?' });
      await question.waitFor();
      await question.getByRole('button', { name: 'Timpa' }).click();
      await control.getByRole('status').getByText('Template “Arsip” tersimpan.', { exact: false }).waitFor();

      // The editor: one template "Arsip", holding the site's text; the site's options offered.
      const options = await session.openPage('options.html');
      const region = options.getByRole('region', { name: 'Template Progress Harian' });
      await region.getByRole('button', { name: 'Ubah Arsip' }).click();
      const ra = region.getByLabel('Rencana Aksi', { exact: true });
      await expect.poll(() => ra.inputValue()).toBe('Mengelola administrasi kepegawaian');
      expect(await region.getByLabel('Kegiatan harian').inputValue()).toBe('Mengarsipkan berkas {{cuti}}');
      expect(await region.getByLabel('Realisasi').inputValue()).toBe('4');
      const listId = await ra.getAttribute('list');
      expect(await options.locator(`datalist[id="${listId}"] option`).evaluateAll((els) => els.map((e) => e.getAttribute('value')))).toEqual(SITE_OPTIONS);
      await region.getByText('Ketik, atau pilih dari 6 Rencana Aksi yang terakhir terlihat di e-Kinerja', { exact: false }).waitFor();
      // A new template is offered the same list.
      await region.getByRole('button', { name: 'Batal' }).click();
      await region.getByRole('button', { name: 'Template baru' }).click();
      expect(await region.getByLabel('Rencana Aksi', { exact: true }).getAttribute('list')).toBe(listId);
      expect(await region.getByRole('button', { name: /^Ubah / }).count()).toBe(1);
    });
  }
});
