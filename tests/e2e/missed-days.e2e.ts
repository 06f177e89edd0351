/**
 * Missed days end to end: settings through the options page, reported days read from the routed
 * replica of e-Kinerja's daily-progress page (real vue-cal), a new entry saved in the replica,
 * and a day marked by hand in the popup — each checked in the popup's count, its list and the
 * toolbar badge. The expected days are computed here independently, for whatever day the tests
 * run on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EKINERJA, launchExtension, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { chooseRencanaAksi, field, openModal, typeInPicker, waitReady } from './replica-driver';
import { showMissedList } from './popup-page';
import { badgeFor, isWorkday, longDate, pastWeek, plus, todayIn, workdays } from './expected';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

const todayWib = () => todayIn('Asia/Jakarta');

async function badge(s: ExtensionSession): Promise<string> {
  return (await s.background()).evaluate(() => chrome.action.getBadgeText({}));
}

async function popupMissed(s: ExtensionSession): Promise<{ page: Page; dates: string[] }> {
  const page = await s.openPage('popup.html');
  const region = page.getByRole('region', { name: 'Hari belum lapor' });
  await showMissedList(page);
  const list = region.getByRole('list', { name: 'Hari yang belum dilaporkan' });
  const dates = (await list.count()) ? await list.getByRole('listitem').locator('span').allTextContents() : [];
  return { page, dates };
}

/** The popup's missed-day list, read from a popup opened for it. */
async function listedMissed(s: ExtensionSession): Promise<string[]> {
  const p = await popupMissed(s);
  await p.page.close();
  return p.dates;
}

describe('missed days', () => {
  it('counts from the site\'s calendar, a new entry saved there, and a day marked by hand', async () => {
    const today = todayWib();
    const week = pastWeek(today);
    const [first, second, third, fourth] = week.filter(isWorkday) as [string, string, string, string | undefined];
    const from = plus(week[0]!, -7);

    session = await launchExtension();
    // Settings as a user sets them: WIB, a target time of 00:00 (so today counts too) and a start date.
    const options = await session.openPage('options.html');
    await options.getByLabel('Batas waktu lapor harian', { exact: true }).fill('00:00');
    await options.getByRole('region', { name: 'Jadwal & Pengingat' }).getByText('Tersimpan.').waitFor();
    await options.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Jakarta');
    await options.getByLabel('Hitung hari belum lapor mulai tanggal').fill(from);
    await options.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();

    let expected = workdays(from, today);
    let popup = await popupMissed(session);
    expect(popup.dates).toEqual(expected.map(longDate));
    expect(await badge(session)).toBe(badgeFor(expected, today));
    await popup.page.close();

    // The daily-progress page shows that week with two entries: they count as reported.
    await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
    const site = await session.context.newPage();
    await site.goto(EKINERJA + replicaPath({ date: week[2]!, entries: [first, second] }));
    await waitReady(site);
    expected = expected.filter((d) => d !== first && d !== second);
    // The badge counts this month only: wait for the list, which holds that week's days.
    await expect.poll(() => listedMissed(session!), { timeout: 10_000 }).toEqual(expected.map(longDate));
    expect(await badge(session)).toBe(badgeFor(expected, today));

    // Saving a new entry in the site's modal lowers the count and the badge.
    const modal = await openModal(site);
    await chooseRencanaAksi(modal, 'laporan', 'Menyusun laporan kinerja bulanan');
    await typeInPicker(modal, 'TANGGAL KEGIATAN', third);
    await typeInPicker(modal, 'JAM MULAI KEGIATAN', '08:00');
    await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '10:00');
    await field(modal, 'KEGIATAN HARIAN').locator('input').fill('Menyusun laporan');
    await field(modal, 'REALISASI').locator('input').fill('1');
    await modal.getByRole('button', { name: 'OK' }).click();
    await site.locator('.modal.show').waitFor({ state: 'detached' }).catch(() => site.locator('.modal.show').waitFor({ state: 'hidden' }));
    expected = expected.filter((d) => d !== third);
    await expect.poll(() => listedMissed(session!), { timeout: 10_000 }).toEqual(expected.map(longDate));
    expect(await badge(session)).toBe(badgeFor(expected, today));

    // Marking a day by hand in the popup changes both.
    popup = await popupMissed(session);
    expect(popup.dates).toEqual(expected.map(longDate));
    const byHand = fourth ?? expected[0]!;
    await popup.page.getByRole('button', { name: `Tandai sudah lapor: ${longDate(byHand)}` }).click();
    expected = expected.filter((d) => d !== byHand);
    await expect.poll(async () => (await popup.page.getByRole('list', { name: 'Hari yang belum dilaporkan' }).getByRole('listitem').count())).toBe(expected.length);
    expect(await badge(session)).toBe(badgeFor(expected, today));
  });

  it('shows today\'s status and lets the user mark today by hand', async () => {
    session = await launchExtension();
    const today = todayWib();
    const options = await session.openPage('options.html');
    await options.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Jakarta');
    await options.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();

    const page = await session.openPage('popup.html');
    const region = page.getByRole('region', { name: 'Hari ini' });
    await region.getByText(longDate(today)).waitFor();
    if (!isWorkday(today)) {
      await region.getByText(/^Hari ini bukan hari kerja: /).waitFor();
      return;
    }
    await region.getByText(/^Belum lapor hari ini/).waitFor();
    await region.getByRole('button', { name: 'Tandai hari ini sudah lapor' }).click();
    await region.getByText('Sudah lapor hari ini.').waitFor();
    await region.getByRole('button', { name: 'Tandai hari ini belum lapor' }).click();
    await region.getByText(/^Belum lapor hari ini/).waitFor();
  });
});

describe('calendar & leave in the options page', () => {
  it('adds a day off from the month calendar, and the popup stops counting it', async () => {
    const today = todayWib();
    const week = pastWeek(today);
    const day = week.filter(isWorkday)[0]!;
    session = await launchExtension();
    const options = await session.openPage('options.html');
    await options.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Jakarta');
    await options.getByLabel('Hitung hari belum lapor mulai tanggal').fill(plus(week[0]!, -7));
    const region = options.getByRole('region', { name: 'Kalender & Cuti' });
    await region.getByText('Tersimpan.').first().waitFor();

    // The month grid names each day and its status; go to the day's month and pick it.
    const dayButton = region.getByRole('button', { name: new RegExp(`^${longDate(day)}`) });
    for (let i = 0; i < 2 && !(await dayButton.count()); i++) await region.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    await dayButton.click();
    await expect.poll(() => options.getByLabel('Mulai', { exact: true }).inputValue()).toBe(day);
    await options.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Sakit' });
    await options.getByRole('button', { name: 'Tambah hari libur/cuti' }).click();
    await region.getByRole('button', { name: new RegExp(`^Hapus Sakit`) }).waitFor();

    const popup = await popupMissed(session);
    expect(popup.dates).not.toContain(longDate(day));
    const pastTarget = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()) >= '16:00';
    const expected = workdays(plus(week[0]!, -7), today).filter((d) => d !== day && (d < today || pastTarget));
    expect(popup.dates).toEqual(expected.map(longDate));
  });
});
