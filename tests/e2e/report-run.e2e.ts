/**
 * Today's report and "Lapor susulan" from the popup (issue 11, items 1 and 3), on both replica
 * variants: the popup button brings up the daily-progress page, the extension opens the modal with
 * the site's own button and fills it for the day, the user clicks OK (2 clicks in all); a queue
 * walks the missed days in date order, advancing only on a confirmed save (a server failure keeps
 * the day and offers it again, Lewati leaves it missed), survives a reload, passes over a day the
 * user reported by hand meanwhile, and goes on after a login detour.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { EKINERJA, launchExtension, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath, type ReplicaApi, type ReplicaFailure } from '../fixtures/replica/routes';
import { formState, openReplica, saved, waitReady } from './replica-driver';
import { countFrom, reportRecords, seedTemplates } from './extension-data';
import { OFF_2026, isWorkday, longDate, plus, todayIn } from './expected';
import type { TemplateRecord } from '../../utils/db/schema';
import { showMissedList } from './popup-page';

let session: ExtensionSession | undefined;
const savedTz = process.env.TZ;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const ZONE = 'Asia/Jakarta';
const TEMPLATE: TemplateRecord = {
  id: 'tpl-laporan',
  name: 'Laporan harian',
  rencanaAksi: 'Menyusun laporan kinerja bulanan',
  jamMulai: '08:00',
  jamSelesai: '10:00',
  kegiatan: 'Menyusun laporan {tanggal}',
  realisasi: 1,
  satuan: 'Laporan',
  buktiDukung: '',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  isDefault: true,
  order: 0,
};

/** The run's bar in the page (a shadow root the locators pierce). */
const bar = (page: Page): Locator => page.locator('asisten-ekinerja-run .rb');
const stageOf = (page: Page) => bar(page).getAttribute('data-stage', { timeout: 20_000 });
const modal = (page: Page) => page.locator('.modal.show');
const setFailure = (page: Page, mode: ReplicaFailure | null) =>
  page.evaluate((m) => (window as unknown as { __replica: ReplicaApi }).__replica.setFailure(m), mode);
const recordOf = async (s: ExtensionSession, date: string) => (await reportRecords(s)).find((r) => r.date === date) ?? null;

/** Waits until the modal is filled for `date` by the run, the bar saying so. */
async function filledFor(page: Page, date: string, position?: string): Promise<void> {
  await expect.poll(() => stageOf(page), { timeout: 20_000 }).toBe('filled');
  await expect.poll(async () => (await formState(page))?.tanggal, { timeout: 20_000 }).toBe(date);
  await expect.poll(async () => (await formState(page))?.kegiatan).toBe(`Menyusun laporan ${date.slice(8)}-${date.slice(5, 7)}-${date.slice(0, 4)}`);
  await bar(page).getByText(position ? `${position} — ${longDate(date)}` : longDate(date)).waitFor();
}

async function clickOk(page: Page): Promise<void> {
  await modal(page).locator('.modal-footer').getByRole('button', { name: 'OK', exact: true }).click();
}

/** The `n` most recent working days before `today`, oldest first. */
function workdaysBefore(today: string, n: number): string[] {
  const out: string[] = [];
  for (let d = plus(today, -1); out.length < n; d = plus(d, -1)) if (isWorkday(d)) out.unshift(d);
  return out;
}

