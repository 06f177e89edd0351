/**
 * The popup's reminder line through the real background handlers (fake-indexeddb, fakeBrowser),
 * with the clock pinned in WIB for both sides.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReminderLine } from '@/components/ReminderLine';
import { REMINDER_ALARM } from '@/utils/background/reminders';
import { writeSettings } from '@/utils/settings/store';
import { backgroundPerTest } from '../helpers/background';
import { $, click, mount as mountIn, root, rootPerTest, waitFor } from '../helpers/dom';

const wib = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);

let clock: Date;
const now = () => clock;
const bg = backgroundPerTest(() => ({ now }));
rootPerTest();

async function setUp(at: string) {
  clock = wib(at);
  await writeSettings(bg.db, { zone: 'Asia/Jakarta', installedOn: '2026-05-01' });
  await bg.service.installed();
}

/** Opens the line and waits until it shows what the background answered. */
async function mount() {
  mountIn(<ReminderLine now={now} />);
  await bg.idle();
  await waitFor(() => $('[role="status"]'));
}
const line = () => $('[role="status"]').textContent;
const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
/** Clicks the button and waits until the background answered and the buttons are enabled again. */
async function press(name: string) {
  click(name);
  await bg.idle();
  await waitFor(() => expect([...root.querySelectorAll('button')].filter((b) => b.disabled)).toEqual([]));
}

describe('popup reminder line', () => {
  it('names the next reminder today, and "Tunda 15 menit" moves it 15 minutes from now', async () => {
    await setUp('2026-05-04 10:00');
    await mount();
    expect(line()).toBe('Pengingat berikutnya 15.00');
    expect(buttons()).toEqual(['Tunda 15 menit', 'Bisukan hari ini']);

    await press('Tunda 15 menit');
    expect(line()).toBe('Pengingat ditunda sampai 10.15');
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
    expect(line()).toBe('Pengingat berikutnya 15.00');
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(wib('2026-05-04 15:00').getTime());
  });

  it('on a reported day names the next working day and offers nothing to snooze', async () => {
    await setUp('2026-05-04 10:00');
    await bg.service.handlers.setReport({ date: '2026-05-04', status: 'reported' });
    await mount();
    expect(line()).toBe('Pengingat berikutnya Sel, 5 Mei, 15.00');
    expect(buttons()).toEqual([]);
  });

  it('after "Tunda 15 menit" and then today marked as reported, names the alarm actually pending (finding 11)', async () => {
    await setUp('2026-05-04 21:23');
    await mount();
    await press('Tunda 15 menit');
    expect(line()).toBe('Pengingat ditunda sampai 21.38');
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(wib('2026-05-04 21:38').getTime());

    // "Tandai hari ini sudah lapor": the popup shows the line again (PopupApp keys it on today's state).
    await bg.service.handlers.setReport({ date: '2026-05-04', status: 'reported' });
    render(null, root);
    await mount();
    const alarm = (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime;
    expect(alarm).toBe(wib('2026-05-05 15:00').getTime());
    expect(line()).toBe('Pengingat berikutnya Sel, 5 Mei, 15.00');
    expect(buttons()).toEqual([]);
  });

  it('on a Saturday names Monday; with do-not-disturb says so', async () => {
    await setUp('2026-05-09 10:00');
    await mount();
    expect(line()).toBe('Pengingat berikutnya Sen, 11 Mei, 15.00');
    expect(buttons()).toEqual([]);

    render(null, root);
    await bg.service.handlers.saveSettings({ reminders: { doNotDisturb: true } });
    await mount();
    expect(line()).toBe('Jangan ganggu aktif: tidak ada pengingat.');
    expect(buttons()).toEqual([]);
  });
});
