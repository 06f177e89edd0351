/**
 * Driving the e-Kinerja replica (tests/fixtures/replica) the way a person does, shared by the
 * end-to-end tests: open the modal, pick a Rencana Aksi, type into the datepickers, read what the
 * replica saved from its Vue state.
 */
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { ReplicaApi, ReplicaEntry } from '../fixtures/replica/routes';
import { EKINERJA } from './fixture-server';

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __replica?: ReplicaApi }).__replica?.ready === true);
}

/** A new tab on the replica at `path` (from replicaPath), once its app is ready. */
export async function openReplica(s: { context: BrowserContext }, path: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(EKINERJA + path);
  await waitReady(page);
  return page;
}

export const saved = (page: Page): Promise<ReplicaEntry[]> =>
  page.evaluate(() => (window as unknown as { __replica: ReplicaApi }).__replica.saved);
export const formState = (page: Page): Promise<ReturnType<ReplicaApi['state']>> =>
  page.evaluate(() => (window as unknown as { __replica: ReplicaApi }).__replica.state());

/** The form group whose label reads exactly `label`. */
export function field(modal: Locator, label: string): Locator {
  return modal.locator('.form-group').filter({ has: modal.page().locator('label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) });
}

/** Classes of the week-view cell of `isoDay`, found through the weekday heading that shows its day of month. */
export async function cellClasses(page: Page, isoDay: string): Promise<string> {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const mondayBased = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const heading = page.locator('.vuecal__weekdays-headings .vuecal__heading').nth(mondayBased);
  // vue-cal writes "Senin", "Sen", "S" then "&nbsp;23".
  expect(await heading.textContent()).toMatch(new RegExp(`\\s${d}\\s*$`));
  return (await page.locator('.vuecal__cells .vuecal__cell').nth(mondayBased).getAttribute('class')) ?? '';
}

export async function openModal(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Tambah Progress Harian' }).click();
  const modal = page.locator('.modal.show');
  await modal.waitFor();
  return modal;
}

/** Picks a Rencana Aksi as a person does: click the select, type part of it, click the option. */
export async function chooseRencanaAksi(modal: Locator, typed: string, option: string): Promise<void> {
  const select = field(modal, 'RENCANA AKSI');
  await select.locator('input.vs__search').click();
  await select.locator('input.vs__search').pressSequentially(typed);
  await select.locator('li.vs__dropdown-option', { hasText: option }).click();
}

/** Types into a vue2-datepicker and confirms with Enter (the picker parses on Enter or change). */
export async function typeInPicker(modal: Locator, label: string, text: string): Promise<void> {
  const input = field(modal, label).locator('input.mx-input[name="date"]');
  await input.click();
  await input.pressSequentially(text);
  await input.press('Enter');
}

