/**
 * Reminders end to end, in Chromium with the built extension and the real clock:
 * the options page sets a reminder one minute before a target time that is a minute or two
 * away; the alarm fires and the notification is created (its id in `chrome.notifications.getAll`,
 * its title and text recorded by a wrapper around `chrome.notifications.create` installed in
 * the service worker); the popup's "Tunda 15 menit" moves the pending alarm 15 minutes ahead;
 * the routed replica of e-Kinerja's daily-progress page showing an entry for today (the way a
 * report reaches the extension in real use) removes today's pending reminder.
 *
 * Reminders come only on working days, and the test runs on whatever day it is. It picks the
 * first time zone in which today is a working day: WIB, WITA or WIT through the options page,
 * else the browser's own zone ("Ikuti komputer ini") with Chromium started in a far-east or
 * far-west zone (TZ), and a 6-day week when that day is a Saturday. Holidays and weekdays are
 * written here independently of the code.
 *
 * UPDATE_SCREENSHOTS=1 also writes docs/reminders-options.png (the README's picture).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { EKINERJA, launchExtension, ROOT, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { chooseZone, longDate, MINUTE, minutePlan, nextMidnight, wall, waitUntil, workWeekFor, ZONES, type Zone } from './expected';

let session: ExtensionSession | undefined;
const savedTz = process.env.TZ;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

type Created = { id: string; title: string; message: string; buttons?: { title: string }[] };
type Chromeish = {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    create(id: string, options: Omit<Created, 'id'>): Promise<string>;
  };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};
type Sw = { chrome: Chromeish; __created?: Created[] };

/** Records every notification the extension creates (the API cannot read a shown one back). */
async function recordNotifications(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as Sw;
    const api = g.chrome.notifications;
    const create = api.create.bind(api);
    g.__created = [];
    api.create = (id, options) => {
      g.__created!.push({ id, ...options });
      return create(id, options);
    };
  });
}

const created = (sw: Worker) => sw.evaluate(() => (globalThis as unknown as Sw).__created ?? null);
const shownIds = async (sw: Worker) => Object.keys(await sw.evaluate(() => (globalThis as unknown as Sw).chrome.notifications.getAll()));
const reminderAlarm = (sw: Worker) =>
  sw.evaluate(async () => (await (globalThis as unknown as Sw).chrome.alarms.get('reminder'))?.scheduledTime ?? null);

async function saveCalendar(page: Page, zone: Zone, workWeek: 5 | 6) {
  if (zone.option) await page.getByLabel('Zona waktu').selectOption({ label: zone.option });
  await page.getByLabel('Hari kerja', { exact: true }).selectOption(String(workWeek));
  await page.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();
}

/**
 * The extension started in a zone where today is a working day with a minute-away plan (the
 * test is skipped when there is none right now), notifications recorded when asked, and the
 * calendar saved in the options page (left open).
 */
async function startInWorkingZone(ctx: TestContext, notifications = false): Promise<{ s: ExtensionSession; zone: Zone; workWeek: 5 | 6; sw: Worker; options: Page } | null> {
  const chosen = chooseZone();
  if (!chosen) {
    ctx.skip(); // every candidate zone is on a Sunday or holiday right now
    return null;
  }
  const { zone, workWeek } = chosen;
  if (!zone.option) process.env.TZ = zone.iana;
  session = await launchExtension();
  const sw = await session.background();
  if (notifications) await recordNotifications(sw);
  const options = await session.openPage('options.html');
  await saveCalendar(options, zone, workWeek);
  return { s: session, zone, workWeek, sw, options };
}

