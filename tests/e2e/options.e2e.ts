import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

async function expectSettings(page: Page, want: { time: string; zone: string; week: string }) {
  await page.getByLabel('Batas waktu lapor harian', { exact: true }).waitFor();
  expect(await page.getByLabel('Batas waktu lapor harian', { exact: true }).inputValue()).toBe(want.time);
  expect(await page.getByLabel('Zona waktu', { exact: true }).inputValue()).toBe(want.zone);
  expect(await page.getByLabel('Hari kerja', { exact: true }).inputValue()).toBe(want.week);
}

describe('options page', () => {
  it('has a section for each capability, reachable from its navigation', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');
    const nav = page.getByRole('navigation', { name: 'Bagian pengaturan' });
    // In the order of daily use.
    const order = ['Template Progress Harian', 'Akun MFA', 'Jadwal & Pengingat', 'Kalender & Cuti', 'Cadangan', 'Sinkronisasi'];
    for (const name of order) await page.getByRole('region', { name }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([...order, 'Panduan awal']);
    expect(await page.locator('main > section h2').allTextContents()).toEqual(order);
    expect(await page.title()).toBe('Pengaturan — Asisten e-Kinerja');

    // At 1280 px: the navigation stays in view while the page scrolls, beside one readable column.
    await page.setViewportSize({ width: 1280, height: 720 });
    await nav.getByRole('link', { name: 'Sinkronisasi' }).click();
    await page.waitForFunction(() => scrollY > 500);
    const navBox = (await nav.boundingBox())!;
    expect(navBox.y).toBeGreaterThanOrEqual(0);
    expect(navBox.y).toBeLessThan(100);
    const main = (await page.locator('main').boundingBox())!;
    expect(main.x).toBeGreaterThan(navBox.x + navBox.width);
    expect(main.width).toBeLessThanOrEqual(720);
    expect(main.width).toBeGreaterThan(560);
  });

  it('saves every setting as it is changed; a reload finds every change kept', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');
    const schedule = page.getByRole('region', { name: 'Jadwal & Pengingat' });
    const calendar = page.getByRole('region', { name: 'Kalender & Cuti' });
    const mfa = page.getByRole('region', { name: 'Akun MFA' });
    const saved = async (region: typeof schedule) => {
      await region.getByRole('status').filter({ hasText: 'Tersimpan.' }).first().waitFor();
    };

    // Jadwal & Pengingat: every field.
    await schedule.getByLabel('Batas waktu lapor harian', { exact: true }).fill('15:30');
    await saved(schedule);
    await schedule.getByRole('button', { name: 'Hapus pengingat 60 menit sebelumnya' }).click();
    await schedule.getByLabel('Menit sebelum batas waktu').fill('30');
    await schedule.getByRole('button', { name: 'Tambah pengingat' }).click();
    await schedule.getByRole('checkbox', { name: 'Pengingat pagi' }).check();
    await schedule.getByLabel('Jam pengingat pagi').fill('07:10');
    await schedule.getByRole('checkbox', { name: 'Pengingat terakhir setelah batas waktu' }).check();
    await schedule.getByLabel('Menit setelah batas waktu').fill('45');
    await schedule.getByRole('checkbox', { name: 'Rekap bulan lalu di awal bulan' }).uncheck();
    await schedule.getByRole('checkbox', { name: 'Jangan ganggu (matikan semua pengingat)' }).check();
    await saved(schedule);
    // Kalender & Cuti.
    await calendar.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Makassar');
    await calendar.getByLabel('Hari kerja', { exact: true }).selectOption('6');
    await calendar.getByLabel('Hitung hari belum lapor mulai tanggal').fill('2026-11-02');
    await saved(calendar);
    // Akun MFA: a passphrase, then the auto-lock time.
    await mfa.locator('summary', { hasText: 'Pasang kata sandi' }).click();
    await mfa.getByLabel('Kata sandi baru').fill('rahasia panjang sekali');
    await mfa.getByLabel('Ulangi kata sandi').fill('rahasia panjang sekali');
    await mfa.getByRole('button', { name: 'Pasang kata sandi' }).click();
    await mfa.getByLabel('Kunci otomatis setelah tidak dipakai').selectOption('5');
    await mfa.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    // Sinkronisasi.
    await page.getByRole('checkbox', { name: 'Sinkronkan template, hari libur pribadi, dan pengaturan ke komputer lain' }).check();
    await page.getByRole('region', { name: 'Sinkronisasi' }).getByRole('status').filter({ hasText: /\S/ }).waitFor();

    await page.reload();
    await page.getByLabel('Batas waktu lapor harian', { exact: true }).waitFor();
    const value = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
    const checked = (name: string) => page.getByRole('checkbox', { name }).isChecked();
    expect(await value('Batas waktu lapor harian')).toBe('15:30');
    expect(await schedule.locator('.lead-list li span').allTextContents()).toEqual(['30 menit sebelumnya', '15 menit sebelumnya']);
    expect(await checked('Pengingat pagi')).toBe(true);
    expect(await value('Jam pengingat pagi')).toBe('07:10');
    expect(await checked('Pengingat terakhir setelah batas waktu')).toBe(true);
    expect(await value('Menit setelah batas waktu')).toBe('45');
    expect(await checked('Rekap bulan lalu di awal bulan')).toBe(false);
    expect(await checked('Jangan ganggu (matikan semua pengingat)')).toBe(true);
    expect(await value('Zona waktu')).toBe('Asia/Makassar');
    expect(await value('Hari kerja')).toBe('6');
    expect(await value('Hitung hari belum lapor mulai tanggal')).toBe('2026-11-02');
    expect(await value('Kunci otomatis setelah tidak dipakai')).toBe('5');
    expect(await checked('Sinkronkan template, hari libur pribadi, dan pengaturan ke komputer lain')).toBe(true);
  });

  it('an emptied deadline is refused at its field (focused, marked invalid); the other changes are kept', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');
    const deadline = page.getByLabel('Batas waktu lapor harian', { exact: true });
    await deadline.fill('');
    const schedule = page.getByRole('region', { name: 'Jadwal & Pengingat' });
    await schedule.getByRole('status').filter({ hasText: 'Belum tersimpan: periksa isian yang ditandai.' }).waitFor();
    expect(await deadline.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.id === 'target-time');
    const help = page.locator('#target-time-help');
    expect(await help.textContent()).toBe('Tulis jam sebagai JJ.MM, misalnya 16.00.');
    expect(await help.getAttribute('class')).toContain('error');
    expect(await deadline.getAttribute('aria-describedby')).toBe('target-time-help');

    // Another change, in this section and another: saved, though the deadline is still refused.
    await page.getByRole('checkbox', { name: 'Jangan ganggu (matikan semua pengingat)' }).check();
    await page.getByLabel('Hari kerja', { exact: true }).selectOption('6');
    await page.getByRole('region', { name: 'Kalender & Cuti' }).getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#schedule [role=status]')?.textContent?.includes('Menyimpan'));
    expect(await schedule.getByRole('status').textContent()).toBe('Belum tersimpan: periksa isian yang ditandai.');

    // Leaving with a refused value asks first (nothing lost silently).
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.accept(); }));
    await page.reload();
    expect(await asked).toBe('beforeunload');
    await expectSettings(page, { time: '16:00', zone: 'browser', week: '6' });
    expect(await page.getByRole('checkbox', { name: 'Jangan ganggu (matikan semua pengingat)' }).isChecked()).toBe(true);
  });

  it('keeps a saved setting across a reload and a browser restart with the same profile', async () => {
    session = await launchExtension();
    let page = await session.openPage('options.html');
    await expectSettings(page, { time: '16:00', zone: 'browser', week: '5' });

    await page.getByLabel('Batas waktu lapor harian', { exact: true }).fill('15:30');
    await page.getByRole('region', { name: 'Jadwal & Pengingat' }).getByRole('status').getByText('Tersimpan.').waitFor();
    await page.getByLabel('Zona waktu', { exact: true }).selectOption({ label: 'WIT (Asia/Jayapura)' });
    await page.getByLabel('Hari kerja', { exact: true }).selectOption('6');
    await page.getByRole('region', { name: 'Kalender & Cuti' }).getByRole('status').getByText('Tersimpan.').waitFor();

    await page.reload();
    await expectSettings(page, { time: '15:30', zone: 'Asia/Jayapura', week: '6' });

    const profile = session.userDataDir;
    await session.close();
    session = await launchExtension({ userDataDir: profile });
    page = await session.openPage('options.html');
    await expectSettings(page, { time: '15:30', zone: 'Asia/Jayapura', week: '6' });
  });

  it('exports a backup and restores it; a bad file is refused and changes nothing', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');
    await page.getByLabel('Batas waktu lapor harian', { exact: true }).fill('14:45');
    await page.getByRole('region', { name: 'Jadwal & Pengingat' }).getByText('Tersimpan.').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor cadangan' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^asisten-ekinerja-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const backup = JSON.parse(text) as { format: string; version: number; data: { settings: { targetTime: string } } };
    expect(backup.format).toBe('asisten-ekinerja-backup');
    expect(backup.version).toBe(3);
    expect(backup.data.settings.targetTime).toBe('14:45');

    // Change the setting, then restore the backup: the old value comes back.
    await page.getByLabel('Batas waktu lapor harian', { exact: true }).fill('09:00');
    await page.getByRole('region', { name: 'Jadwal & Pengingat' }).getByText('Tersimpan.').waitFor();

    await page.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'cadangan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByText(/Berkas cadangan\.json berisi 0 akun MFA, 0 template, 0 catatan laporan dan 0 hari libur\/cuti/).waitFor();
    await page.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
    await page.getByText('Cadangan dipulihkan.').waitFor();
    await page.waitForFunction(() => (document.getElementById('target-time') as HTMLInputElement | null)?.value === '14:45');

    // A broken file: every problem listed, nothing changed.
    const broken = JSON.parse(text) as { data: Record<string, unknown> };
    delete broken.data.reports;
    broken.data.settings = { targetTime: 'sore' };
    await page.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'rusak.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByRole('alert');
    await alert.getByText('Berkas ini tidak dipulihkan; data Anda tidak berubah:').waitFor();
    await alert.getByText('Bagian data.reports tidak ada.').waitFor();
    await alert.getByText('Nilai data.settings.targetTime tidak valid.').waitFor();
    await expect(page.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).count()).resolves.toBe(0);
    await page.reload();
    await expectSettings(page, { time: '14:45', zone: 'browser', week: '5' });

    await page.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'foto.json', mimeType: 'application/json', buffer: Buffer.from('\x89PNG...') });
    await page.getByRole('alert').getByText('Ini bukan berkas JSON.').waitFor();

    // A 70 MB file (the review's: it threw an uncaught error, no message): refused before reading.
    const dir = mkdtempSync(join(tmpdir(), 'ae-backup-'));
    try {
      const huge = join(dir, 'besar.json');
      const padded = JSON.parse(text) as { data: { daysOff: unknown[] } };
      padded.data.daysOff = [{ id: 'd', start: '2026-11-10', end: '2026-11-10', kind: 'sakit', note: 'x'.repeat(70 * 1024 * 1024) }];
      writeFileSync(huge, JSON.stringify(padded));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.getByLabel('Pulihkan dari berkas cadangan').setInputFiles(huge);
      await page.getByRole('alert').getByText('Berkas ini terlalu besar untuk berkas cadangan (lebih dari 5 MB). Pilih berkas .json yang dibuat dengan "Ekspor cadangan".').waitFor();
      expect(errors).toEqual([]);
      await expect(page.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).count()).resolves.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
