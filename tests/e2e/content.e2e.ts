import { afterEach, describe, expect, it } from 'vitest';
import { EKINERJA, launchExtension, serveFixtures, SSO, type ExtensionSession } from './harness';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

const ROUTES = {
  '/kinerja_harian': 'kinerja/kinerja_harian.html',
  '/skp': 'kinerja/skp.html',
};

describe('content script on e-Kinerja', () => {
  it('runs on the routed daily-progress page and answers the background through the popup', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, EKINERJA, ROUTES);
    const site = await session.context.newPage();
    await site.goto(`${EKINERJA}/kinerja_harian`);
    await site.getByRole('button', { name: 'Tambah Progress Harian' }).waitFor();

    const popup = await session.openPage('popup.html');
    await popup.getByRole('region', { name: 'Hari ini' })
      .getByText('Terhubung: halaman Progress Harian terbuka (pengguna: BUDI SANTOSO).').waitFor();
  });

  it('tells a non-daily e-Kinerja page apart; "Buka Progress Harian" opens a new tab and leaves that page alone', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, EKINERJA, ROUTES);
    const site = await session.context.newPage();
    await site.goto(`${EKINERJA}/skp`);
    const popup = await session.openPage('popup.html');
    await popup.getByText('Terhubung ke e-Kinerja (pengguna: BUDI SANTOSO), bukan di halaman Progress Harian.').waitFor();
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Buka Progress Harian' }).click();
    const daily = await opened;
    await daily.waitForURL(`${EKINERJA}/kinerja_harian`);
    expect(new URL(site.url()).pathname).toBe('/skp');

    // With a daily-progress tab open, the button switches to it instead of opening another.
    const popup2 = await session.openPage('popup.html');
    const pagesBefore = session.context.pages().length;
    await popup2.getByRole('button', { name: 'Buka Progress Harian' }).click();
    await expect.poll(() => daily.evaluate(() => document.visibilityState)).toBe('visible');
    expect(session.context.pages().filter((p) => p.url().startsWith(EKINERJA)).length).toBe(2);
    expect(session.context.pages().length).toBeLessThanOrEqual(pagesBefore);
  });

  it('opens the daily-progress page when no e-Kinerja tab is open (an SSO tab does not count)', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, EKINERJA, ROUTES);
    await serveFixtures(session.context, SSO, { '/auth/realms/public-siasn/login-actions/authenticate': 'sso/login-otp.html' });
    const sso = await session.context.newPage();
    await sso.goto(`${SSO}/auth/realms/public-siasn/login-actions/authenticate`);
    await sso.getByLabel('One-time code').waitFor();

    const popup = await session.openPage('popup.html');
    await popup.getByText('Belum ada tab e-Kinerja.').waitFor();
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Buka Progress Harian' }).click();
    const page = await opened;
    await page.waitForURL(`${EKINERJA}/kinerja_harian`);
    await page.getByRole('button', { name: 'Tambah Progress Harian' }).waitFor();
  });
});