describe('reminders', () => {
  it('notifies a minute before the target time, snoozes from the popup, and stops once today is reported', async (ctx) => {
    const started = await startInWorkingZone(ctx, true);
    if (!started) return;
    const { s, zone, workWeek, sw, options } = started;

    // One reminder, 1 minute before a target time about a minute away.
    const schedule = options.getByRole('region', { name: 'Jadwal & Pengingat' });
    await schedule.getByRole('button', { name: 'Hapus pengingat 60 menit sebelumnya' }).click();
    await schedule.getByRole('button', { name: 'Hapus pengingat 15 menit sebelumnya' }).click();
    await schedule.getByLabel('Menit sebelum batas waktu').fill('1');
    await schedule.getByRole('button', { name: 'Tambah pengingat' }).click();
    await schedule.getByText('1 menit sebelumnya', { exact: true }).waitFor();
    const plan = minutePlan(zone);
    if (!plan || workWeekFor(plan.today) !== workWeek) {
      ctx.skip(); // the day changed while setting up
      return;
    }
    await options.getByLabel('Batas waktu lapor harian').fill(plan.targetTime);
    await schedule.getByText('Tersimpan.').waitFor();
    await schedule.getByText(`Pengingat berikutnya ${plan.reminderTime.replace(':', '.')}`).waitFor();
    expect(await reminderAlarm(sw)).toBe(plan.remindAt);

    // The alarm fires and the notification is there.
    const id = `reminder:${plan.today}`;
    await waitUntil('the notification', () => shownIds(sw), (ids) => ids.includes(id), plan.remindAt - Date.now() + 30_000);
    const made = await created(sw);
    expect(made, 'the service worker kept the recorder (it was not restarted)').not.toBeNull();
    expect(made).toEqual([{
      id,
      type: 'basic',
      iconUrl: expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}\/icon\/128\.png$/) as unknown as string,
      title: 'Progress Harian: 1 menit lagi',
      message: `${longDate(plan.today)}. Batas lapor pukul ${plan.targetTime.replace(':', '.')}, dan Progress Harian hari ini belum diisi.`,
      priority: 1,
      buttons: [{ title: 'Buka e-Kinerja' }, { title: 'Tunda 15 menit' }],
    }]);
    // Nothing more today (one lead, no last call): the alarm waits for a later day.
    const after = await waitUntil('the next alarm', () => reminderAlarm(sw), (w) => w !== null && w > plan.remindAt, 10_000);
    expect(after!).toBeGreaterThanOrEqual(nextMidnight(zone, plan.today));

    // "Tunda 15 menit" in the popup: the alarm comes back to today, 15 minutes from the click.
    const popup = await s.openPage('popup.html');
    const snooze = popup.getByRole('button', { name: 'Tunda 15 menit' });
    await snooze.waitFor();
    const before = Date.now();
    await snooze.click();
    const snoozedTo = wall(zone, before + 15 * MINUTE).time;
    const inFifteen = await waitUntil('the snoozed alarm', () => reminderAlarm(sw), (w) => w !== null && w < nextMidnight(zone, plan.today), 10_000);
    expect(inFifteen!).toBeGreaterThanOrEqual(before + 15 * MINUTE);
    expect(inFifteen!).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);
    await popup.getByText(new RegExp(`^Pengingat ditunda sampai (${snoozedTo.replace(':', '\\.')}|${wall(zone, inFifteen!).time.replace(':', '\\.')})$`)).waitFor();
    expect(await shownIds(sw)).not.toContain(id);

    // e-Kinerja's calendar shows an entry for today: today's pending reminder goes.
    await serveFixtures(s.context, EKINERJA, REPLICA_ROUTES);
    const site = await s.context.newPage();
    await site.goto(EKINERJA + replicaPath({ date: plan.today, entries: [plan.today] }));
    const moved = await waitUntil('the reminder to leave today', () => reminderAlarm(sw), (w) => w !== null && w >= nextMidnight(zone, plan.today), 20_000);
    expect(moved!).toBeGreaterThanOrEqual(nextMidnight(zone, plan.today));
    expect(await created(sw)).toHaveLength(1);
  }, 240_000);

  it('after "Tunda 15 menit" and "Tandai hari ini sudah lapor" the popup names the alarm actually pending (finding 11)', async (ctx) => {
    const started = await startInWorkingZone(ctx);
    if (!started) return;
    const { s, zone, sw, options } = started;
    await options.close();

    const popup = await s.openPage('popup.html');
    await popup.getByRole('button', { name: 'Tunda 15 menit' }).click();
    const line = popup.locator('.reminder-line [role="status"]');
    await popup.getByText(/^Pengingat ditunda sampai \d\d\.\d\d$/).waitFor();
    await popup.getByRole('button', { name: 'Tandai hari ini sudah lapor' }).click();
    const today = wall(zone, Date.now()).date;
    const alarm = await waitUntil('the alarm to leave today', () => reminderAlarm(sw), (w) => w !== null && w >= nextMidnight(zone, today), 10_000);
    const at = wall(zone, alarm!);
    const day = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${at.date}T12:00:00Z`));
    await expect.poll(() => line.textContent()).toBe(`Pengingat berikutnya ${day}, ${at.time.replace(':', '.')}`);
  });

  it.runIf(process.env.UPDATE_SCREENSHOTS)('takes the README picture of the options section', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');
    await page.setViewportSize({ width: 760, height: 1400 });
    await saveCalendar(page, ZONES[0]!, 5);
    const schedule = page.getByRole('region', { name: 'Jadwal & Pengingat' });
    await schedule.getByRole('checkbox', { name: 'Pengingat pagi' }).check();
    await schedule.getByText('Tersimpan.').waitFor();
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await schedule.screenshot({ path: join(ROOT, 'docs/reminders-options.png'), animations: 'disabled' });
  });
});
