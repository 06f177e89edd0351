/**
 * The confirmation rule end to end (utils/reporting/confirm.ts), on both replica variants with the
 * replica's server failure modes: a save counts only when the page confirms it; an error in the
 * modal, an error toast after it closed (500) or "Sesi Anda telah berakhir" with the login page
 * (401) record nothing; a save the page says nothing about waits as "belum terkonfirmasi" (popup)
 * until the calendar shows it; a full reading of the calendar with the day empty withdraws an
 * observed report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { EKINERJA, launchExtension, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath, type ReplicaApi, type ReplicaFailure } from '../fixtures/replica/routes';
import { chooseRencanaAksi, field, openModal, saved, typeInPicker, waitReady } from './replica-driver';
import { countFrom, reportRecords } from './extension-data';
import { showMissedList } from './popup-page';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (date: string, n: number) => iso(new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000));
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const todayWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const longDate = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
/** Monday–Friday of the week before last (no national holiday needed: records are per date). */
function pastWeekdays(today: string): string[] {
  const monday = plus(today, -((weekday(today) + 6) % 7) - 14);
  return [0, 1, 2, 3, 4].map((i) => plus(monday, i));
}

const setFailure = (page: Page, mode: ReplicaFailure | null) =>
  page.evaluate((m) => (window as unknown as { __replica: ReplicaApi }).__replica.setFailure(m), mode);

/** Fills the modal as a person does, for `date`. */
async function fillFor(modal: Locator, date: string): Promise<void> {
  await chooseRencanaAksi(modal, 'laporan', 'Menyusun laporan kinerja bulanan');
  await typeInPicker(modal, 'TANGGAL KEGIATAN', date);
  await typeInPicker(modal, 'JAM MULAI KEGIATAN', '08:00');
  await typeInPicker(modal, 'JAM SELESAI KEGIATAN', '10:00');
  await field(modal, 'KEGIATAN HARIAN').locator('input').fill('Menyusun laporan');
  await field(modal, 'REALISASI').locator('input').fill('1');
}

const ok = (modal: Locator) => modal.locator('.modal-footer').getByRole('button', { name: 'OK', exact: true }).click();
const modalGone = (page: Page) => expect.poll(() => page.locator('.modal.show').count(), { timeout: 10_000 }).toBe(0);
const recordOf = async (s: ExtensionSession, date: string) => (await reportRecords(s)).find((r) => r.date === date) ?? null;

describe('a save counts only when the page confirms it', () => {
  for (const variant of ['normal', 'slow'] as const) {
    it(`error in the modal, 500, no sign, 401: only confirmed saves count (${variant} replica)`, async () => {
      const today = todayWib();
      const [a, b, c, d] = pastWeekdays(today) as [string, string, string, string];
      session = await launchExtension();
      const s = session;
      await countFrom(s, a); // so that week's days show in the popup's list

      await serveFixtures(s.context, EKINERJA, { ...REPLICA_ROUTES });
      const page = await s.context.newPage();
      await page.goto(EKINERJA + replicaPath({ variant, date: a, persist: true }));
      await waitReady(page);

      // 1. The server refuses and the modal stays open with an error: nothing; OK again, it saves: reported.
      await setFailure(page, 'open');
      let modal = await openModal(page);
      await fillFor(modal, a);
      await ok(modal);
      await modal.locator('.alert-danger').waitFor();
      await setFailure(page, null);
      await ok(modal);
      await modalGone(page);
      await expect.poll(() => recordOf(s, a), { timeout: 10_000 }).toMatchObject({ status: 'reported' });

      // 2. HTTP 500: the modal closes, then an error toast: nothing recorded.
      await setFailure(page, '500');
      modal = await openModal(page);
      await fillFor(modal, b);
      await ok(modal);
      await modalGone(page);
      await page.locator('.toast', { hasText: 'Terjadi kesalahan' }).waitFor();

      // 3. Stored, but the page shows nothing: "belum terkonfirmasi" in the popup, still missed.
      await setFailure(page, 'quiet');
      modal = await openModal(page);
      await fillFor(modal, c);
      await ok(modal);
      await modalGone(page);
      await expect.poll(() => recordOf(s, c), { timeout: 15_000 }).toMatchObject({ status: 'unconfirmed', source: 'observed' });
      expect(await recordOf(s, b)).toBeNull(); // the 500 left nothing behind
      expect((await saved(page)).map((e) => e.tanggal)).toEqual([a, c]);
      const popup = await s.openPage('popup.html');
      await showMissedList(popup);
      const item = popup.getByRole('list', { name: 'Hari yang belum dilaporkan' }).getByRole('listitem').filter({ hasText: longDate(c) });
      await item.getByText('belum terkonfirmasi').waitFor();
      await popup.getByRole('list', { name: 'Hari yang belum dilaporkan' }).getByText(longDate(b), { exact: true }).waitFor();
      await popup.close();
      // The calendar (after a reload, where the server's entry shows) confirms it.
      await page.reload();
      await waitReady(page);
      await expect.poll(() => recordOf(s, c), { timeout: 10_000 }).toMatchObject({ status: 'reported', source: 'site' });

      // 4. 401: "Sesi Anda telah berakhir", then the login page: nothing recorded.
      await setFailure(page, '401');
      modal = await openModal(page);
      await fillFor(modal, d);
      await ok(modal);
      await page.getByText('Sesi Anda telah berakhir').waitFor();
      await page.waitForURL(`${EKINERJA}/login`);
      await page.getByText('Login with ASN Digital').waitFor();
      expect(await recordOf(s, d)).toBeNull();
      expect(await recordOf(s, b)).toBeNull();
    });
  }

  it('a full reading of the calendar that shows the day empty withdraws an observed report, never a manual one', async () => {
    const today = todayWib();
    const [a, b] = pastWeekdays(today) as [string, string];
    session = await launchExtension();
    const s = session;
    await countFrom(s, a);
    await serveFixtures(s.context, EKINERJA, { ...REPLICA_ROUTES });
    const page = await s.context.newPage();
    // The calendar shows another week: only the success toast confirms the save.
    await page.goto(EKINERJA + replicaPath({ date: plus(a, -28) }));
    await waitReady(page);
    const modal = await openModal(page);
    await fillFor(modal, a);
    await ok(modal);
    await modalGone(page);
    await expect.poll(() => recordOf(s, a), { timeout: 10_000 }).toMatchObject({ status: 'reported', source: 'observed' });
    // A day marked by hand in the popup.
    const popup = await s.openPage('popup.html');
    await showMissedList(popup);
    await popup.getByRole('button', { name: `Tandai sudah lapor: ${longDate(b)}` }).click();
    await expect.poll(() => recordOf(s, b)).toMatchObject({ status: 'reported', source: 'manual' });
    await popup.close();

    // That week on the site, without the entry (the server did not keep it): withdrawn.
    await page.goto(EKINERJA + replicaPath({ date: a }));
    await waitReady(page);
    await expect.poll(() => recordOf(s, a), { timeout: 10_000 }).toBeNull();
    expect(await recordOf(s, b)).toMatchObject({ status: 'reported', source: 'manual' });
    const after = await s.openPage('popup.html');
    await showMissedList(after);
    const list = after.getByRole('list', { name: 'Hari yang belum dilaporkan' });
    await list.getByText(longDate(a), { exact: true }).waitFor();
    expect(await list.getByText(longDate(b), { exact: true }).count()).toBe(0);
  });
});
