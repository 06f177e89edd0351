/**
 * The popup's reminder line through the real background handlers (fake-indexeddb, fakeBrowser),
 * with the clock pinned in WIB for both sides.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReminderLine } from '@/components/ReminderLine';
import { createService, registerHandlers, type Service } from '@/utils/background/service';
import { REMINDER_ALARM } from '@/utils/background/reminders';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { openDb, writeSettings, type Db } from '@/utils/db/db';

const wib = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);

let db: Db;
let root: HTMLElement;
let service: Service;
let n = 0;
let clock: Date;
const now = () => clock;

async function setUp(at: string) {
  clock = wib(at);
  await writeSettings(db, { zone: 'Asia/Jakarta', installedOn: '2026-05-01' });
  await service.installed();
}

beforeEach(async () => {
  db = await openDb(`reminder-line-test-${n++}`);
  service = createService(async () => db, now);
  registerHandlers(service);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  removeAllListeners();
  db.close();
});

async function settle() {
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 5)));
}
async function mount() {
  render(<ReminderLine now={now} />, root);
  await settle();
}
const line = () => root.querySelector('[role="status"]')!.textContent;
const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
async function press(name: string) {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button "${name}" among ${JSON.stringify(buttons())}`);
  b.click();
  await settle();
}

describe('popup reminder line', () => {
  it('names the next reminder today, and "Tunda 15 menit" moves it 15 minutes from now', async () => {
    await setUp('2026-05-04 10:00');
    await mount();
    expect(line()).toBe('Pengingat berikutnya 15:00');
    expect(buttons()).toEqual(['Tunda 15 menit', 'Bisukan hari ini']);

    await press('Tunda 15 menit');
    expect(line()).toBe('Pengingat ditunda sampai 10:15');
    expect(buttons()).toEqual(['Bisukan hari ini']);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(wib('2026-05-04 10:15').getTime());
  });

  it('mutes today in one click and takes it back', async () => {
    await setUp('2026-05-04 10:00');
    await mount();
    await press('Bisukan hari ini');
    expect(line()).toBe('Pengingat hari ini dibisukan.');
    expect(buttons()).toEqual(['Nyalakan lagi hari ini']);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(wib('2026-05-05 15:00').getTime());

    await press('Nyalakan lagi hari ini');
    expect(line()).toBe('Pengingat berikutnya 15:00');
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(wib('2026-05-04 15:00').getTime());
  });

  it('on a reported day names the next working day and offers nothing to snooze', async () => {
    await setUp('2026-05-04 10:00');
    await service.handlers.setReport({ date: '2026-05-04', status: 'reported' });
    await mount();
    expect(line()).toBe('Pengingat berikutnya Sel, 5 Mei, 15:00');
    expect(buttons()).toEqual([]);
  });

  it('on a Saturday names Monday; with do-not-disturb says so', async () => {
    await setUp('2026-05-09 10:00');
    await mount();
    expect(line()).toBe('Pengingat berikutnya Sen, 11 Mei, 15:00');
    expect(buttons()).toEqual([]);

    render(null, root);
    await service.handlers.saveSettings({ reminders: { doNotDisturb: true } });
    await mount();
    expect(line()).toBe('Jangan ganggu aktif: tidak ada pengingat.');
    expect(buttons()).toEqual([]);
  });
});
