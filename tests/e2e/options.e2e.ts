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
    for (const name of ['Akun MFA', 'Template Progress Harian', 'Jadwal & Pengingat', 'Kalender & Cuti', 'Cadangan']) {
      await nav.getByRole('link', { name }).waitFor();
      await page.getByRole('region', { name }).waitFor();
    }
    expect(await page.title()).toBe('Pengaturan — Asisten e-Kinerja');
  });

  it('keeps a saved setting across a reload and a browser restart with the same profile', async () => {
    session = await launchExtension();
    let page = await session.openPage('options.html');
    await expectSettings(page, { time: '16:00', zone: 'browser', week: '5' });

    await page.getByLabel('Batas waktu lapor harian', { exact: true }).fill('15:30');
    await page.getByRole('button', { name: 'Simpan jadwal' }).click();
    await page.getByRole('region', { name: 'Jadwal & Pengingat' }).getByRole('status').getByText('Tersimpan.').waitFor();
    await page.getByLabel('Zona waktu', { exact: true }).selectOption({ label: 'WIT (Asia/Jayapura)' });
    await page.getByLabel('Hari kerja', { exact: true }).selectOption('6');
    await page.getByRole('button', { name: 'Simpan kalender' }).click();
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
    await page.getByRole('button', { name: 'Simpan jadwal' }).click();
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
    await page.getByRole('button', { name: 'Simpan jadwal' }).click();
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
