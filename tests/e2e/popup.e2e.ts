import { afterEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

function todayInBrowserZone(locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

describe('popup', () => {
  it('renders its three regions in Indonesian, with today in the user\'s zone', async () => {
    session = await launchExtension();
    const popup = await session.openPage('popup.html');
    await expect(popup.getByRole('heading', { level: 1, name: 'Asisten e-Kinerja' }).isVisible()).resolves.toBe(true);
    for (const name of ['Kode MFA', 'Hari belum lapor', 'Hari ini']) {
      await popup.getByRole('region', { name }).waitFor();
    }
    const today = popup.getByRole('region', { name: 'Hari ini' });
    await expect(today.getByText(todayInBrowserZone('id-ID')).count()).resolves.toBe(1);
    await expect(popup.getByRole('button', { name: 'Buka Progress Harian' }).isEnabled()).resolves.toBe(true);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('id');
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
