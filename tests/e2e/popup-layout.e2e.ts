/**
 * The popup's layout at 1280×720 (issue 10): with 1, 5 and 20 MFA accounts and 0 and 22 missed
 * days, the popup is never taller than 600 px (Chrome's limit for a popup), and today's primary
 * action and the main MFA code are on screen without scrolling. Long lists scroll inside their
 * own box. The popup is opened as a page in a 1280×720 window: it lays itself out at its own width.
 * The extension's clock is fixed (tests/e2e/clock.ts) to a working day and to a weekend day: the
 * today section differs between them, and the test holds whatever the real date and hour.
 *
 * UPDATE_SCREENSHOTS=1 also writes docs/popup.png (the README's picture; `npm run screenshots`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, ROOT, type ExtensionSession } from './harness';
import { addTestAccounts, saveSettings } from './extension-data';
import { longDate, plus, workdays } from './expected';
import { fixClock, WEEKEND_DAY, WORKING_DAY } from './clock';

let session: ExtensionSession | undefined;
afterEach(async () => { await session?.close(true); session = undefined; });

const ZONE = 'Asia/Jakarta';
/** Chrome shows at most this much of a popup. */
const POPUP_MAX = 600;

/** The start date from which exactly `n` working days up to today are counted (target time 00:00: today counts). */
function startFor(n: number, today: string): string {
  let from = today;
  while (workdays(from, today).length < n) from = plus(from, -1);
  return from;
}

/** Today's primary action: the popup's first button in today's region. */
const primary = (popup: Page): Locator => popup.getByRole('region', { name: 'Hari ini' }).locator('button.primary').first();

async function box(l: Locator): Promise<{ top: number; bottom: number }> {
  const b = (await l.boundingBox())!;
  return { top: b.y, bottom: b.y + b.height };
}

async function openPopup(s: ExtensionSession, accounts: number, missed: number): Promise<Page> {
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 1280, height: 720 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await popup.getByRole('region', { name: 'Hari ini' }).waitFor();
  await popup.locator('button.mfa-code').nth(accounts - 1).waitFor({ state: 'attached' });
  await popup.getByRole('region', { name: 'Hari belum lapor' }).getByRole('list', { name: 'Hari belum lapor per bulan' }).waitFor();
  if (missed > 0) await popup.getByRole('button', { name: `Lihat daftar (${missed} hari)` }).waitFor();
  // The reminder line arrives last.
  await popup.locator('.reminder-line [role="status"]').waitFor();
  return popup;
}

async function checkLayout(popup: Page, accounts: number): Promise<void> {
  // What Chrome sizes the popup to: the content's height (the page itself is 720 px tall here).
  // The popup re-fits after each change of its content (ResizeObserver): wait until it has settled.
  const measure = () => popup.evaluate(() => Math.ceil(document.querySelector('main.popup')!.getBoundingClientRect().bottom));
  try {
    await expect.poll(measure, { message: 'popup height' }).toBeLessThanOrEqual(POPUP_MAX);
  } finally {
    // POPUP_SHOTS=<folder>: a picture of each state, also when it does not fit (for looking at the layout).
    if (process.env.POPUP_SHOTS) await popup.locator('main.popup').screenshot({ path: `${process.env.POPUP_SHOTS}/popup-${accounts}-${await popup.locator('.missed-list li').count()}-${await measure()}.png` });
  }
  const height = await measure();
  expect(height, 'popup height').toBeLessThanOrEqual(POPUP_MAX);
  // Nothing is squeezed out of its place: only the two lists scroll, inside their own boxes.
  const overflowing = await popup.evaluate(() => [...document.querySelectorAll('main.popup, main.popup > *, main.popup > * > *')]
    .filter((e) => !e.matches('.mfa-others, .missed-list') && e.scrollHeight > e.clientHeight + 1)
    .map((e) => `${e.tagName}#${e.id}.${e.className}`));
  expect(overflowing).toEqual([]);
  // The lists give up height only down to their floor (useFitHeight's 52 px, about two rows), never
  // to the last resort: the rest of the popup is compact enough.
  const lists = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('.mfa-others, .missed-list')]
    .map((e) => ({ list: e.className, height: e.getBoundingClientRect().height, content: e.scrollHeight })));
  for (const l of lists) expect(l.height, `${l.list} keeps its floor`).toBeGreaterThanOrEqual(Math.min(51.5, l.content));
  const action = await box(primary(popup));
  const code = await box(popup.getByRole('list', { name: 'Kode MFA utama' }).locator('button.mfa-code'));
  for (const [what, b] of [['primary action', action], ['main code', code]] as const) {
    expect(b.top, what).toBeGreaterThanOrEqual(0);
    expect(b.bottom, what).toBeLessThanOrEqual(POPUP_MAX);
  }
  expect(action.bottom, 'the action comes before the code').toBeLessThanOrEqual(code.top);
  // The main account's name is never cut: its whole text fits (and its title has it too).
  const label = popup.getByRole('list', { name: 'Kode MFA utama' }).locator('.mfa-label');
  expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  if (accounts >= 5) {
    // The other accounts scroll in their own box.
    const others = popup.getByRole('list', { name: 'Akun MFA lainnya' });
    expect(await others.getByRole('listitem').count()).toBe(accounts - 1);
  }
}

