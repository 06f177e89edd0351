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
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { EKINERJA, launchExtension, ROOT, serveFixtures, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';

let session: ExtensionSession | undefined;
const savedTz = process.env.TZ;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

// National holidays and cuti bersama 2026 (SKB 3 Menteri), written here independently of the code.
const OFF_2026 = new Set([
  '01-01', '01-16', '02-16', '02-17', '03-18', '03-19', '03-20', '03-21', '03-22', '03-23', '03-24', '04-03', '04-05',
  '05-01', '05-14', '05-15', '05-27', '05-28', '05-31', '06-01', '06-16', '08-17', '08-25', '12-24', '12-25',
].map((d) => `2026-${d}`));
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
const longDate = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(`${date}T12:00:00Z`));

const MINUTE = 60_000;

interface Zone {
  /** IANA id, for the test's own clock arithmetic. */
  iana: string;
  /** The option to choose under "Zona waktu", or null: keep "Ikuti komputer ini" and start Chromium with TZ=iana. */
  option: string | null;
  /** UTC offset (fixed: none of these zones has daylight saving). */
  offset: string;
}
const ZONES: Zone[] = [
  { iana: 'Asia/Jakarta', option: 'WIB (Asia/Jakarta)', offset: '+07:00' },
  { iana: 'Asia/Makassar', option: 'WITA (Asia/Makassar)', offset: '+08:00' },
  { iana: 'Asia/Jayapura', option: 'WIT (Asia/Jayapura)', offset: '+09:00' },
  { iana: 'Pacific/Kiritimati', option: null, offset: '+14:00' },
  { iana: 'Pacific/Pago_Pago', option: null, offset: '-11:00' },
];

function wall(zone: Zone, at: number): { date: string; time: string; second: number } {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone.iana, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, second: Number(p.second) };
}

/** Epoch ms of midnight at the start of the day after `date` in `zone`. */
function nextMidnight(zone: Zone, date: string): number {
  return Date.parse(`${date}T00:00:00${zone.offset}`) + 24 * 60 * MINUTE;
}

const workWeekFor = (date: string): 5 | 6 | null =>
  OFF_2026.has(date) || weekday(date) === 0 ? null : weekday(date) === 6 ? 6 : 5;

/**
 * The reminder at the next whole minute at least 25 s away (minutes are whole everywhere), the
 * target time one minute later; null when that leaves today or leaves no room for the snooze.
 */
function minutePlan(zone: Zone, now = Date.now()) {
  const remindAt = (Math.floor(now / MINUTE) + (wall(zone, now).second <= 35 ? 1 : 2)) * MINUTE;
  const today = wall(zone, now).date;
  const reminder = wall(zone, remindAt);
  const target = wall(zone, remindAt + MINUTE);
  if (reminder.date !== today || wall(zone, remindAt + 30 * MINUTE).date !== today) return null;
  return { today, remindAt, reminderTime: reminder.time, targetTime: target.time };
}

function chooseZone(): { zone: Zone; workWeek: 5 | 6 } | null {
  for (const zone of ZONES) {
    const plan = minutePlan(zone);
    const workWeek = plan && workWeekFor(plan.today);
    if (plan && workWeek) return { zone, workWeek };
  }
  return null;
}

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

async function waitUntil<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await probe();
  }
  return last;
}

async function saveCalendar(page: Page, zone: Zone, workWeek: 5 | 6) {
  if (zone.option) await page.getByLabel('Zona waktu').selectOption({ label: zone.option });
  await page.getByLabel('Hari kerja', { exact: true }).selectOption(String(workWeek));
  await page.getByRole('button', { name: 'Simpan kalender' }).click();
  await page.getByRole('region', { name: 'Kalender & Cuti' }).getByText('Tersimpan.').first().waitFor();
}

describe('reminders', () => {
  it('notifies a minute before the target time, snoozes from the popup, and stops once today is reported', async (ctx) => {
    const chosen = chooseZone();
    if (!chosen) {
      ctx.skip(); // every candidate zone is on a Sunday or holiday right now
      return;
    }
    const { zone, workWeek } = chosen;
    if (!zone.option) process.env.TZ = zone.iana;
    session = await launchExtension();
    const sw = await session.background();
    await recordNotifications(sw);

    const options = await session.openPage('options.html');
    await saveCalendar(options, zone, workWeek);

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
    await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
    await schedule.getByText('Tersimpan.').waitFor();
    await schedule.getByText(`Pengingat berikutnya ${plan.reminderTime}`).waitFor();
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
      title: 'Progres Harian: 1 menit lagi',
      message: `${longDate(plan.today)}. Batas lapor pukul ${plan.targetTime}, dan Progres Harian hari ini belum diisi.`,
      priority: 1,
      buttons: [{ title: 'Buka e-Kinerja' }, { title: 'Tunda 15 menit' }],
    }]);
    // Nothing more today (one lead, no last call): the alarm waits for a later day.
    const after = await waitUntil('the next alarm', () => reminderAlarm(sw), (w) => w !== null && w > plan.remindAt, 10_000);
    expect(after!).toBeGreaterThanOrEqual(nextMidnight(zone, plan.today));

    // "Tunda 15 menit" in the popup: the alarm comes back to today, 15 minutes from the click.
    const popup = await session.openPage('popup.html');
    const snooze = popup.getByRole('button', { name: 'Tunda 15 menit' });
    await snooze.waitFor();
    const before = Date.now();
    await snooze.click();
    const snoozedTo = wall(zone, before + 15 * MINUTE).time;
    const inFifteen = await waitUntil('the snoozed alarm', () => reminderAlarm(sw), (w) => w !== null && w < nextMidnight(zone, plan.today), 10_000);
    expect(inFifteen!).toBeGreaterThanOrEqual(before + 15 * MINUTE);
    expect(inFifteen!).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);
    await popup.getByText(new RegExp(`^Pengingat ditunda sampai (${snoozedTo}|${wall(zone, inFifteen!).time})$`)).waitFor();
    expect(await shownIds(sw)).not.toContain(id);

    // e-Kinerja's calendar shows an entry for today: today's pending reminder goes.
    await serveFixtures(session.context, EKINERJA, REPLICA_ROUTES);
    const site = await session.context.newPage();
    await site.goto(EKINERJA + replicaPath({ date: plan.today, entries: [plan.today] }));
    const moved = await waitUntil('the reminder to leave today', () => reminderAlarm(sw), (w) => w !== null && w >= nextMidnight(zone, plan.today), 20_000);
    expect(moved!).toBeGreaterThanOrEqual(nextMidnight(zone, plan.today));
    expect(await created(sw)).toHaveLength(1);
  }, 240_000);

  it.runIf(process.env.UPDATE_SCREENSHOTS)('takes the README picture of the options section', async () => {
    session = await launchExtension();
    const page = await session.openPage('options.html');
    await page.setViewportSize({ width: 760, height: 1400 });
    await saveCalendar(page, ZONES[0]!, 5);
    const schedule = page.getByRole('region', { name: 'Jadwal & Pengingat' });
    await schedule.getByRole('checkbox', { name: 'Pengingat pagi' }).check();
    await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
    await schedule.getByText('Tersimpan.').waitFor();
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await schedule.screenshot({ path: join(ROOT, 'docs/reminders-options.png'), animations: 'disabled' });
  });
});
