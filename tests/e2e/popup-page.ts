/** The popup in end-to-end tests: opening its list of missed days as a user would. */
import type { Page } from 'playwright-core';

/**
 * Waits for the missed days (the months' list shows once the status arrived) and opens the list
 * of days when it is closed (it opens on request from 4 days on: "Lihat daftar (N hari)").
 */
export async function showMissedList(popup: Page): Promise<void> {
  const region = popup.getByRole('region', { name: 'Hari belum lapor' });
  await region.getByRole('list', { name: 'Hari belum lapor per bulan' }).waitFor();
  const toggle = region.getByRole('button', { name: /^Lihat daftar \(\d+ hari\)$/ });
  if (await toggle.count()) await toggle.click();
}
