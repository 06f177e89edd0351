/**
 * The first run (issue 10, issue 12 finding 2), as a new user goes through it: the install opens
 * the welcome checklist (utils/background/welcome.ts); passphrase first, then the MFA account, the
 * first template, the deadline and zone; then e-Kinerja's daily-progress page (the replica at the
 * real address) and its form filled from that template. Every click is counted (typing is not a
 * click). Later, the popup and Pengaturan lead back to what is left.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { EKINERJA, launchExtension, ROOT, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES } from '../fixtures/replica/routes';
import { formState, waitReady } from './replica-driver';
import { TEACHING_FORM, todayIn, weekday } from './expected';
import { TEST_NIP, testSecret } from './extension-data';
import { axeViolations } from './axe';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

describe('first run', () => {
  it('a fresh install opens the welcome checklist once, in Indonesian; a restart opens nothing', async () => {
    session = await launchExtension({ welcomeTab: 'keep' });
    const page = session.welcome!;
    await page.getByRole('heading', { name: 'Selamat datang di Asisten e-Kinerja' }).waitFor();
    await page.getByRole('heading', { name: '1. Kata sandi brankas MFA' }).waitFor();
    expect(await page.title()).toBe('Pengaturan — Asisten e-Kinerja');
    // Real text everywhere, no message key (keys are snake_case: onboarding_step_vault, …).
    expect(await page.locator('body').innerText()).not.toMatch(/\b[a-z]+(_[a-z0-9]+)+\b/);
    expect(session.context.pages().filter((p) => p.url().includes('options.html'))).toHaveLength(1);
    // The browser starts again with this profile: no second welcome (runtime.onInstalled says 'install' once).
    const profile = session.userDataDir;
    await session.close();
    session = await launchExtension({ userDataDir: profile });
    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: 'Pengaturan', exact: true }).waitFor();
    expect(session.context.pages().filter((p) => p.url().includes('options.html'))).toHaveLength(0);
  });

  it('closing the welcome tab while it loads leaves every later page its messages (fresh installs, 3 times)', async () => {
    // Chromium fetches an extension's messages once per renderer process; a page closed during
    // that fetch left an empty set for every later page (8 of 45 fresh profiles before the service
    // worker read them first, 0 of 40 after; see utils/background/welcome.ts). The race does not
    // hit every time: three installs catch that regression with about 45 % odds, and never fail without it.
    for (let i = 0; i < 3; i++) {
      session = await launchExtension({ welcomeTab: 'close-at-once' });
      const options = await session.openPage('options.html');
      await options.locator('#app > *').first().waitFor();
      expect(await options.title()).toBe('Pengaturan — Asisten e-Kinerja');
      const popup = await session.openPage('popup.html');
      await popup.locator('#app > *').first().waitFor();
      expect(await popup.getByRole('button', { name: 'Pengaturan', exact: true }).count()).toBe(1);
      await session.close(true);
      session = undefined;
    }
  });

  it('from install to a first filled form: passphrase → account → template → deadline → the form filled', async () => {
    // The install opens the welcome checklist by itself.
    session = await launchExtension({ welcomeTab: 'keep' });
    await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
    let clicks = 0;
    const click = async (l: Locator) => { await l.click(); clicks += 1; };
    const page = session.welcome!;
    expect(page.url()).toMatch(/options\.html#welcome$/);
    const progress = (done: number) => page.getByRole('status').filter({ hasText: `${done} dari 4 langkah selesai` }).waitFor();

    // 1. The passphrase comes first, with the plain reason; its form is open.
    await page.getByRole('heading', { name: 'Selamat datang di Asisten e-Kinerja' }).waitFor();
    await page.getByRole('heading', { name: '1. Kata sandi brankas MFA' }).waitFor();
    await page.getByText(/bisa tertinggal di berkas disk peramban.*tidak menghapus salinan lama/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Kata sandi baru').fill('kata sandi saya panjang');
    await page.getByLabel('Ulangi kata sandi').fill('kata sandi saya panjang');
    await click(page.getByRole('button', { name: 'Pasang kata sandi' }));
    await progress(1);

    // 2. The MFA account (no "no passphrase" warning: there is one now).
    await page.getByRole('heading', { name: '2. Akun MFA ASN Digital' }).waitFor();
    expect(await page.locator('#mfa-add-no-passphrase').count()).toBe(0);
    await page.getByLabel('Tempel tautan akun').fill(`otpauth://totp/public-siasn:${TEST_NIP}?secret=${testSecret(0)}&issuer=public-siasn`);
    await click(page.getByRole('button', { name: 'Tambahkan', exact: true }));
    await progress(2);

    // 3. The first template, under the word that the account step is done (its own message goes with its form).
    await page.getByRole('heading', { name: '3. Template Progress Harian pertama' }).waitFor();
    await page.getByText('Langkah 2 selesai: Akun MFA ASN Digital.', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await click(page.getByRole('button', { name: 'Template baru' }));
    for (const [label, value] of Object.entries(TEACHING_FORM)) await page.getByLabel(label, { exact: true }).fill(value);
    // A template applies Monday–Friday; on a weekend (this test may run on one) the user adds today.
    const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
    let weekendClicks = 0;
    const day = weekday(today);
    if (day === 0 || day === 6) {
      await click(page.getByRole('group', { name: 'Hari berlaku' }).getByLabel(day === 0 ? 'Minggu' : 'Sabtu'));
      weekendClicks += 1;
    }
    await click(page.getByRole('button', { name: 'Simpan template' }));
    await progress(3);

    // 4. Deadline and zone: the defaults are right.
    await page.getByRole('heading', { name: '4. Batas waktu dan zona waktu' }).waitFor();
    expect(await page.getByLabel('Batas waktu lapor harian').inputValue()).toBe('16:00');
    expect(await axeViolations(page)).toEqual([]);
    await click(page.getByRole('button', { name: 'Sudah sesuai' }));
    await progress(4);
    await page.getByRole('heading', { name: 'Semua siap' }).waitFor();

    // Done: to e-Kinerja's daily progress, "Tambah Progress Harian", "Isi dari template".
    const opened = session.context.waitForEvent('page');
    await click(page.getByRole('button', { name: 'Buka Progress Harian' }));
    const site = await opened;
    await site.waitForURL(`${EKINERJA}/kinerja_harian`);
    await waitReady(site);
    await click(site.getByRole('button', { name: 'Tambah Progress Harian' }));
    const control = site.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' });
    await click(control.getByRole('button', { name: 'Isi dari template', exact: true }));
    await control.and(site.locator('[data-state="done"]')).waitFor();
    const form = await formState(site);
    expect(form?.rencanaAksi).toBe(TEACHING_FORM['Rencana Aksi']);
    expect(form?.kegiatan).toMatch(/^Mengajar Matematika kelas 8A, /);
    expect(form?.jamMulai).toBe('07:30');

    // Pengaturan no longer shows the checklist: nothing is left.
    await page.getByRole('link', { name: 'Semua pengaturan' }).click();
    await page.getByRole('region', { name: 'Template Progress Harian' }).getByText('Mengajar kelas 8A').first().waitFor();
    expect(await page.getByText('Lanjutkan panduan awal').count()).toBe(0);

    console.log(`onboarding clicks: ${clicks} (${weekendClicks} of them only because today is a weekend)`);
    expect(clicks - weekendClicks).toBe(8);
  });

  it('each step can be skipped and taken up again; what is left shows in the options page, and the add form warns once without a passphrase', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html#welcome');
    await page.getByRole('heading', { name: '1. Kata sandi brankas MFA' }).waitFor();
    await page.getByRole('button', { name: 'Lewati langkah ini' }).click();
    await page.getByRole('heading', { name: '2. Akun MFA ASN Digital' }).waitFor();
    // Without a passphrase: the reason, at the step and in the add form.
    await page.locator('#mfa-add-no-passphrase').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: '1. Kata sandi brankas MFA' }).textContent()).toContain('Dilewati');
    // Taken up again from the list.
    await page.getByRole('button', { name: '1. Kata sandi brankas MFA' }).click();
    await page.getByRole('button', { name: 'Kerjakan langkah ini' }).click();
    await page.getByRole('status').filter({ hasText: '0 dari 4 langkah selesai' }).waitFor();
    await page.getByLabel('Kata sandi baru').waitFor();

    // The options page: the summary of what is left, and the way back.
    await page.getByRole('link', { name: 'Semua pengaturan' }).click();
    const summary = page.getByRole('group', { name: /^Panduan awal: 0 dari 4 langkah selesai/ });
    await summary.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('button', { name: 'Lanjutkan panduan awal' }).click();
    await page.getByRole('heading', { name: '1. Kata sandi brankas MFA' }).waitFor();

    // The add form's warning is given once: after an account is added without a passphrase, it is gone.
    await page.getByRole('button', { name: '2. Akun MFA ASN Digital' }).click();
    await page.locator('#mfa-add-no-passphrase').waitFor();
    await page.getByLabel('Tempel tautan akun').fill(`otpauth://totp/public-siasn:${TEST_NIP}?secret=${testSecret(0)}&issuer=public-siasn`);
    await page.getByRole('button', { name: 'Tambahkan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 dari 4 langkah selesai' }).waitFor();
    // Done while step 1 was left undone: the panel goes back to step 1 and says what was just done.
    await page.getByRole('heading', { name: '1. Kata sandi brankas MFA' }).waitFor();
    await page.getByText('Langkah 2 selesai: Akun MFA ASN Digital.', { exact: true }).waitFor();
    await page.goto(page.url().replace('#welcome', '#mfa'));
    await page.getByRole('region', { name: 'Akun MFA' }).getByLabel('Tempel tautan akun').waitFor();
    expect(await page.locator('#mfa-add-no-passphrase').count()).toBe(0);
  });

  it.runIf(process.env.UPDATE_SCREENSHOTS)('takes the README picture of the welcome checklist, as the install opens it', async () => {
    session = await launchExtension({ welcomeTab: 'keep' });
    const page = session.welcome!;
    await page.setViewportSize({ width: 1100, height: 720 });
    await page.getByRole('heading', { name: '1. Kata sandi brankas MFA' }).waitFor();
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/options-welcome.png'), animations: 'disabled' });
  });
});
