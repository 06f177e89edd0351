/**
 * The template editor end to end, through the built extension's options page: create (with
 * variables), list, edit, duplicate, reorder, set the default, delete; the live preview for a
 * chosen date; CSV export → delete all → import (round trip); a bad CSV refused row by row.
 * What the background stored is read from the extension's IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

interface Stored {
  id: string; name: string; rencanaAksi: string; jamMulai: string; jamSelesai: string; kegiatan: string;
  realisasi: number; satuan: string; buktiDukung: string; weekdays: number[]; isDefault: boolean; order: number;
}

/** The templates as the background stored them, in order. */
async function stored(page: Page): Promise<Stored[]> {
  const list = await page.evaluate(() => new Promise<unknown[]>((resolve, reject) => {
    const req = indexedDB.open('asisten-ekinerja');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('templates').objectStore('templates').getAll();
      get.onsuccess = () => { resolve(get.result); req.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
  return (list as Stored[]).sort((a, b) => a.order - b.order);
}
const withoutId = (list: Stored[]) => list.map(({ id: _id, ...rest }) => rest);

async function openTemplates(s: ExtensionSession) {
  const page = await s.openPage('options.html');
  const region = page.getByRole('region', { name: 'Template Progress Harian' });
  await region.waitFor();
  return { page, region };
}

const items = (region: Locator) => region.getByRole('list').first().getByRole('listitem');
const names = (region: Locator) => region.locator('ol.tpl-list .tpl-item-name').allTextContents();

async function waitNames(region: Locator, want: string[]) {
  await expect.poll(() => names(region), { timeout: 10_000 }).toEqual(want);
}

async function fillTemplate(region: Locator, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await region.getByLabel(label, { exact: true }).fill(value);
}

/** The description (aria-describedby) of a control. */
async function description(control: Locator): Promise<string> {
  return control.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' | '));
}

describe('template editor', () => {
  it('creates a template with variables, previews it for a chosen date, then edits, duplicates, reorders, sets the default and deletes', async () => {
    session = await launchExtension();
    const { page, region } = await openTemplates(session);
    await region.getByText(/^Belum ada template\./).waitFor();

    await region.getByRole('button', { name: 'Template baru' }).click();
    await fillTemplate(region, {
      'Nama template': 'Mengajar 7A',
      'Rencana Aksi': 'Melaksanakan pembelajaran {bulan}',
      'Jam mulai': '7.30',
      'Jam selesai': '12.00',
      'Kegiatan harian': 'Mengajar kelas 7A pada {hari}, {tgl}',
      'Realisasi': '4',
      'Satuan': 'Jam Pelajaran',
      'Bukti dukung': 'https://drive.google.com/drive/folders/abc?d={tanggal_iso}',
    });
    // Senin–Jumat is preselected; add Sabtu.
    await region.getByRole('group', { name: 'Hari berlaku' }).getByLabel('Sabtu').check();

    // An unknown variable: refused, the message next to the field lists the valid ones.
    await region.getByRole('button', { name: 'Simpan template' }).click();
    const kegiatan = region.getByLabel('Kegiatan harian', { exact: true });
    await expect.poll(() => kegiatan.getAttribute('aria-invalid')).toBe('true');
    const message = await description(kegiatan);
    expect(message).toContain('Variabel {tgl} tidak dikenal.');
    expect(message).toContain('{tanggal}, {tanggal_iso}, {tanggal_pendek}, {tanggal_panjang}, {hari}, {bulan}, {tahun}, {minggu_ke}');
    expect(await kegiatan.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await stored(page)).toEqual([]);

    await kegiatan.fill('Mengajar kelas 7A pada {hari}, {tanggal} (minggu ke-{minggu_ke})');
    expect(await kegiatan.getAttribute('aria-invalid')).toBeNull();

    // Live preview for a chosen date, before saving.
    const preview = region.getByRole('region', { name: 'Pratinjau' });
    await preview.getByLabel('Pratinjau untuk tanggal', { exact: true }).fill('2026-11-27');
    const shown = (field: string) => preview.locator(`dd[data-field="${field}"]`).textContent();
    await expect.poll(() => shown('kegiatan')).toBe('Mengajar kelas 7A pada Jumat, 27-11-2026 (minggu ke-4)');
    expect(await shown('rencanaAksi')).toBe('Melaksanakan pembelajaran November');
    expect(await shown('tanggal')).toBe('Jumat, 27 November 2026');
    expect(await shown('jamMulai')).toBe('07:30');
    expect(await shown('jamSelesai')).toBe('12:00');
    expect(await shown('buktiDukung')).toBe('https://drive.google.com/drive/folders/abc?d=2026-11-27');
    const variables = region.getByRole('table').filter({ hasText: '{minggu_ke}' });
    await variables.getByRole('row', { name: /\{tanggal_panjang\}/ }).getByText('Jumat, 27 November 2026').waitFor();
    await preview.getByLabel('Pratinjau untuk tanggal', { exact: true }).fill('2026-03-02');
    await expect.poll(() => shown('kegiatan')).toBe('Mengajar kelas 7A pada Senin, 02-03-2026 (minggu ke-1)');

    await region.getByRole('button', { name: 'Simpan template' }).click();
    await region.getByText('Template "Mengajar 7A" disimpan.').waitFor();
    await waitNames(region, ['Mengajar 7A']);
    const first = items(region).first();
    await first.getByText('Utama', { exact: true }).waitFor();
    await first.getByText('Senin–Sabtu · 07.30–12.00 · Melaksanakan pembelajaran {bulan}').waitFor();
    expect(withoutId(await stored(page))).toEqual([{
      name: 'Mengajar 7A', rencanaAksi: 'Melaksanakan pembelajaran {bulan}', jamMulai: '07:30', jamSelesai: '12:00',
      kegiatan: 'Mengajar kelas 7A pada {hari}, {tanggal} (minggu ke-{minggu_ke})', realisasi: 4, satuan: 'Jam Pelajaran',
      buktiDukung: 'https://drive.google.com/drive/folders/abc?d={tanggal_iso}', weekdays: [1, 2, 3, 4, 5, 6], isDefault: true, order: 0,
    }]);

    // Edit.
    await region.getByRole('button', { name: 'Ubah Mengajar 7A' }).click();
    await region.getByRole('heading', { name: 'Ubah template "Mengajar 7A"' }).waitFor();
    expect(await region.getByLabel('Jam mulai', { exact: true }).inputValue()).toBe('07:30');
    await region.getByLabel('Jam selesai', { exact: true }).fill('12:30');
    await region.getByRole('button', { name: 'Simpan template' }).click();
    await region.getByText('Senin–Sabtu · 07.30–12.30 · Melaksanakan pembelajaran {bulan}').waitFor();
    expect((await stored(page))[0]!.jamSelesai).toBe('12:30');

    // Duplicate, then turn the copy into another template.
    await region.getByRole('button', { name: 'Duplikat Mengajar 7A' }).click();
    await waitNames(region, ['Mengajar 7A', 'Mengajar 7A (salinan)']);
    await region.getByRole('button', { name: 'Ubah Mengajar 7A (salinan)' }).click();
    await fillTemplate(region, { 'Nama template': 'Piket pagi', 'Jam mulai': '06.45', 'Jam selesai': '07.15', 'Kegiatan harian': 'Piket {hari}' });
    const days = region.getByRole('group', { name: 'Hari berlaku' });
    for (const day of ['Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']) await days.getByLabel(day).uncheck();
    await region.getByRole('button', { name: 'Simpan template' }).click();
    await waitNames(region, ['Mengajar 7A', 'Piket pagi']);
    await items(region).nth(1).getByText('Senin · 06.45–07.15 · Melaksanakan pembelajaran {bulan}').waitFor();

    // Reorder.
    expect(await region.getByRole('button', { name: 'Naikkan Mengajar 7A' }).isDisabled()).toBe(true);
    await region.getByRole('button', { name: 'Naikkan Piket pagi' }).click();
    await waitNames(region, ['Piket pagi', 'Mengajar 7A']);
    expect((await stored(page)).map((t) => [t.name, t.order])).toEqual([['Piket pagi', 0], ['Mengajar 7A', 1]]);

    // Default.
    await region.getByRole('button', { name: 'Jadikan utama Piket pagi' }).click();
    await items(region).first().getByText('Utama', { exact: true }).waitFor();
    expect(await items(region).nth(1).getByText('Utama', { exact: true }).count()).toBe(0);
    await region.getByRole('button', { name: 'Jadikan utama Mengajar 7A' }).waitFor();
    expect((await stored(page)).map((t) => [t.name, t.isDefault])).toEqual([['Piket pagi', true], ['Mengajar 7A', false]]);

    // Delete, with a confirmation.
    await region.getByRole('button', { name: 'Hapus Mengajar 7A' }).click();
    await region.getByText('Hapus template "Mengajar 7A"? Template yang dihapus tidak bisa dikembalikan.').waitFor();
    await region.getByRole('button', { name: 'Ya, hapus' }).click();
    await waitNames(region, ['Piket pagi']);
    expect((await stored(page)).map((t) => t.name)).toEqual(['Piket pagi']);

    // Everything survives a reload.
    await page.reload();
    await waitNames(page.getByRole('region', { name: 'Template Progress Harian' }), ['Piket pagi']);
  });

  it('exports CSV, imports it back after deleting everything (identical templates), and refuses a bad CSV whole', async () => {
    session = await launchExtension();
    const { page, region } = await openTemplates(session);

    // Two templates with the characters CSV must quote: ; , " and a variable.
    await region.getByRole('button', { name: 'Template baru' }).click();
    await fillTemplate(region, {
      'Nama template': 'Mengajar; kelas "7A"',
      'Rencana Aksi': 'Melaksanakan pembelajaran, tatap muka',
      'Jam mulai': '07.30', 'Jam selesai': '12.00',
      'Kegiatan harian': 'Mengajar "IPA" pada {tanggal_panjang}; bab 3',
      'Realisasi': '6', 'Satuan': 'JP',
      'Bukti dukung': 'https://drive.google.com/x?a=1;b={tanggal_iso}',
    });
    await region.getByRole('button', { name: 'Simpan template' }).click();
    await waitNames(region, ['Mengajar; kelas "7A"']);
    await region.getByRole('button', { name: 'Template baru' }).click();
    await fillTemplate(region, {
      // A formula (CSV injection): exported with a leading apostrophe, imported back without it.
      'Nama template': 'Rapat', 'Rencana Aksi': '=HYPERLINK("https://evil.example/","Klik")', 'Jam mulai': '13:00', 'Jam selesai': '14:30',
      'Kegiatan harian': 'Rapat minggu ke-{minggu_ke} bulan {bulan}', 'Realisasi': '1',
    });
    const days = region.getByRole('group', { name: 'Hari berlaku' });
    for (const day of ['Senin', 'Selasa', 'Kamis']) await days.getByLabel(day).uncheck();
    await region.getByRole('button', { name: 'Simpan template' }).click();
    await waitNames(region, ['Mengajar; kelas "7A"', 'Rapat']);
    const before = await stored(page);
    expect(before.map((t) => t.weekdays)).toEqual([[1, 2, 3, 4, 5], [3, 5]]);

    // Export.
    const downloading = page.waitForEvent('download');
    await region.getByRole('button', { name: 'Ekspor CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('template-progres-harian.csv');
    const path = (await download.path())!;
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFFRencana Aksi;Tanggal;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi;Satuan;Bukti Dukung')).toBe(true);
    await region.getByText('Berkas template-progres-harian.csv sudah diunduh.').waitFor();
    expect(text.split('\r\n')[2]!.startsWith('"\'=HYPERLINK(""https://evil.example/"",""Klik"")";;13:00;14:30;')).toBe(true);
    expect(text.split('\r\n').flatMap((l) => l.split(';')).filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);

    // Delete all.
    for (const name of ['Mengajar; kelas "7A"', 'Rapat']) {
      await region.getByRole('button', { name: `Hapus ${name}` }).click();
      await region.getByRole('button', { name: 'Ya, hapus' }).click();
      await region.getByText(`Template "${name}" dihapus.`).waitFor();
    }
    await region.getByText(/^Belum ada template\./).waitFor();
    expect(await stored(page)).toEqual([]);

    // Import the exported file: the same templates come back.
    await region.getByLabel('Impor CSV atau Excel (.xlsx)', { exact: true }).setInputFiles(path);
    await region.getByText('2 template ditambahkan.').waitFor();
    await waitNames(region, ['Mengajar; kelas "7A"', 'Rapat']);
    expect(withoutId(await stored(page))).toEqual(withoutId(before));

    // A bad CSV: a time 25:00 and a realisasi 0 → both rows reported, nothing imported.
    const bad = [
      'Rencana Aksi;Tanggal;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi;Satuan;Bukti Dukung',
      'Koordinasi;;08:00;09:00;Apel pagi;1;;',
      'Koordinasi;;25:00;09:00;Rapat;1;;',
      'Koordinasi;2026-11-30;10:00;11:00;Laporan;0;;',
    ].join('\r\n');
    await region.getByLabel('Impor CSV atau Excel (.xlsx)', { exact: true }).setInputFiles({ name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const alert = region.getByRole('alert');
    await alert.getByText('Tidak ada template dari salah.csv yang diimpor. Perbaiki baris berikut lalu impor lagi:').waitFor();
    const rows = await alert.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['3', 'Jam Mulai', 'Jam tidak dikenali. Tulis jam antara 00.00 dan 23.59, misalnya 07.30 atau 07:30. Tertulis: "25:00".'],
      ['4', 'Realisasi', 'Realisasi harus bilangan bulat lebih dari 0, misalnya 1. Tertulis: "0".'],
    ]);
    expect(withoutId(await stored(page))).toEqual(withoutId(before));
    await waitNames(region, ['Mengajar; kelas "7A"', 'Rapat']);
  });
});
