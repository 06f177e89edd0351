/**
 * The backlog from day one (utils/calendar/site-months.ts): a fresh install counts missed days
 * from the set-up day and says the month is not yet known from the site; once the
 * daily-progress calendar has shown the whole month (the Bulanan tab of the routed replica, real
 * vue-cal), the month counts from its first day and the popup says it is known from the site.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EKINERJA, launchExtension, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { waitReady } from './replica-driver';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

/** Today in the browser's zone (the extension's default zone). */
const today = () => new Intl.DateTimeFormat('en-CA').format(new Date());
const monthName = (date: string) => new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

describe('the backlog from day one', () => {
  it('counts the month from its first day once the site\'s calendar showed all of it, and says so', async () => {
    const day = today();
    session = await launchExtension();
    const s = session;
    let popup = await s.openPage('popup.html');
    const region = popup.getByRole('region', { name: 'Hari belum lapor' });
    await region.getByText(`Belum terbaca lengkap dari e-Kinerja: ${monthName(day)}.`, { exact: false }).waitFor();
    // Counted from the set-up day: today, said without a "since" date (finding 4).
    if (day.slice(8) !== '01') await region.getByText('Dihitung mulai hari ini.', { exact: false }).waitFor();
    await popup.close();

    await serveFixtures(s.context, EKINERJA, { ...REPLICA_ROUTES });
    const page = await s.context.newPage();
    await page.goto(EKINERJA + replicaPath());
    await waitReady(page);
    await page.getByRole('link', { name: 'Bulanan' }).click();
    await page.locator('.vuecal__title', { hasText: monthName(day) }).waitFor();

    await expect.poll(async () => {
      const p = await s.openPage('popup.html');
      const text = await p.getByRole('region', { name: 'Hari belum lapor' }).textContent({ timeout: 5000 });
      await p.close();
      return text;
    }, { timeout: 15_000 }).toContain('Terbaca lengkap dari kalender e-Kinerja.');
    popup = await s.openPage('popup.html');
    const region2 = popup.getByRole('region', { name: 'Hari belum lapor' });
    await region2.getByRole('list', { name: 'Hari belum lapor per bulan' }).getByText(monthName(day)).waitFor();
    // From the month's first day: no "Dihitung sejak" / "mulai hari ini".
    await expect(region2.textContent()).resolves.not.toMatch(/Dihitung/);
  });
});
