/**
 * The Jurnal and the Rekap, end to end on the e-Kinerja replica: saves filled from a template,
 * typed, refused by the form, and failed by the server (HTTP 500) → the Jurnal holds exactly the two saved ones with
 * their values; the Rekap page shows them with the calendar's other entries; its CSV and .xlsx
 * exports read back equal to what the page shows; the print layout at A4 is printed to a PDF of
 * A4 pages (UPDATE_SCREENSHOTS=1 also writes docs/rekap-print-a4.png, the README's picture).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EKINERJA, ROOT, launchExtension, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { chooseRencanaAksi, field, openModal, saved, typeInPicker, waitReady } from './replica-driver';
import type { TemplateRecord } from '../../utils/db/schema';
import type { JurnalEntry } from '../../utils/jurnal/entry';
import { parseCsv } from '../../utils/templates/csv';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
});

const ZONE = 'Asia/Jakarta';
const TEMPLATE: TemplateRecord = {
  id: 'tpl-mengajar', name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran tatap muka', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar kelas 8A {tanggal}', realisasi: 2, satuan: 'Jam Pelajaran', buktiDukung: 'https://drive.google.com/drive/folders/{tanggal_iso}',
  weekdays: [1, 2, 3, 4, 5, 6, 7], isDefault: true, order: 0,
};
const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dmy = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

async function seed(s: ExtensionSession): Promise<void> {
  const file = Buffer.from(JSON.stringify({
    format: 'asisten-ekinerja-backup', version: 1, exportedAt: new Date().toISOString(),
    data: { accounts: [], templates: [TEMPLATE], reports: [], daysOff: [], settings: { zone: ZONE } },
  }));
  const options = await s.openPage('options.html');
  await options.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'cadangan.json', mimeType: 'application/json', buffer: file });
  await options.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
  await options.getByText('Cadangan dipulihkan.').waitFor();
  await options.close();
}

async function backupJurnal(s: ExtensionSession): Promise<JurnalEntry[]> {
  const options = await s.openPage('options.html');
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Ekspor cadangan' }).click();
  const file = await (await downloading).path();
  await options.close();
  return (JSON.parse(readFileSync(file!, 'utf8')) as { data: { jurnal: JurnalEntry[] } }).data.jurnal;
}

async function ok(page: Page): Promise<void> {
  await page.locator('.modal.show .modal-footer').getByRole('button', { name: 'OK', exact: true }).click();
}

/** The rows of a table on the Rekap page, as text. */
const tableRows = (page: Page, id: string) => page.locator(`#rekap-${id} tbody tr`).evaluateAll(
  (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
);

describe('Jurnal and Rekap', () => {
  it('keeps exactly the confirmed saves, shows them in the Rekap with the site\'s other entries, exports equal CSV and .xlsx, prints on A4', async () => {
    session = await launchExtension();
    const s = session;
    await serveFixtures(s.context, EKINERJA, { ...REPLICA_ROUTES });
    await seed(s);
    const today = todayIn(ZONE);
    const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(today, -weekday);
    // Another day of the same week (the week view shows both) and of the same SKP period (the Rekap's).
    const half = (d: string) => `${d.slice(0, 4)}-S${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
    let other = today === monday ? addDays(monday, 1) : monday;
    if (half(other) !== half(today)) other = addDays(today, weekday < 6 ? 1 : -1);
    const period = half(today);
    // A third day of that week and period, whose save the server fails (HTTP 500).
    const third = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).find((d) => d !== today && d !== other && half(d) === period)!;
    const page = await s.context.newPage();
    await page.goto(EKINERJA + replicaPath({ date: today, entries: [other], fail: '500', failDates: [third] }));
    await waitReady(page);

    // 1. From the template, for today.
    await openModal(page);
    const control = page.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' });
    await control.getByRole('button', { name: 'Isi dari template', exact: true }).click();
    await control.and(page.locator('[data-state="done"]')).waitFor();
    await ok(page);
    await expect.poll(async () => (await saved(page)).length).toBe(1);
    await page.locator('.modal.show').waitFor({ state: 'detached' }).catch(() => page.locator('.modal.show').waitFor({ state: 'hidden' }));

    // 2. Typed by hand, for the other day.
    let modal = await openModal(page);
    await chooseRencanaAksi(modal, 'laporan', 'Menyusun laporan kinerja bulanan');
    await typeInPicker(modal, 'TANGGAL KEGIATAN', other);
    await typeInPicker(modal, 'JAM MULAI KEGIATAN', '13:00');
    await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '14:30');
    await field(modal, 'KEGIATAN HARIAN').locator('input').fill('Menyusun laporan bulanan');
    await field(modal, 'REALISASI').locator('input').fill('1');
    await ok(page);
    await expect.poll(async () => (await saved(page)).length).toBe(2);
    await page.locator('.modal.show').waitFor({ state: 'detached' }).catch(() => page.locator('.modal.show').waitFor({ state: 'hidden' }));

    // 3. Refused by the site (the end is before the start): the modal stays open with the error; the user closes it.
    modal = await openModal(page);
    await chooseRencanaAksi(modal, 'administrasi', 'Mengelola administrasi kepegawaian');
    await typeInPicker(modal, 'TANGGAL KEGIATAN', today);
    await typeInPicker(modal, 'JAM MULAI KEGIATAN', '15:00');
    await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '14:00');
    await field(modal, 'KEGIATAN HARIAN').locator('input').fill('Ditolak situs');
    await field(modal, 'REALISASI').locator('input').fill('3');
    await ok(page);
    await modal.locator('.invalid-feedback', { hasText: 'Jam Selesai harus setelah Jam Mulai' }).waitFor();
    await modal.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
    expect(await saved(page)).toHaveLength(2);

    // 4. Failed by the server: the modal closes, then an error toast; nothing was stored.
    modal = await openModal(page);
    await chooseRencanaAksi(modal, 'administrasi', 'Mengelola administrasi kepegawaian');
    await typeInPicker(modal, 'TANGGAL KEGIATAN', third);
    await typeInPicker(modal, 'JAM MULAI KEGIATAN', '10:00');
    await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '11:00');
    await field(modal, 'KEGIATAN HARIAN').locator('input').fill('Gagal di server');
    await field(modal, 'REALISASI').locator('input').fill('1');
    await ok(page);
    await page.locator('.toast.show.toast-error').waitFor();
    expect(await saved(page)).toHaveLength(2);

    // The Jurnal holds exactly the two saves, with the values sent and where they came from.
    const expected = [
      {
        date: today, rencanaAksi: TEMPLATE.rencanaAksi, jamMulai: '07:30', jamSelesai: '09:00', kegiatan: `Mengajar kelas 8A ${dmy(today)}`,
        realisasi: 2, satuan: 'Jam Pelajaran', buktiDukung: `https://drive.google.com/drive/folders/${today}`, source: 'template', templateId: TEMPLATE.id,
      },
      {
        date: other, rencanaAksi: 'Menyusun laporan kinerja bulanan', jamMulai: '13:00', jamSelesai: '14:30', kegiatan: 'Menyusun laporan bulanan',
        realisasi: 1, satuan: 'Laporan', buktiDukung: '', source: 'typed',
      },
    ];
    let jurnal: JurnalEntry[] = [];
    await expect.poll(async () => {
      jurnal = (await backupJurnal(s)).filter((e) => e.source !== 'site-calendar');
      return jurnal.length;
    }, { timeout: 15_000 }).toBe(2);
    const bySource = jurnal.sort((a, b) => a.source.localeCompare(b.source)).map(({ id: _i, recordedAt: _r, ...e }) => e);
    expect(bySource).toEqual(expected);
    // The calendar's other entry was read from the site (title and times).
    await expect.poll(async () => (await backupJurnal(s)).filter((e) => e.source === 'site-calendar').map((e) => [e.date, e.title, e.jamMulai, e.jamSelesai]), { timeout: 15_000 })
      .toContainEqual([other, 'Kegiatan harian', '08:00', '16:00']);

    // The Rekap of this SKP period shows both saves and the site's other entry.
    const rekap = await s.openPage(`rekap.html#${period}`);
    await rekap.locator('#rekap-jurnal').waitFor();
    const jurnalRows = await tableRows(rekap, 'jurnal');
    expect(jurnalRows.map((r) => [r[0], r[1], r[4], r[8]]).sort()).toEqual([
      [TEMPLATE.rencanaAksi, today, `Mengajar kelas 8A ${dmy(today)}`, 'Dari template'],
      ['Menyusun laporan kinerja bulanan', other, 'Menyusun laporan bulanan', 'Diketik'],
    ].sort());
    const siteRows = await tableRows(rekap, 'site');
    expect(siteRows).toContainEqual([other, 'Kegiatan harian', '08:00', '16:00', 'Ada di kalender situs, tidak tercatat di Jurnal']);
    const raRows = await tableRows(rekap, 'rencanaAksi');
    expect(raRows).toContainEqual([TEMPLATE.rencanaAksi, '1', '1', '1:30', '90']);
    expect(await tableRows(rekap, 'bukti')).toContainEqual(['Menyusun laporan kinerja bulanan', other, 'Menyusun laporan bulanan', '', 'Tanpa bukti dukung']);

    // Exports: the Jurnal as CSV and everything as .xlsx read back equal to the page.
    const shown = async (id: string) => {
      const header = await rekap.locator(`#rekap-${id} thead th`).allTextContents();
      return [header, ...(await tableRows(rekap, id))];
    };
    let downloading = rekap.waitForEvent('download');
    await rekap.getByRole('button', { name: 'Unduh Jurnal (CSV)' }).click();
    let download = await downloading;
    expect(download.suggestedFilename()).toBe(`rekap-${period}-jurnal.csv`);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), ';');
    expect(csv.ok && csv.records.map((r) => r.cells)).toEqual(await shown('jurnal'));

    downloading = rekap.waitForEvent('download');
    await rekap.getByRole('button', { name: 'Unduh Excel (.xlsx, semua tabel)' }).click();
    download = await downloading;
    const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const sheet = (title: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[title]!, { header: 1, defval: '', raw: false })
      .map((r) => r.map(String));
    expect(wb.SheetNames).toEqual(['Per minggu', 'Per hari', 'Jam per Rencana Aksi', 'Realisasi per Rencana Aksi dan', 'Bukti dukung per Rencana Aksi', 'Terbaca dari situs, tidak ada d', 'Jurnal']);
    const pad = (rows: string[][], like: string[][]) => like.map((r, i) => r.map((_, j) => rows[i]?.[j] ?? ''));
    for (const [title, id] of [['Jurnal', 'jurnal'], ['Jam per Rencana Aksi', 'rencanaAksi'], ['Per minggu', 'weeks'], ['Terbaca dari situs, tidak ada d', 'site']] as const) {
      const page = await shown(id);
      expect(pad(sheet(title), page), title).toEqual(page);
    }

    // Print layout: A4 at 96 dpi, print media; and the browser's own PDF at A4.
    await rekap.setViewportSize({ width: 794, height: 1123 });
    await rekap.emulateMedia({ media: 'print' });
    expect(await rekap.getByRole('button', { name: 'Cetak / Simpan PDF' }).isVisible()).toBe(false);
    expect(await rekap.locator('.print-only').first().isVisible()).toBe(true);
    // The README's picture is rewritten only when asked for (like the other pictures): a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(`${ROOT}/docs/rekap-print-a4.png`, await rekap.screenshot({ fullPage: false }));
    const pdf = await rekap.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]); // A4 in points
  }, 180_000);
});
