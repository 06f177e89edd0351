/** The extension's own records in end-to-end tests: seeding them as a user would, reading them from its service worker. */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from './harness';
import type { ReportRecord, TemplateRecord } from '../../utils/db/schema';

/** The report records as the background stored them. */
export async function reportRecords(s: ExtensionSession): Promise<ReportRecord[]> {
  const worker = await s.background();
  return worker.evaluate(() => new Promise<ReportRecord[]>((resolve, reject) => {
    const open = indexedDB.open('asisten-ekinerja');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('reports').objectStore('reports').getAll();
      get.onsuccess = () => { resolve(get.result as ReportRecord[]); db.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
}

/** Pengaturan → Kalender: zone WIB, missed days counted from `from` (as a user sets them). */
export async function countFrom(s: ExtensionSession, from: string): Promise<void> {
  const options = await s.openPage('options.html');
  await options.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Jakarta');
  await options.getByLabel('Hitung hari belum lapor mulai tanggal').fill(from);
  await options.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();
  await options.close();
}

/** A message to the background in the extension's own format (@webext-core/messaging), sent from an extension page. */
export function sendFromPage<T>(page: import('playwright-core').Page, type: string, data?: unknown): Promise<T> {
  return page.evaluate(([type, data]) => new Promise<unknown>((resolve, reject) => {
    chrome.runtime.sendMessage({ id: Math.random(), type, data, timestamp: Date.now() }, (r: { res?: unknown; err?: unknown }) => {
      if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
      else if (r?.err) reject(new Error(JSON.stringify(r.err)));
      else resolve(r.res);
    });
  }), [type, data] as const) as Promise<T>;
}

/** A 32-character base32 secret that differs per index. */
export function testSecret(i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  for (let k = 0; k < 32; k++) s += alphabet[(i * 7 + k * 13 + ((i * k) % 5)) % 32];
  return s;
}

/** The NIP of the first test account (ASN Digital, public-siasn). */
export const TEST_NIP = '199001012015011001';

/**
 * Adds `n` accounts: the first ASN Digital's (public-siasn with an 18-digit NIP), the others
 * "Layanan i"; from index `start` on (to add more to those already there).
 */
export async function addTestAccounts(s: ExtensionSession, n: number, start = 0): Promise<void> {
  const page = await s.openPage('options.html');
  for (let i = start; i < start + n; i++) {
    const text = i === 0
      ? `otpauth://totp/public-siasn:${TEST_NIP}?secret=${testSecret(i)}&issuer=public-siasn`
      : `otpauth://totp/Layanan%20${i}:pegawai${i}@instansi.go.id?secret=${testSecret(i)}&issuer=Layanan%20${i}`;
    const res = await sendFromPage<{ ok: boolean }>(page, 'addAccounts', { source: { kind: 'text', text }, duplicates: 'add' });
    if (!res.ok) throw new Error(`could not add test account ${i}: ${JSON.stringify(res)}`);
  }
  await page.close();
}

/** Saves settings through the background, as the options page does. */
export async function saveSettings(s: ExtensionSession, patch: Record<string, unknown>): Promise<void> {
  const page = await s.openPage('options.html');
  // A fresh install writes its set-up day once (onInstalled): a patch that sets that day waits for
  // it, so the install cannot overwrite it (it did when the browser's day and the zone's differed).
  if ('installedOn' in patch) {
    await expect.poll(async () => (await sendFromPage<{ installedOn: string | null }>(page, 'getSettings')).installedOn, { message: 'installedOn written on install' }).not.toBeNull();
  }
  const res = await sendFromPage<{ ok: boolean }>(page, 'saveSettings', patch);
  if (!res.ok) throw new Error(`settings not saved: ${JSON.stringify(res)}`);
  await page.close();
}

/** Restores `templates` and the zone through Pengaturan → Cadangan, as a user would. */
export async function seedTemplates(s: ExtensionSession, templates: TemplateRecord[], zone: string): Promise<void> {
  const file = Buffer.from(JSON.stringify({
    format: 'asisten-ekinerja-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    data: { accounts: [], templates, reports: [], daysOff: [], settings: { zone } },
  }));
  const options = await s.openPage('options.html');
  await options.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'cadangan.json', mimeType: 'application/json', buffer: file });
  await options.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
  await options.getByText('Cadangan dipulihkan.').waitFor();
  await options.close();
}

/**
 * Picks `template` in the in-page control's chooser with the keyboard, as a user would: the key
 * press opens the chooser (it lists every template only then) and type-ahead selects the name.
 * (Playwright's selectOption sets the value by script, which the control ignores.)
 */
export async function chooseTemplate(control: Locator, template: string): Promise<void> {
  const select = control.getByLabel('Template', { exact: true });
  await select.focus();
  await select.page().keyboard.type(template.split(' ')[0]!);
  await expect.poll(() => select.evaluate((e: HTMLSelectElement) => e.selectedOptions[0]?.textContent)).toBe(template);
}