/** A zone in which today is a working day: WIB, or the browser's own far-east/far-west zone (TZ). */
function workingToday(): { zone: string; iana: string; today: string } | null {
  for (const iana of [ZONE, 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    const today = todayIn(iana);
    if (isWorkday(today)) return { zone: iana === ZONE ? ZONE : 'browser', iana, today };
  }
  return null;
}

async function start(zone = ZONE): Promise<ExtensionSession> {
  session = await launchExtension();
  await seedTemplates(session, [TEMPLATE], zone);
  await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
  return session;
}

/**
 * The three working days before today missed (counting from the first), the replica open with
 * today reported, and "Lapor susulan (3 hari)" clicked in the popup.
 */
async function queueOfThree(variant: 'normal' | 'slow'): Promise<{ s: ExtensionSession; page: Page; days: [string, string, string] }> {
  const today = todayIn(ZONE);
  const days = workdaysBefore(today, 3) as [string, string, string];
  const s = await start();
  await countFrom(s, days[0]);
  const page = await openReplica(s, replicaPath({ variant, entries: [today], persist: true }));
  await catchUp(s, 3);
  return { s, page, days };
}

/** Starts "Lapor susulan" from the popup, as a user does; resolves to the popup page. */
async function catchUp(s: ExtensionSession, days: number): Promise<void> {
  const popup = await s.openPage('popup.html');
  await popup.getByRole('button', { name: `Lapor susulan (${days} hari)` }).click();
}

describe('today and Lapor susulan from the popup', () => {
  for (const variant of ['normal', 'slow'] as const) {
    it(`today's report takes two clicks: the popup button, then OK (${variant} replica)`, async (ctx) => {
      const chosen = workingToday();
      if (!chosen) {
        ctx.skip(); // today is a weekend or holiday in every zone tried
        return;
      }
      if (chosen.zone === 'browser') process.env.TZ = chosen.iana;
      const s = await start(chosen.zone);
      const { today } = chosen;
      // No e-Kinerja tab yet: the extension opens one (the replica, with this variant).
      await s.context.route(`${EKINERJA}/kinerja_harian`, (route) =>
        route.request().url().includes('?') ? route.fallback() : route.fulfill({ status: 302, headers: { location: replicaPath({ variant, persist: true }) } }));
      const popup = await s.openPage('popup.html');
      const opened = s.context.waitForEvent('page');
      let clicks = 0;
      await popup.getByRole('button', { name: 'Isi Progress Harian hari ini' }).click();
      clicks += 1;
      const page = await opened;
      await waitReady(page);
      await filledFor(page, today);
      expect(await stageOf(page)).toBe('filled');
      await clickOk(page);
      clicks += 1;
      await expect.poll(() => recordOf(s, today), { timeout: 15_000 }).toMatchObject({ status: 'reported' });
      await bar(page).getByText('Progress Harian tersimpan dan dikonfirmasi situs.').waitFor();
      expect((await saved(page)).map((e) => [e.tanggal, e.rencanaAksi, e.jamMulai, e.jamSelesai])).toEqual([[today, TEMPLATE.rencanaAksi, '08:00', '10:00']]);
      expect(clicks).toBe(2);
    });

    it(`a queue of 3 days: a server failure keeps the day and offers it again, Lewati leaves it missed, the others are reported (${variant} replica)`, async () => {
      const { s, page, days: [a, b, c] } = await queueOfThree(variant);

      await filledFor(page, a, '1 dari 3');
      await clickOk(page);
      await filledFor(page, b, '2 dari 3');
      expect(await recordOf(s, a)).toMatchObject({ status: 'reported' });

      // The server fails (HTTP 500: the modal closes, then an error toast): B stays missed and comes again.
      await setFailure(page, '500');
      await clickOk(page);
      await page.locator('.toast', { hasText: 'Terjadi kesalahan' }).waitFor();
      await filledFor(page, b, '2 dari 3');
      await bar(page).getByText('Situs gagal menyimpan; hari tersebut tetap belum dilaporkan. Coba OK lagi, atau Lewati.').waitFor();
      expect(await recordOf(s, b)).toBeNull();
      await setFailure(page, null);
      await bar(page).getByRole('button', { name: 'Lewati' }).click();

      await filledFor(page, c, '3 dari 3');
      await clickOk(page);
      await bar(page).getByText('Lapor susulan selesai: 2 dilaporkan, 1 dilewati, 0 sudah ada.').waitFor();
      expect((await saved(page)).map((e) => e.tanggal)).toEqual([a, c]);
      expect(await recordOf(s, c)).toMatchObject({ status: 'reported' });
      expect(await recordOf(s, b)).toBeNull();
      // The failed and skipped day is offered again in the popup.
      const popup = await s.openPage('popup.html');
      await showMissedList(popup);
      const list = popup.getByRole('list', { name: 'Hari yang belum dilaporkan' });
      await list.getByText(longDate(b), { exact: true }).waitFor();
      await popup.getByRole('button', { name: 'Lapor susulan (1 hari)' }).waitFor();
      await bar(page).getByRole('button', { name: 'Tutup' }).click();
      await expect.poll(() => bar(page).count()).toBe(0);
    });

    it(`a reload in the middle of the queue, and a day reported by hand meanwhile is passed over (${variant} replica)`, async () => {
      const { s, page, days: [a, b, c] } = await queueOfThree(variant);
      await filledFor(page, a, '1 dari 3');

      // Reload: the run goes on from the background's state; the modal opens and fills again.
      await page.reload();
      await waitReady(page);
      await filledFor(page, a, '1 dari 3');
      // The user marks C as reported by hand in the popup while A is up.
      const popup = await s.openPage('popup.html');
      await showMissedList(popup);
      await popup.getByRole('button', { name: `Tandai sudah lapor: ${longDate(c)}` }).click();
      await expect.poll(() => recordOf(s, c)).toMatchObject({ status: 'reported', source: 'manual' });
      await popup.close();

      await clickOk(page);
      await filledFor(page, b, '2 dari 3');
      await clickOk(page);
      await bar(page).getByText('Lapor susulan selesai: 2 dilaporkan, 0 dilewati, 1 sudah ada.').waitFor();
      expect((await saved(page)).map((e) => e.tanggal)).toEqual([a, b]);
    });
  }

  for (const variant of ['normal', 'slow'] as const) {
    it(`a day that is not a working day (weekend, holiday or leave) is named with its reason before anything is filled, also from the popup (${variant} replica)`, async () => {
      const today = todayIn(ZONE);
      session = await launchExtension();
      const s = session;
      // Today is a day off (leave) for this user; on a weekend the weekend is the reason named.
      const backup = Buffer.from(JSON.stringify({
        format: 'asisten-ekinerja-backup', version: 1, exportedAt: new Date().toISOString(),
        data: { accounts: [], templates: [TEMPLATE], reports: [], settings: { zone: ZONE },
          daysOff: [{ id: 'cuti-1', start: today, end: today, kind: 'cuti-tahunan', note: 'Cuti tahunan ke Bandung' }] },
      }));
      const options = await s.openPage('options.html');
      await options.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'cadangan.json', mimeType: 'application/json', buffer: backup });
      await options.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
      await options.getByText('Cadangan dipulihkan.').waitFor();
      await options.close();
      await serveFixtures(s.context, EKINERJA, { ...REPLICA_ROUTES });
      const page = await openReplica(s, replicaPath({ variant }));
      const popup = await s.openPage('popup.html');
      await popup.getByRole('button', { name: 'Isi Progress Harian hari ini' }).click();
      const control = page.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' });
      await control.getByLabel('Untuk:').waitFor();
      const why = [0, 6].includes(new Date(`${today}T12:00:00Z`).getUTCDay()) ? 'Akhir pekan' : OFF_2026.has(today) ? '[^)]+' : 'Cuti tahunan';
      await control.getByRole('alert').filter({ hasText: new RegExp(`^Perhatian: ${longDate(today)} bukan hari kerja \\(${why}\\)\\.`) }).waitFor();
      await expect(control.getByLabel('Untuk:').evaluate((e: HTMLSelectElement) => e.selectedOptions[0]?.textContent)).resolves.toBe(`${longDate(today)} (hari ini)`);
      // Nothing was filled by itself; the user's click fills it, for that date.
      expect((await formState(page))?.tanggal).toBeNull();
      expect(await control.getAttribute('data-state')).toBe('ready');
      await control.getByRole('button', { name: 'Isi dari template', exact: true }).click();
      await filledFor(page, today);
    });
  }

  it('a login detour: the page says to log in, and the run goes on when the user is back', async () => {
    const today = todayIn(ZONE);
    const [a] = workdaysBefore(today, 1) as [string];
    const s = await start();
    await countFrom(s, a);
    // The session ended: the daily-progress page sends the user to the login page (as the app does, by script), once.
    let loggedIn = false;
    await s.context.route(`${EKINERJA}/kinerja_harian**`, (route) => (loggedIn
      ? route.fallback()
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><script>location.replace("/login")</script>' })));
    const popup = await s.openPage('popup.html');
    const opened = s.context.waitForEvent('page');
    await popup.getByRole('button', { name: `Isi Progress Harian untuk ${longDate(a)}` }).click();
    const page = await opened;
    await page.waitForURL(`${EKINERJA}/login`);
    await bar(page).getByText('Anda belum masuk ke e-Kinerja. Silakan masuk; pengisian dilanjutkan saat Anda kembali ke halaman Progress Harian.').waitFor();
    expect(await stageOf(page)).toBe('login');
    loggedIn = true;
    await page.getByText('Login with ASN Digital').click();
    await waitReady(page);
    await filledFor(page, a);
    await clickOk(page);
    await expect.poll(() => recordOf(s, a), { timeout: 15_000 }).toMatchObject({ status: 'reported' });
  });
});
