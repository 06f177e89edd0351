import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';
import { axeViolations } from './axe';
import { fixClock, WORKING_DAY } from './clock';
import { addTestAccounts, saveSettings, seedTemplates, sendFromPage } from './extension-data';
import { longDate } from './expected';
import type { TemplateRecord } from '../../utils/db/schema';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const TEMPLATE: TemplateRecord = {
  id: 'tpl-rapat', name: 'Rapat koordinasi', rencanaAksi: 'Koordinasi tim', jamMulai: '08:00', jamSelesai: '09:00',
  kegiatan: 'Rapat koordinasi mingguan', realisasi: 1, satuan: 'Kegiatan', buktiDukung: '', weekdays: EVERY_DAY, isDefault: true, order: 0,
};

/** The popup's first-run box: named by its progress, as in Pengaturan. */
const checklist = (popup: Page) => popup.getByRole('group', { name: /^Panduan awal: \d dari 4 langkah selesai$/ });

async function openPopup(s: ExtensionSession): Promise<Page> {
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 1280, height: 720 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  // What loads after the codes: the missed days come once the checklist has read its steps.
  await popup.getByRole('list', { name: 'Hari belum lapor per bulan' }).waitFor();
  return popup;
}

describe('popup', () => {
  it('renders its three regions in Indonesian, with today in the user\'s zone', async () => {
    session = await launchExtension();
    // The browser's zone (the default setting) is the test's own: today is the fixed day there.
    const clock = await fixClock(session, WORKING_DAY.at);
    const popup = await session.openPage('popup.html');
    await expect(popup.getByRole('heading', { level: 1, name: 'Asisten e-Kinerja' }).isVisible()).resolves.toBe(true);
    for (const name of ['Kode MFA', 'Hari belum lapor', 'Hari ini']) {
      await popup.getByRole('region', { name }).waitFor();
    }
    const today = popup.getByRole('region', { name: 'Hari ini' });
    const date = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.at);
    await expect(today.getByText(longDate(date)).count()).resolves.toBe(1);
    await expect(popup.getByRole('button', { name: 'Buka Progress Harian' }).isEnabled()).resolves.toBe(true);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('id');
  });

  it('shows a fresh profile the first-run steps left under today and the codes, until they are done', async () => {
    session = await launchExtension();
    let popup = await openPopup(session);
    const box = checklist(popup);
    await expect(box.getAttribute('aria-label')).resolves.toBe('Panduan awal: 0 dari 4 langkah selesai');
    await expect(box.getByText('Belum: Kata sandi brankas MFA, Akun MFA ASN Digital, Template Progress Harian pertama, Batas waktu dan zona waktu').count()).resolves.toBe(1);
    // Today's status and its action stay first; the box comes after the codes, and all of it is on screen.
    const action = (await popup.getByRole('button', { name: 'Isi Progress Harian hari ini' }).boundingBox())!;
    const codes = (await popup.getByRole('region', { name: 'Kode MFA' }).boundingBox())!;
    const group = (await box.boundingBox())!;
    expect(action.y + action.height).toBeLessThanOrEqual(codes.y);
    expect(codes.y + codes.height).toBeLessThanOrEqual(group.y);
    expect(group.y + group.height).toBeLessThanOrEqual(600);
    expect(await axeViolations(popup)).toEqual([]);
    // Its button opens the welcome page.
    const opened = session.context.waitForEvent('page');
    await box.getByRole('button', { name: 'Lanjutkan panduan awal' }).click();
    const welcome = await opened;
    await welcome.waitForURL(/options\.html#welcome$/);
    await welcome.getByRole('heading', { name: 'Selamat datang di Asisten e-Kinerja' }).waitFor();
    await welcome.close();
    await popup.close();

    // Two steps done (a template, the deadline): the box names the two left.
    await seedTemplates(session, [TEMPLATE], 'Asia/Jakarta');
    await saveSettings(session, { targetTime: '15:00' });
    popup = await openPopup(session);
    await expect(checklist(popup).getAttribute('aria-label')).resolves.toBe('Panduan awal: 2 dari 4 langkah selesai');
    await expect(checklist(popup).getByText('Belum: Kata sandi brankas MFA, Akun MFA ASN Digital').count()).resolves.toBe(1);
    await popup.close();

    // The passphrase, then an account: nothing is left, and the box is gone.
    const options = await session.openPage('options.html');
    const set = await sendFromPage<{ ok: boolean }>(options, 'setVaultPassphrase', { current: null, next: 'kopi tubruk pagi hari' });
    expect(set.ok).toBe(true);
    await options.close();
    await addTestAccounts(session, 1);
    popup = await openPopup(session);
    await popup.locator('button.mfa-code').first().waitFor();
    await expect(popup.getByRole('button', { name: 'Lanjutkan panduan awal' }).count()).resolves.toBe(0);
    await expect(checklist(popup).count()).resolves.toBe(0);
  });

  it('speaks English in an English browser', async () => {
    session = await launchExtension({ lang: 'en' });
    const popup = await session.openPage('popup.html');
    for (const name of ['MFA codes', 'Days not reported', 'Today']) {
      await popup.getByRole('region', { name }).waitFor();
    }
    await popup.getByRole('button', { name: 'Open daily progress' }).waitFor();
  });

  it('opens the options page from the popup\'s header', async () => {
    session = await launchExtension();
    const popup = await session.openPage('popup.html');
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Pengaturan' }).click();
    const options = await opened;
    await options.waitForURL(/options\.html/);
    await options.getByRole('heading', { level: 1, name: 'Pengaturan' }).waitFor();
  });
});
