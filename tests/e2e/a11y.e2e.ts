/**
 * Accessibility and readable type (issue 10): axe-core finds nothing on the popup (empty, with
 * codes, with missed days), on every options section (with the template editor and the account
 * form open), on the in-page filler control and on the SSO widget; text is at least 13 px and
 * controls 14 px as Chrome computes them (it gives extension pages' body 75 %).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EKINERJA, launchExtension, serveFixtures, SSO, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { openModal, waitReady } from './replica-driver';
import { addTestAccounts, saveSettings } from './extension-data';
import { axeViolations, tooSmall, WIDGETS } from './axe';
import { plus, todayIn } from './expected';
import { showMissedList } from './popup-page';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

async function expectReadable(page: Page): Promise<void> {
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
  expect(await tooSmall(page, 13, 14)).toEqual({ text: [], controls: [] });
}

describe('accessibility (axe-core) and type size', () => {
  it('popup: empty, with codes, with missed days', async () => {
    session = await launchExtension();
    let popup = await session.openPage('popup.html');
    await popup.getByRole('region', { name: 'Hari ini' }).waitFor();
    await popup.getByRole('button', { name: 'Tambah akun' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await expectReadable(popup);
    await popup.close();

    await addTestAccounts(session, 5);
    // Missed days: counting from five weeks ago in WIB.
    await saveSettings(session, { zone: 'Asia/Jakarta', countFrom: plus(todayIn('Asia/Jakarta'), -35) });
    popup = await session.openPage('popup.html');
    await popup.locator('button.mfa-code').nth(4).waitFor();
    await showMissedList(popup);
    await popup.getByRole('list', { name: 'Hari yang belum dilaporkan' }).waitFor();
    // The run's buttons (issue 11) are on the page axe checks.
    await popup.getByRole('button', { name: 'Isi Progress Harian hari ini' }).waitFor();
    await popup.getByRole('button', { name: /^Lapor susulan \(\d+ hari\)$/ }).waitFor();
    await popup.getByRole('button', { name: /^Isi Progress Harian untuk / }).first().waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await expectReadable(popup);
    // The arrange tools and the add form open.
    await popup.getByRole('button', { name: 'Atur urutan' }).click();
    await popup.getByRole('button', { name: 'Tambah akun' }).click();
    await popup.getByLabel('Tempel tautan akun').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await expectReadable(popup);
  });

  it('options: every section, the template editor and the account form', async () => {
    session = await launchExtension();
    await addTestAccounts(session, 2);
    const options = await session.openPage('options.html');
    await options.getByRole('region', { name: 'Kalender & Cuti' }).getByRole('table').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await expectReadable(options);
    // No heading without something under it (before the next heading).
    expect(await options.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4')]
      .filter((h) => { const next = h.nextElementSibling; return !next || /^H[1-4]$/.test(next.tagName); })
      .map((h) => h.textContent))).toEqual([]);
    // A refused value: marked at its field, still nothing for axe.
    await options.getByLabel('Batas waktu lapor harian', { exact: true }).fill('');
    await options.getByRole('region', { name: 'Jadwal & Pengingat' }).getByRole('status').filter({ hasText: 'Belum tersimpan' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.getByLabel('Batas waktu lapor harian', { exact: true }).fill('16:00');
    await options.getByRole('region', { name: 'Jadwal & Pengingat' }).getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await options.getByRole('button', { name: 'Template baru' }).click();
    await options.getByRole('button', { name: 'Simpan template' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await expectReadable(options);
  });

  it('the filler control in the Tambah Progress Harian form and the SSO widgets', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
    await serveFixtures(session.context, SSO, {
      '/auth/realms/public-siasn/login-actions/authenticate': 'sso/login-otp.html',
      '/auth/realms/public-siasn/login-actions/required-action': 'sso/login-config-totp.html',
    });
    await addTestAccounts(session, 1);
    const site = await session.context.newPage();
    await site.goto(EKINERJA + replicaPath());
    await waitReady(site);
    await openModal(site);
    await site.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' }).waitFor();
    expect(await axeViolations(site, WIDGETS)).toEqual([]);
    // "Simpan isian ini sebagai template" asks for a name (issue 11, item 5).
    await site.getByRole('button', { name: 'Simpan isian ini sebagai template' }).click();
    await site.getByLabel('Nama template').waitFor();
    expect(await axeViolations(site, WIDGETS)).toEqual([]);

    await site.goto(`${SSO}/auth/realms/public-siasn/login-actions/authenticate`);
    await site.getByRole('button', { name: 'Isi kode MFA' }).waitFor();
    expect(await axeViolations(site, WIDGETS)).toEqual([]);
    await site.goto(`${SSO}/auth/realms/public-siasn/login-actions/required-action`);
    await site.getByRole('button', { name: 'Simpan akun ini ke Asisten e-Kinerja' }).waitFor();
    expect(await axeViolations(site, WIDGETS)).toEqual([]);
  });
});
