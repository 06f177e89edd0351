/**
 * The calendar reader (utils/site/calendar-reader.ts) against the REAL vue-cal of the replica,
 * in weeks vue-cal titles differently: inside one month, across two months, across the year,
 * and in the month view. The reader is bundled with esbuild and run in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { EKINERJA, ROOT, serveFixtures } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { waitReady } from './replica-driver';
import type { CalendarReading } from '../../utils/site/calendar-reader';

let browser: Browser;
let reader: string;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const out = await build({
    entryPoints: [join(ROOT, 'utils/site/calendar-reader.ts')], bundle: true, write: false, format: 'iife', globalName: 'CalendarReader',
  });
  reader = out.outputFiles[0]!.text;
});
afterAll(async () => { await browser?.close(); });

async function open(date: string, entries: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await serveFixtures(context, EKINERJA, { ...REPLICA_ROUTES });
  const page = await context.newPage();
  await page.goto(EKINERJA + replicaPath({ date, entries }));
  await waitReady(page);
  await page.addScriptTag({ content: reader });
  return page;
}
const read = (page: Page) =>
  page.evaluate(() => (window as unknown as { CalendarReader: { readCalendar(d: Document): CalendarReading } }).CalendarReader.readCalendar(document));
/** The replica's seeded entries as the reader gives them (the month view shows titles only). */
const events = (dates: string[], times = true) =>
  dates.map((date) => ({ date, title: 'Kegiatan harian', start: times ? '08:00' : '', end: times ? '16:00' : '' }));
const range = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('reading the real vue-cal', () => {
  it('reads a week inside one month', async () => {
    const page = await open('2026-11-25', ['2026-11-23', '2026-11-27']);
    expect(await page.locator('.vuecal__title').innerText()).toMatch(/Minggu 48 \(November 2026\)/);
    expect(await read(page)).toEqual({ ok: true, view: 'week', shown: range('2026-11-23', 7), withEntries: ['2026-11-23', '2026-11-27'], events: events(['2026-11-23', '2026-11-27']) });
    await page.context().close();
  });

  it('reads a week across two months and one across the year', async () => {
    let page = await open('2026-12-02', ['2026-11-30', '2026-12-03']);
    expect(await page.locator('.vuecal__title').innerText()).toMatch(/November - Desember 2026/);
    expect(await read(page)).toEqual({ ok: true, view: 'week', shown: range('2026-11-30', 7), withEntries: ['2026-11-30', '2026-12-03'], events: events(['2026-11-30', '2026-12-03']) });
    await page.context().close();
    page = await open('2026-12-30', ['2026-12-31', '2027-01-01']);
    expect(await page.locator('.vuecal__title').innerText()).toMatch(/Desember 2026 - Januari 2027/);
    expect(await read(page)).toEqual({ ok: true, view: 'week', shown: range('2026-12-28', 7), withEntries: ['2026-12-31', '2027-01-01'], events: events(['2026-12-31', '2027-01-01']) });
    await page.context().close();
  });

  it('reads the month view', async () => {
    const page = await open('2026-11-25', ['2026-11-02', '2026-11-24']);
    await page.locator('.vuecal__title button').click();
    await expect.poll(() => page.locator('.vuecal__title').innerText()).toMatch(/^\s*November 2026\s*$/);
    await expect.poll(() => read(page)).toEqual({ ok: true, view: 'month', shown: range('2026-11-01', 30), withEntries: ['2026-11-02', '2026-11-24'], events: events(['2026-11-02', '2026-11-24'], false) });
    await page.context().close();
  });
});
