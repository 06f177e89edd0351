/**
 * The reminders capability through the real background service: fake-indexeddb, WXT's
 * fakeBrowser (alarms, notifications, tabs, storage) and a faked clock. Alarms do not fire by
 * themselves in the fake browser: `ring()` does what Chrome does (removes the one-shot alarm,
 * then dispatches it) at the time the test says. Times are WIB (UTC+7), written out by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createService, type Service } from '@/utils/background/service';
import { lastFiredAtItem } from '@/utils/storage/items';
import { templatesCapability } from '@/utils/background/templates';
import { accountsCapability } from '@/utils/background/accounts';
import {
  REMINDER_ALARM, registerReminderEvents, remindersCapability,
} from '@/utils/background/reminders';
import { openDb, type Db } from '@/utils/db/db';
import { readSettings, writeSettings } from '@/utils/settings/store';
import type { DayOffRecord, ReportRecord } from '@/utils/db/schema';

/** Epoch ms of a WIB wall-clock time, e.g. wib('2026-05-04 15:00'). */
const wib = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+07:00`);

let db: Db;
let service: Service;
let n = 0;
let created: ReturnType<typeof vi.spyOn>;

function setNow(s: string) {
  vi.setSystemTime(wib(s));
}

function build(buttons?: boolean): Service {
  return createService(async () => db, () => new Date(), [
    templatesCapability,
    accountsCapability,
    (deps) => remindersCapability(deps, buttons === undefined ? {} : { buttons }),
  ]);
}

async function reminderAlarm(): Promise<number | undefined> {
  const all = await fakeBrowser.alarms.getAll();
  const ours = all.filter((a) => a.name === REMINDER_ALARM);
  expect(ours.length).toBeLessThanOrEqual(1);
  return ours[0]?.scheduledTime;
}

/** The pending reminder alarm fires at `s` (its own time when omitted), as Chrome does it. */
async function ring(s?: string) {
  const when = await reminderAlarm();
  expect(when, 'a reminder alarm is pending').toBeDefined();
  vi.setSystemTime(s === undefined ? when! : wib(s));
  await fakeBrowser.alarms.clear(REMINDER_ALARM);
  await service.alarm(REMINDER_ALARM);
}

type Shown = { id: string; title: string; message: string; buttons: string[] | undefined };
function shown(): Shown[] {
  return created.mock.calls.map((call: unknown[]) => {
    const [id, opts] = call as [string, { title: string; message: string; buttons?: { title: string }[] }];
    return { id, title: opts.title, message: opts.message, buttons: opts.buttons?.map((b) => b.title) };
  });
}

/** Waits (real time; the faked clock stays put, unlike vi.waitFor) until `check` passes. */
async function until(check: () => Promise<void>, tries = 50): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await check();
      return;
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

async function openIds(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll());
}

async function report(date: string) {
  const rec: ReportRecord = { date, status: 'reported', source: 'site', at: new Date().toISOString() };
  await db.put('reports', rec);
}

/** Installs the extension at `s` (WIB), with the zone set to WIB. */
async function install(s: string, extra: Parameters<typeof writeSettings>[1] = {}) {
  setNow(s);
  await writeSettings(db, { zone: 'Asia/Jakarta', ...extra });
  await service.installed();
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = await openDb(`reminders-bg-${n++}`);
  service = build();
  created = vi.spyOn(fakeBrowser.notifications, 'create');
});
afterEach(() => {
  created.mockRestore();
  vi.useRealTimers();
  db.close();
});

describe('a normal working day', () => {
  it('reminds 60 and 15 minutes before 16:00, replacing the first notification, then moves to the next day', async () => {
    await install('2026-05-04 08:00'); // Monday
    expect(await reminderAlarm()).toBe(wib('2026-05-04 15:00'));

    await ring();
    expect(shown()).toEqual([{
      id: 'reminder:2026-05-04',
      title: 'Progress Harian: 1 jam lagi',
      message: 'Senin, 4 Mei 2026. Batas lapor pukul 16.00, dan Progress Harian hari ini belum diisi.',
      buttons: ['Buka e-Kinerja', 'Tunda 15 menit'],
    }]);
    expect(await reminderAlarm()).toBe(wib('2026-05-04 15:45'));

    await ring();
    expect(shown()[1]).toMatchObject({ id: 'reminder:2026-05-04', title: 'Progress Harian: 15 menit lagi' });
    expect(await openIds()).toEqual(['reminder:2026-05-04']);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });

  it('starts without a catch-up when installed after the reminders of the day', async () => {
    await install('2026-05-04 17:30');
    expect(shown()).toEqual([]);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });
});

describe('days without reminders', () => {
  it('skips a national holiday and the cuti bersama after it', async () => {
    await install('2026-05-14 08:00'); // Kenaikan Yesus Kristus (Thu), cuti bersama on Friday
    expect(await reminderAlarm()).toBe(wib('2026-05-18 15:00'));
  });

  it('skips a run of cuti bersama (Nyepi and Idul Fitri 2026)', async () => {
    await install('2026-03-18 08:00'); // cuti bersama Nyepi; 19 Nyepi; 20 cuti; 21–22 Idul Fitri; 23–24 cuti
    expect(await reminderAlarm()).toBe(wib('2026-03-25 15:00'));
  });

  it('moves the alarm when today is taken as a day off', async () => {
    await install('2026-05-04 08:00');
    const res = await service.handlers.addDayOff({ start: '2026-05-04', end: '2026-05-04', kind: 'cuti-tahunan', note: '' });
    expect(res.ok).toBe(true);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });

  it('does not show a reminder whose day became a day off or an extra holiday after it was scheduled', async () => {
    await install('2026-05-04 08:00');
    // Written behind the background's back: the alarm still points at today.
    const off: DayOffRecord = { id: 'x', start: '2026-05-04', end: '2026-05-04', kind: 'libur-tambahan', note: 'HUT kabupaten' };
    await db.put('daysOff', off);
    expect(await reminderAlarm()).toBe(wib('2026-05-04 15:00'));
    await ring();
    expect(shown()).toEqual([]);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });

  it('has no reminder for a reported day, and takes away the one already shown', async () => {
    await install('2026-05-04 08:00');
    await ring('2026-05-04 15:00');
    expect(await openIds()).toEqual(['reminder:2026-05-04']);

    setNow('2026-05-04 15:10');
    await service.handlers.setReport({ date: '2026-05-04', status: 'reported' });
    expect(await openIds()).toEqual([]);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });

  it('does not show a reminder whose day got reported after it was scheduled', async () => {
    await install('2026-05-04 08:00');
    await report('2026-05-04');
    await ring();
    expect(shown()).toEqual([]);
  });
});

describe('changing the settings mid-day', () => {
  it('reschedules at once: a new target time and lead, do-not-disturb on and off', async () => {
    await install('2026-05-04 08:00');
    setNow('2026-05-04 12:00');
    const saved = await service.handlers.saveSettings({ targetTime: '17:00', reminders: { leadMinutes: [30] } });
    expect(saved.ok).toBe(true);
    expect(await reminderAlarm()).toBe(wib('2026-05-04 16:30'));

    await service.handlers.saveSettings({ reminders: { doNotDisturb: true } });
    expect(await reminderAlarm()).toBeUndefined();
    await service.handlers.saveSettings({ reminders: { doNotDisturb: false } });
    expect(await reminderAlarm()).toBe(wib('2026-05-04 16:30'));

    // A reminder change alone is checked against the saved target time (17:00), and keeps it.
    expect(await service.handlers.saveSettings({ reminders: { morning: { enabled: true, time: '17:30' } } }))
      .toMatchObject({ ok: false, problems: [{ field: 'reminders', code: 'reminders_morning_after_target' }] });
    expect(await service.handlers.saveSettings({ reminders: { morning: { enabled: false, time: '07:00' } } }))
      .toMatchObject({ ok: true, settings: { targetTime: '17:00' } });

    await ring();
    expect(shown()).toEqual([expect.objectContaining({
      title: 'Progress Harian: 30 menit lagi',
      message: 'Senin, 4 Mei 2026. Batas lapor pukul 17.00, dan Progress Harian hari ini belum diisi.',
    })]);
  });

  it('keeps a recheck after the next midnight when nothing is due within two weeks', async () => {
    await install('2026-05-04 08:00', { reminders: { leadMinutes: [], monthlySummary: false } });
    expect(await reminderAlarm()).toBe(wib('2026-05-05 00:00') + 1000);
  });
});

describe('sleep and restart', () => {
  it('after sleeping through 15:00 and 15:45, shows one catch-up and nothing for the past', async () => {
    await install('2026-05-04 08:00');
    await ring('2026-05-04 17:30');
    expect(shown()).toEqual([{
      id: 'reminder:2026-05-04',
      title: 'Belum lapor hari ini',
      message: 'Senin, 4 Mei 2026. Sudah lewat pukul 16.00, belum lapor.',
      buttons: ['Buka e-Kinerja', 'Tunda 15 menit'],
    }]);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
    // The day-change alarm and the popup refresh again: still one notification.
    await service.refresh();
    await service.handlers.getStatus(undefined);
    expect(shown()).toHaveLength(1);
  });

  it('catches up an overdue alarm found on a refresh (woken before the alarm was delivered), once', async () => {
    await install('2026-05-04 08:00');
    setNow('2026-05-04 16:20');
    await service.refresh();
    expect(shown().map((s) => s.title)).toEqual(['Belum lapor hari ini']);
    await service.alarm(REMINDER_ALARM); // Chrome delivers the late alarm afterwards
    expect(shown()).toHaveLength(1);
  });

  it('on a restart keeps exactly one alarm at the same time and shows nothing early', async () => {
    await install('2026-05-04 08:00');
    setNow('2026-05-04 09:00');
    service = build(); // a new service worker
    await service.startup();
    await service.startup();
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name === REMINDER_ALARM)).toHaveLength(1);
    expect(await reminderAlarm()).toBe(wib('2026-05-04 15:00'));
    expect(shown()).toEqual([]);
  });

  it('after a browser closed over the reminders (alarm lost), one catch-up at start-up', async () => {
    await install('2026-05-04 08:00');
    await fakeBrowser.alarms.clearAll();
    setNow('2026-05-04 15:50');
    service = build();
    await service.startup();
    expect(shown()).toEqual([expect.objectContaining({
      title: 'Belum lapor hari ini',
      message: 'Senin, 4 Mei 2026. Batas lapor pukul 16.00, 10 menit lagi.',
    })]);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });

  it('never reminds of a past day: closed on Monday before 15:00, opened Tuesday morning', async () => {
    await install('2026-05-04 08:00');
    await fakeBrowser.alarms.clearAll();
    setNow('2026-05-05 07:00');
    service = build();
    await service.startup();
    expect(shown()).toEqual([]);
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));
  });

  it('a start-up and a late alarm arriving together show one notification', async () => {
    await install('2026-05-04 08:00');
    vi.setSystemTime(wib('2026-05-04 18:00'));
    await fakeBrowser.alarms.clear(REMINDER_ALARM);
    // A notification that takes a moment to appear, as a real one does: the second check must wait.
    created.mockImplementation(async (id: string) => {
      await new Promise((r) => setTimeout(r, 30));
      return id;
    });
    await Promise.all([service.startup(), service.alarm(REMINDER_ALARM)]);
    expect(shown()).toHaveLength(1);
    expect(await lastFiredAtItem.getValue()).toBe(wib('2026-05-04 18:00'));
  });
});

describe('month start summary', () => {
  // May 2026's working days (Mon–Fri without 1, 14, 15, 27, 28 May): 16 days.
  const MAY_WORKDAYS = ['04', '05', '06', '07', '08', '11', '12', '13', '18', '19', '20', '21', '22', '25', '26', '29'];

  it('on the first working day of June (1 June is a holiday) at 08:00, names last month\'s unreported days', async () => {
    for (const d of MAY_WORKDAYS) if (!['05', '12', '29'].includes(d)) await report(`2026-05-${d}`);
    await install('2026-06-02 07:00', { installedOn: '2026-04-01' });
    expect(await reminderAlarm()).toBe(wib('2026-06-02 08:00'));
    await ring();
    expect(shown()).toEqual([{
      id: 'reminder-summary:2026-06-02',
      title: 'Rekap Mei 2026',
      message: 'Bulan lalu ada 3 hari belum dilaporkan. Masih dalam batas 5 hari.',
      buttons: ['Buka e-Kinerja'],
    }]);
    expect(await reminderAlarm()).toBe(wib('2026-06-02 15:00'));
    // Reporting today does not take the summary away.
    setNow('2026-06-02 09:00');
    await service.handlers.setReport({ date: '2026-06-02', status: 'reported' });
    expect(await openIds()).toEqual(['reminder-summary:2026-06-02']);
  });

  it('says Tukin is at risk past 5 days, and is silent after a fully reported month', async () => {
    await install('2026-06-02 07:00', { installedOn: '2026-04-01' });
    await ring();
    expect(shown()[0]!.message).toBe('Bulan lalu ada 16 hari belum dilaporkan. Lebih dari 5 hari: Tukin berisiko dipotong 5–20%.');

    for (const d of MAY_WORKDAYS) await report(`2026-05-${d}`);
    setNow('2026-06-02 07:30');
    await service.refresh();
    expect(await reminderAlarm()).toBe(wib('2026-06-02 15:00'));
  });
});

describe('notification clicks', () => {
  beforeEach(() => registerReminderEvents(service));

  it('"Tunda 15 menit" snoozes: the notification goes, the next reminder comes 15 minutes later', async () => {
    await install('2026-05-04 08:00');
    await ring('2026-05-04 15:00');
    vi.setSystemTime(wib('2026-05-04 15:02'));
    await fakeBrowser.notifications.onButtonClicked.trigger('reminder:2026-05-04', 1);
    await until(async () => expect(await reminderAlarm()).toBe(wib('2026-05-04 15:17')));
    expect(await openIds()).toEqual([]);
    expect((await readSettings(db)).reminders.snoozedUntil).toBe(wib('2026-05-04 15:17'));

    await ring();
    expect(shown()[1]).toMatchObject({ title: 'Progress Harian: 43 menit lagi' });
    expect(await reminderAlarm()).toBe(wib('2026-05-04 15:45'));
  });

  it('"Buka e-Kinerja" switches to an open daily-progress tab, and leaves a tab on another e-Kinerja page alone', async () => {
    const skp = await fakeBrowser.tabs.create({ url: 'https://kinerja.bkn.go.id/skp', active: true });
    const daily = await fakeBrowser.tabs.create({ url: 'https://kinerja.bkn.go.id/kinerja_harian', active: false });
    await fakeBrowser.tabs.update(skp.id!, { active: true });
    await install('2026-05-04 08:00');
    await ring('2026-05-04 15:00');
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onButtonClicked.trigger('reminder:2026-05-04', 0);
    await until(async () => expect((await fakeBrowser.tabs.get(daily.id!)).active).toBe(true));
    expect((await fakeBrowser.tabs.get(skp.id!)).url).toBe('https://kinerja.bkn.go.id/skp');
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
    expect(await openIds()).toEqual([]);
  });

  it('a click on the body opens the daily-progress page when no e-Kinerja tab is open; other ids are left alone', async () => {
    await install('2026-05-04 08:00');
    await ring('2026-05-04 15:00');
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onClicked.trigger('someone-else');
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
    await fakeBrowser.notifications.onClicked.trigger('reminder:2026-05-04');
    await until(async () => {
      const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
      expect(urls).toContain('https://kinerja.bkn.go.id/kinerja_harian');
    });
  });
});

describe('a browser without notification buttons (Firefox)', () => {
  it('creates the notification without buttons; the body click still opens e-Kinerja', async () => {
    service = build(false);
    registerReminderEvents(service);
    await install('2026-05-04 08:00');
    await ring('2026-05-04 15:00');
    expect(shown()).toEqual([expect.objectContaining({ id: 'reminder:2026-05-04', buttons: undefined })]);
    await fakeBrowser.notifications.onClicked.trigger('reminder:2026-05-04');
    await until(async () => {
      expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain('https://kinerja.bkn.go.id/kinerja_harian');
    });
  });

  it('falls back to no buttons when the browser refuses them', async () => {
    created.mockImplementation(async (id: string, opts: { buttons?: unknown }) => {
      if (opts.buttons) throw new Error('Type error for parameter options: Property "buttons" is unsupported by Firefox');
      return id;
    });
    await install('2026-05-04 08:00');
    await ring('2026-05-04 15:00');
    expect(shown().map((s) => s.buttons)).toEqual([['Buka e-Kinerja', 'Tunda 15 menit'], undefined]);
  });
});

describe('the popup\'s messages', () => {
  it('tells the next reminder; snoozes, mutes and unmutes today', async () => {
    await install('2026-05-04 08:00');
    setNow('2026-05-04 10:00');
    const first = await service.handlers.getNextReminder(undefined);
    expect(first).toMatchObject({ today: '2026-05-04', zone: 'Asia/Jakarta', todayOpen: true });
    expect(first.next).toMatchObject({ at: wib('2026-05-04 15:00'), kind: 'before', date: '2026-05-04' });

    const snoozed = await service.handlers.snoozeReminders(undefined);
    expect(snoozed.reminders.snoozedUntil).toBe(wib('2026-05-04 10:15'));
    expect(snoozed.next?.at).toBe(wib('2026-05-04 10:15'));
    expect(await reminderAlarm()).toBe(wib('2026-05-04 10:15'));

    const muted = await service.handlers.muteToday(undefined);
    expect(muted.reminders.mutedDates).toEqual(['2026-05-04']);
    expect(muted.next?.at).toBe(wib('2026-05-05 15:00'));
    expect(await reminderAlarm()).toBe(wib('2026-05-05 15:00'));

    const unmuted = await service.handlers.unmuteToday(undefined);
    expect(unmuted.reminders.mutedDates).toEqual([]);
    expect(await reminderAlarm()).toBe(wib('2026-05-04 10:15'));
  });

  it('says today is not open on a reported day', async () => {
    await install('2026-05-04 08:00');
    await service.handlers.setReport({ date: '2026-05-04', status: 'reported' });
    expect((await service.handlers.getNextReminder(undefined)).todayOpen).toBe(false);
  });
});