describe('popup layout at 1280×720', () => {
  for (const [kind, day] of [['a working day', WORKING_DAY], ['a weekend day', WEEKEND_DAY]] as const) {
    for (const missed of [0, 22]) {
      it(`on ${kind}, with 1, 5 and 20 accounts and ${missed} missed days: ≤ 600 px, action and code on screen`, async () => {
        session = await launchExtension();
        const clock = await fixClock(session, day.at);
        const today = day.date;
        await saveSettings(session, missed === 0
          ? { zone: ZONE, targetTime: '23:59', installedOn: today }
          : { zone: ZONE, targetTime: '00:00', countFrom: startFor(missed, today) });
        let added = 0;
        for (const accounts of [1, 5, 20]) {
          await addTestAccounts(session, accounts - added, added);
          added = accounts;
          await clock.ensure();
          const popup = await openPopup(session, accounts, missed);
          await popup.getByRole('region', { name: 'Hari ini' }).getByText(longDate(today)).waitFor();
          await checkLayout(popup, accounts);
          if (missed === 0) {
            // Install day: counted from today, no "since" date.
            const months = popup.getByRole('list', { name: 'Hari belum lapor per bulan' });
            await expect(months.textContent()).resolves.toBe('Desember 20260 hariTukin aman');
            const region = popup.getByRole('region', { name: 'Hari belum lapor' });
            await expect(region.textContent()).resolves.toContain('Dihitung mulai hari ini.');
            await expect(region.textContent()).resolves.not.toMatch(/sejak/);
          } else {
            // The list opens on request, in its own scrolling box, and the popup stays within 600 px.
            await popup.getByRole('button', { name: `Lihat daftar (${missed} hari)` }).click();
            const list = popup.getByRole('list', { name: 'Hari yang belum dilaporkan' });
            await expect(list.getByRole('listitem').count()).resolves.toBe(missed);
            expect(await list.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
            await checkLayout(popup, accounts);
          }
          await popup.close();
        }
      });
    }
  }

  it.runIf(process.env.UPDATE_SCREENSHOTS)('takes the README picture of the popup', async () => {
    session = await launchExtension();
    // The everyday popup on a working day at 10:00 in Jakarta (the first-run steps put away).
    await fixClock(session, WORKING_DAY.at);
    const today = WORKING_DAY.date;
    await saveSettings(session, { zone: ZONE, targetTime: '16:00', countFrom: startFor(8, plus(today, -1)) });
    await addTestAccounts(session, 4);
    const options = await session.openPage('options.html');
    await options.evaluate(() => chrome.storage.local.set({ onboarding: { skipped: ['passphrase', 'template'], scheduleConfirmed: true, noPassphraseWarned: true } }));
    await options.close();
    const popup = await openPopup(session, 4, 0);
    await popup.locator('.month').first().waitFor();
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await popup.locator('main.popup').screenshot({ path: join(ROOT, 'docs/popup.png'), animations: 'disabled' });
  });
});
