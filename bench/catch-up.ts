/**
 * Reporting from the popup on the e-Kinerja replica (normal variant), issue 11's measures:
 *  - today: the user's clicks from opening the popup to a saved, confirmed entry (goal 2: the
 *    popup button and OK), and the time from the popup click to the modal filled;
 *  - "Lapor susulan" over the 5 most recent missed working days: per day, the time from the click
 *    on OK to the next day's modal filled (the site's save, the confirmation, the site's own modal
 *    opening and the fill; goal ≤ 1.5 s), and the whole queue with the user's 5 OK clicks.
 * Seeds one template through the options page's backup restore: use a throwaway profile.
 */
import type { Page } from 'playwright-core';
import { EKINERJA, serveFixtures, type ExtensionSession } from '../tests/e2e/harness';
import { REPLICA_ROUTES, replicaPath } from '../tests/fixtures/replica/routes';
import { isWorkday, plus, todayIn } from '../tests/e2e/expected';

/**
 * The zone to measure in: WIB when today is a working day there, else the browser's own zone
 * started far east or far west (TZ, set before the browser starts), so that "today" is a working
 * day and today's report is the two-click path (a day that is not one is warned about first).
 */
export function benchZone(): { iana: string; setting: string } {
  for (const iana of ['Asia/Jakarta', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    if (isWorkday(todayIn(iana))) return { iana, setting: iana === 'Asia/Jakarta' ? iana : 'browser' };
  }
  return { iana: 'Asia/Jakarta', setting: 'Asia/Jakarta' };
}
const TEMPLATE = {
  id: 'bench-run', name: 'Bench', rencanaAksi: 'Menyusun laporan kinerja bulanan', jamMulai: '08:00', jamSelesai: '10:00',
  kegiatan: 'Menyusun laporan {tanggal}', realisasi: 1, satuan: 'Laporan', buktiDukung: '', weekdays: [1, 2, 3, 4, 5, 6, 7], isDefault: true, order: 0,
};

async function seed(session: ExtensionSession, zone: string, countFrom: string): Promise<void> {
  const backup = {
    format: 'asisten-ekinerja-backup', version: 1, exportedAt: new Date().toISOString(),
    data: { accounts: [], templates: [TEMPLATE], reports: [], daysOff: [], settings: { zone, countFrom } },
  };
  const options = await session.openPage('options.html');
  await options.getByLabel('Pulihkan dari berkas cadangan').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByRole('button', { name: 'Ganti semua data dengan cadangan ini' }).click();
  await options.getByText('Cadangan dipulihkan.').waitFor();
  await options.close();
}

/** Resolves when the run's modal is filled for `date` (the bar says so and the site's form holds it). */
function filled(page: Page, date: string): Promise<unknown> {
  return page.waitForFunction((d) => {
    const stage = document.querySelector('asisten-ekinerja-run')?.shadowRoot?.querySelector('.rb')?.getAttribute('data-stage');
    const state = (window as unknown as { __replica?: { state(): { tanggal: string | null; kegiatan: string } | null } }).__replica?.state();
    return stage === 'filled' && state?.tanggal === d && state.kegiatan !== '';
  }, date, { polling: 'raf', timeout: 30_000 });
}

const finished = (page: Page) => page.waitForFunction(() =>
  document.querySelector('asisten-ekinerja-run')?.shadowRoot?.querySelector('.rb')?.getAttribute('data-stage') === 'finished', undefined, { polling: 'raf', timeout: 30_000 });

const ok = (page: Page) => page.locator('.modal.show .modal-footer').getByRole('button', { name: 'OK', exact: true }).click();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface CatchUpBench {
  /** Clicks from the popup to today's confirmed entry. */
  todayClicks: number;
  /** From the popup click to the modal filled for today (ms). */
  todayFillMs: number;
  days: number;
  /** Per day: OK click → next modal filled (ms), median and worst. */
  perDayMs: number;
  perDayMaxMs: number;
  /** The whole queue, popup click to finished, with the user's OK clicks (ms). */
  queueMs: number;
}

/** The 5 most recent working days before today, oldest first. */
function missedDays(today: string, n: number): string[] {
  const out: string[] = [];
  for (let d = plus(today, -1); out.length < n; d = plus(d, -1)) if (isWorkday(d)) out.unshift(d);
  return out;
}

/** `zone`: benchZone()'s, with the browser started in `zone.iana` when `zone.setting` is 'browser'. */
export async function measureCatchUp(session: ExtensionSession, zone = benchZone()): Promise<CatchUpBench> {
  const today = todayIn(zone.iana);
  const days = missedDays(today, 5);
  await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
  await seed(session, zone.setting, days[0]!);
  // The calendar shows the last missed day's week; today has an entry (not part of the backlog).
  const page = await session.context.newPage();
  await page.goto(EKINERJA + replicaPath({ date: days[days.length - 1], entries: [today] }));
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready: boolean } }).__replica?.ready === true);

  // The queue: the popup's "Lapor susulan (5 hari)", then one OK per day.
  const popup = await session.openPage('popup.html');
  const start = performance.now();
  await popup.getByRole('button', { name: `Lapor susulan (${days.length} hari)` }).click();
  await filled(page, days[0]!);
  const perDay: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const t0 = performance.now();
    await ok(page);
    if (i + 1 < days.length) {
      await filled(page, days[i + 1]!);
      perDay.push(performance.now() - t0);
    } else {
      await finished(page);
    }
  }
  const queueMs = performance.now() - start;
  await popup.close().catch(() => undefined);

  // Today, as one run: clicks counted as the user makes them.
  const page2 = await session.context.newPage();
  await page2.goto(EKINERJA + replicaPath({}));
  await page2.waitForFunction(() => (window as unknown as { __replica?: { ready: boolean } }).__replica?.ready === true);
  await page.close();
  const popup2 = await session.openPage('popup.html');
  let clicks = 0;
  const t1 = performance.now();
  await popup2.getByRole('button', { name: 'Isi Progress Harian hari ini' }).click();
  clicks += 1;
  // On a day that is not a working day the control warns first and waits for the user's click.
  const fillDone = await Promise.race([
    filled(page2, today).then(() => true),
    page2.locator('asisten-ekinerja-isi .warn:not([hidden])').waitFor({ timeout: 30_000 }).then(() => false),
  ]);
  if (!fillDone) {
    await page2.locator('asisten-ekinerja-isi').getByRole('button', { name: 'Isi dari template', exact: true }).click();
    clicks += 1;
    await filled(page2, today);
  }
  const todayFillMs = performance.now() - t1;
  await ok(page2);
  clicks += 1;
  await finished(page2);
  await page2.close();
  return {
    todayClicks: clicks,
    todayFillMs: Number(todayFillMs.toFixed(0)),
    days: days.length,
    perDayMs: Number(median(perDay).toFixed(0)),
    perDayMaxMs: Number(Math.max(...perDay).toFixed(0)),
    queueMs: Number(queueMs.toFixed(0)),
  };
}
