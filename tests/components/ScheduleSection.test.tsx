/**
 * "Jadwal & Pengingat" through the real background handlers (fake-indexeddb, fakeBrowser).
 * The clock is pinned to Monday 4 May 2026 in WIB, for the background and the component alike.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ScheduleSection } from '@/components/ScheduleSection';
import { REMINDER_ALARM } from '@/utils/background/reminders';
import { useSettings } from '@/utils/ui/use-settings';
import { readSettings, writeSettings } from '@/utils/settings/store';
import { backgroundPerTest } from '../helpers/background';
import { $, choose, click, field, mount as mountIn, press, root, tick, type, rootPerTest, waitFor } from '../helpers/dom';

const wib = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);

let clock = wib('2026-05-04 07:00');
const now = () => clock;
const bg = backgroundPerTest(() => {
  clock = wib('2026-05-04 07:00');
  return { now, prepare: (db) => writeSettings(db, { zone: 'Asia/Jakarta', installedOn: '2026-05-01' }), installed: true };
});
rootPerTest();

/** As the options page has it: settings from the background, replaced after each save. */
function Harness() {
  const { settings, save } = useSettings();
  return settings ? <ScheduleSection settings={settings} save={save} now={now} /> : null;
}

/** Opens the section and waits until it shows the next reminder the background computed. */
async function mount() {
  mountIn(<Harness />);
  await waitFor(() => $('#next-reminder'));
}

const text = () => root.textContent ?? '';
/** The checkbox whose label reads `name`. */
const checkbox = (name: string) => field(name);
/** Waits until every change is saved or refused (the status line says which). */
async function settled() {
  await waitFor(() => expect(status()).not.toBe('Menyimpan…'));
  await bg.idle();
  await waitFor(() => expect(['Tersimpan.', 'Belum tersimpan: periksa isian yang ditandai.']).toContain(status()));
}
/** Types a value and leaves the field, as the change event reports it. */
function commit(selector: string, value: string) {
  type($<HTMLInputElement>(selector), value);
  choose($<HTMLInputElement>(selector), value);
}
const leadItems = () => [...root.querySelectorAll('.lead-list li span')].map((s) => s.textContent);
const status = () => $('#schedule [role="status"]').textContent;
const addLead = () => click('Tambah pengingat');

