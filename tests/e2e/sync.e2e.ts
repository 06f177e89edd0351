/**
 * "Same templates on every computer" through the built extension: the switch in the options page
 * turns sync on; the browser's storage.sync then holds the template (chunked, utils/sync/chunks)
 * and no MFA secret, account name or Jurnal text; a copy written there by "another computer"
 * (the items another profile's extension would have written) is merged into this one's
 * templates by the background's storage.sync listener.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';
import { decodeState, encodeState } from '../../utils/sync/chunks';
import type { SyncState } from '../../utils/sync/merge';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

const SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const ACCOUNT = 'guru.sinkron@sekolah.id';

const syncItems = (page: Page) => page.evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, unknown>>;
const templateNames = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const req = indexedDB.open('asisten-ekinerja');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const get = req.result.transaction('templates').objectStore('templates').getAll();
    get.onsuccess = () => { resolve((get.result as Array<{ name: string }>).map((t) => t.name).sort()); req.result.close(); };
    get.onerror = () => reject(get.error);
  };
}));

describe('sync (storage.sync)', () => {
  it('turned on, syncs the template and no secret; another computer\'s template arrives', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');

    // An MFA account and a template.
    await page.getByLabel('Tempel tautan akun').fill(`otpauth://totp/Sekolah:${ACCOUNT}?secret=${SECRET}&issuer=Sekolah`);
    await page.getByRole('button', { name: 'Tambahkan', exact: true }).click();
    await page.getByRole('region', { name: 'Akun MFA' }).getByRole('status').getByText('1 akun ditambahkan.').waitFor();
    const templates = page.getByRole('region', { name: 'Template Progress Harian' });
    await templates.getByRole('button', { name: 'Template baru' }).click();
    for (const [label, value] of Object.entries({
      'Nama template': 'Mengajar kelas 8', 'Rencana Aksi': 'Melaksanakan pembelajaran', 'Jam mulai': '07:30', 'Jam selesai': '12:00',
      'Kegiatan harian': 'Mengajar kelas 8B', 'Realisasi': '4', 'Satuan': 'Jam Pelajaran', 'Bukti dukung': 'https://drive.google.com/x',
    })) await templates.getByLabel(label, { exact: true }).fill(value);
    await templates.getByRole('button', { name: 'Simpan template' }).click();
    await expect.poll(() => templateNames(page)).toEqual(['Mengajar kelas 8']);
    expect(Object.keys(await syncItems(page))).toEqual([]); // off by default

    // The switch.
    const region = page.getByRole('region', { name: 'Sinkronisasi' });
    await region.getByText('Tidak pernah ikut sinkron: akun dan kunci MFA').waitFor();
    await region.getByLabel('Sinkronkan template, hari libur pribadi, dan pengaturan ke komputer lain').check();
    await region.getByRole('status').getByText(/^Terakhir disinkronkan /).waitFor();

    const items = await syncItems(page);
    expect(Object.keys(items).every((k) => k.startsWith('ae-sync:'))).toBe(true);
    const text = JSON.stringify(items);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.toLowerCase());
    expect(text).not.toContain(ACCOUNT);
    const decoded = decodeState(items);
    if (!decoded.ok || !decoded.state) throw new Error(`storage.sync holds no readable state: ${JSON.stringify(decoded)}`);
    const state: SyncState = decoded.state;
    expect(Object.values(state.templates).map((r) => r.value?.name)).toEqual(['Mengajar kelas 8']);
    expect(Object.keys(state)).toEqual(['templates', 'daysOff', 'settings']);

    // Another computer adds a template: its copy arrives in storage.sync.
    const [own] = Object.values(state.templates);
    const other: SyncState = {
      ...state,
      templates: {
        ...state.templates,
        'laptop-1': { updatedAt: Date.now(), value: { ...own!.value!, id: 'laptop-1', name: 'Dari laptop', isDefault: false, order: 1 } },
      },
    };
    const enc = encodeState(other);
    if (!enc.ok) throw new Error('does not fit');
    await page.evaluate((set) => chrome.storage.sync.set(set), enc.items);
    await expect.poll(() => templateNames(page), { timeout: 15_000 }).toEqual(['Dari laptop', 'Mengajar kelas 8']);
    await page.reload();
    await page.getByRole('region', { name: 'Template Progress Harian' }).getByText('Dari laptop').first().waitFor();

    // Off: the switch stays off after a reload; the data stays.
    const again = page.getByRole('region', { name: 'Sinkronisasi' });
    await again.getByLabel('Sinkronkan template, hari libur pribadi, dan pengaturan ke komputer lain').uncheck();
    await page.reload();
    expect(await page.getByRole('region', { name: 'Sinkronisasi' }).getByLabel('Sinkronkan template, hari libur pribadi, dan pengaturan ke komputer lain').isChecked()).toBe(false);
    expect(await templateNames(page)).toEqual(['Dari laptop', 'Mengajar kelas 8']);
  }, 120_000);
});