describe('Jadwal & Pengingat', () => {
  it('shows the defaults, the zone the times are in, and the next reminder', async () => {
    await mount();
    expect($<HTMLInputElement>('#target-time').value).toBe('16:00');
    expect(leadItems()).toEqual(['60 menit sebelumnya', '15 menit sebelumnya']);
    expect(checkbox('Pengingat pagi').checked).toBe(false);
    expect($<HTMLInputElement>('#morning-time').value).toBe('07:30');
    expect(checkbox('Pengingat terakhir setelah batas waktu').checked).toBe(false);
    expect(checkbox('Rekap bulan lalu di awal bulan').checked).toBe(true);
    expect(text()).toContain('Pada hari kerja pertama tiap bulan pukul 08.00: berapa hari bulan lalu yang belum dilaporkan.');
    expect(checkbox('Jangan ganggu (matikan semua pengingat)').checked).toBe(false);
    expect(text()).toContain('Semua jam memakai zona waktu yang dipilih di Kalender & Cuti: WIB (Asia/Jakarta).');
    expect($('#next-reminder').textContent).toBe('Pengingat berikutnya 15.00');
  });

  it('saves each change at once: lead times added and removed, the morning reminder, the last call', async () => {
    await mount();
    expect(status()).toBe('');
    click('Hapus pengingat 60 menit sebelumnya');
    type($<HTMLInputElement>('#lead-new'), '30');
    press($('#lead-new'), 'Enter');
    expect(leadItems()).toEqual(['30 menit sebelumnya', '15 menit sebelumnya']);
    expect($<HTMLInputElement>('#lead-new').value).toBe('');
    await settled();
    expect(status()).toBe('Tersimpan.');
    expect((await readSettings(bg.db)).reminders.leadMinutes).toEqual([30, 15]);

    tick(checkbox('Pengingat pagi'));
    commit('#morning-time', '07:15');
    tick(checkbox('Pengingat terakhir setelah batas waktu'));
    commit('#last-call-minutes', '45');
    await settled();

    expect(status()).toBe('Tersimpan.');
    const saved = (await readSettings(bg.db)).reminders;
    expect(saved.leadMinutes).toEqual([30, 15]);
    expect(saved.morning).toEqual({ enabled: true, time: '07:15' });
    expect(saved.lastCall).toEqual({ enabled: true, minutesAfter: 45 });
    await waitFor(() => expect($('#next-reminder').textContent).toBe('Pengingat berikutnya 07.15'));
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(wib('2026-05-04 07:15').getTime());
  });

  it('refuses a duplicate, an empty or out-of-range lead time, and a seventh one, without touching the list', async () => {
    await mount();
    const input = $<HTMLInputElement>('#lead-new');
    type(input, '15');
    addLead();
    expect($('#lead-help').textContent).toBe('Pengingat ini sudah ada.');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    for (const bad of ['0', '601', '2.5', '']) {
      type(input, bad);
      addLead();
      expect($('#lead-help').textContent, bad).toBe('Isi jumlah menit antara 1 dan 600.');
    }
    expect(leadItems()).toEqual(['60 menit sebelumnya', '15 menit sebelumnya']);

    for (const ok of ['120', '90', '45', '30']) {
      type(input, ok);
      addLead();
    }
    expect(leadItems()).toHaveLength(6);
    type(input, '5');
    addLead();
    expect($('#lead-help').textContent).toBe('Paling banyak 6 pengingat.');
    expect(leadItems()).toHaveLength(6);
  });

  it('shows the background\'s problems next to the fields and keeps the old settings', async () => {
    await mount();
    commit('#morning-time', '17:00');
    tick(checkbox('Pengingat pagi'));
    commit('#last-call-minutes', '500');
    await settled();
    expect(status()).toBe('Belum tersimpan: periksa isian yang ditandai.');
    expect($('#morning-help').textContent).toBe('Pengingat pagi harus sebelum batas waktu lapor.');
    expect($('#last-call-help').textContent).toBe('Isi jumlah menit antara 1 dan 240.');
    expect($('#morning-time').getAttribute('aria-invalid')).toBe('true');
    expect($('#last-call-minutes').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe($('#last-call-minutes'));
    expect($<HTMLInputElement>('#morning-time').value).toBe('17:00');
    expect((await readSettings(bg.db)).reminders.morning).toEqual({ enabled: false, time: '07:30' });

    // Fixed: saved, the mark and the message gone.
    commit('#last-call-minutes', '40');
    commit('#morning-time', '07:00');
    await settled();
    expect(status()).toBe('Tersimpan.');
    expect($('#morning-time').getAttribute('aria-invalid')).toBeNull();
    expect((await readSettings(bg.db)).reminders).toMatchObject({ morning: { enabled: true, time: '07:00' }, lastCall: { enabled: false, minutesAfter: 40 } });
  });

  it('an emptied target time is refused at its field, focused; the other changes are kept', async () => {
    await mount();
    tick(checkbox('Rekap bulan lalu di awal bulan'));
    commit('#target-time', '');
    tick(checkbox('Jangan ganggu (matikan semua pengingat)'));
    await settled();
    expect(status()).toBe('Belum tersimpan: periksa isian yang ditandai.');
    expect($('#target-time').getAttribute('aria-invalid')).toBe('true');
    expect($('#target-time-help').textContent).toBe('Tulis jam sebagai JJ.MM, misalnya 16.00.');
    expect(document.activeElement).toBe($('#target-time'));
    expect(await readSettings(bg.db)).toMatchObject({ targetTime: '16:00', reminders: { monthlySummary: false, doNotDisturb: true } });
  });

  it('checks lead times against the target time, but a target time alone always saves', async () => {
    await mount();
    // Only the target time (the missed-days e2e moves it to 00:00): the untouched reminders do not block it.
    commit('#target-time', '00:30');
    await settled();
    expect(status()).toBe('Tersimpan.');
    type($<HTMLInputElement>('#lead-new'), '45');
    addLead();
    expect($('#lead-help').textContent).toBe('Terlalu awal: jatuh sebelum pukul 00.00.');
    expect(leadItems()).toEqual(['60 menit sebelumnya', '15 menit sebelumnya']);

    click('Hapus pengingat 15 menit sebelumnya');
    await settled();
    expect(status()).toBe('Belum tersimpan: periksa isian yang ditandai.');
    expect($('#lead-help').textContent).toBe('Terlalu awal: jatuh sebelum pukul 00.00.');
    expect(document.activeElement).toBe($('#lead-new'));
    expect(await readSettings(bg.db)).toMatchObject({ targetTime: '00:30', reminders: { leadMinutes: [60, 15] } });
  });

  it('do-not-disturb leaves no pending reminder', async () => {
    await mount();
    tick(checkbox('Jangan ganggu (matikan semua pengingat)'));
    await settled();
    expect(status()).toBe('Tersimpan.');
    await waitFor(() => expect($('#next-reminder').textContent).toBe('Jangan ganggu aktif: tidak ada pengingat.'));
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });
});
