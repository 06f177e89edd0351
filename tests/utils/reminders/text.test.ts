import { describe, expect, it } from 'vitest';
import { allTexts } from '../../i18n-fake';
import type { Reminder } from '@/utils/reminders/next-reminder';
import { DEFAULT_REMINDER_SETTINGS } from '@/utils/reminders/settings';
import {
  formatDuration, formatMonth, popupReminderLine, REMINDER_BUTTONS, reminderMessage, type ReminderMessageKey,
} from '@/utils/reminders/text';

const all = allTexts('reminders_');
/** What t() gives. */
function render(key: ReminderMessageKey, subs: string[], lang: 'id' | 'en' = 'id'): string {
  return all[key]![lang].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
function both(r: Reminder, lang: 'id' | 'en' = 'id') {
  const m = reminderMessage(r, '16:00', lang === 'id' ? 'id-ID' : 'en-GB');
  return { title: render(m.titleKey, m.titleSubs, lang), body: render(m.bodyKey, m.bodySubs, lang) };
}
const ms = (iso: string) => Date.parse(iso);

describe('formatDuration', () => {
  it('writes minutes and hours in the UI language', () => {
    expect(formatDuration(45)).toBe('45 menit');
    expect(formatDuration(60)).toBe('1 jam');
    expect(formatDuration(90)).toBe('1 jam 30 menit');
    expect(formatDuration(1, 'en-GB')).toBe('1 minute');
    expect(formatDuration(150, 'en-GB')).toBe('2 hours 30 minutes');
  });
});

describe('reminderMessage', () => {
  it('names the day and the time left before the target', () => {
    const r: Reminder = { at: ms('2026-11-30T08:15:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 45 };
    expect(both(r)).toEqual({
      title: 'Progress Harian: 45 menit lagi',
      body: 'Senin, 30 November 2026. Batas lapor pukul 16.00, dan Progress Harian hari ini belum diisi.',
    });
    expect(both(r, 'en').title).toBe('Daily progress: 45 minutes left');
    expect(both(r, 'en').body).toMatch(/^Monday,? 30 November 2026\. Report by 16:00/);
  });

  it('gives the morning checklist', () => {
    const r: Reminder = { at: ms('2026-11-30T00:30:00Z'), kind: 'morning', date: '2026-11-30', minutesLeft: 510 };
    const { body } = both(r);
    expect(body).toContain('Senin, 30 November 2026');
    expect(body).toContain('bukti dukung');
    expect(body).toContain('Feedback Atasan');
    expect(body).toContain('pukul 16.00');
  });

  it('says the target time has passed for a last call and a late catch-up', () => {
    const last: Reminder = { at: ms('2026-11-30T09:30:00Z'), kind: 'last-call', date: '2026-11-30', minutesLeft: -30 };
    expect(both(last).title).toBe('Sudah lewat pukul 16.00, belum lapor');
    const late: Reminder = { at: ms('2026-11-30T09:20:00Z'), kind: 'catch-up', date: '2026-11-30', minutesLeft: -20 };
    expect(both(late)).toEqual({ title: 'Belum lapor hari ini', body: 'Senin, 30 November 2026. Sudah lewat pukul 16.00, belum lapor.' });
    const atTarget: Reminder = { ...late, minutesLeft: 0 };
    expect(both(atTarget).body).toContain('Sudah lewat pukul 16.00');
  });

  it('gives the time left for an early catch-up', () => {
    const r: Reminder = { at: ms('2026-11-30T06:30:00Z'), kind: 'catch-up', date: '2026-11-30', minutesLeft: 90 };
    expect(both(r).body).toBe('Senin, 30 November 2026. Batas lapor pukul 16.00, 1 jam 30 menit lagi.');
  });

  it('summarises last month, with the Tukin warning above 5 days', () => {
    const r: Reminder = { at: ms('2026-06-02T01:00:00Z'), kind: 'monthly-summary', date: '2026-06-02', month: '2026-05', missedCount: 4 };
    expect(both(r)).toEqual({ title: 'Rekap Mei 2026', body: 'Bulan lalu ada 4 hari belum dilaporkan. Masih dalam batas 5 hari.' });
    expect(both({ ...r, missedCount: 6 }).body).toBe('Bulan lalu ada 6 hari belum dilaporkan. Lebih dari 5 hari: Tukin berisiko dipotong 5–20%.');
    expect(both(r, 'en').title).toBe('Summary for May 2026');
    expect(formatMonth('2025-12')).toBe('Desember 2025');
  });
});

describe('popupReminderLine', () => {
  const ctx = { now: ms('2026-11-30T00:00:00Z'), zone: 'Asia/Jakarta' as const, reminders: DEFAULT_REMINDER_SETTINGS };
  const today: Reminder = { at: ms('2026-11-30T08:00:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 60 };
  const line = (l: { key: ReminderMessageKey; subs: string[] }) => render(l.key, l.subs);

  it('shows the next reminder time, with the day when it is not today', () => {
    expect(line(popupReminderLine(today, ctx))).toBe('Pengingat berikutnya 15.00');
    const tuesday: Reminder = { ...today, at: ms('2026-12-01T08:45:00Z'), date: '2026-12-01' };
    expect(line(popupReminderLine(tuesday, ctx))).toBe('Pengingat berikutnya Sel, 1 Des, 15.45');
    expect(line(popupReminderLine(today, { ...ctx, zone: 'Asia/Jayapura' }))).toBe('Pengingat berikutnya 17.00');
  });

  it('says when reminders are off, muted, snoozed or none are scheduled', () => {
    expect(popupReminderLine(null, ctx).key).toBe('reminders_popup_none');
    expect(popupReminderLine(today, { ...ctx, reminders: { ...DEFAULT_REMINDER_SETTINGS, doNotDisturb: true } }).key).toBe('reminders_popup_dnd');
    expect(popupReminderLine(today, { ...ctx, reminders: { ...DEFAULT_REMINDER_SETTINGS, mutedDates: ['2026-11-30'] } }).key).toBe('reminders_popup_muted_today');
    const snoozedUntil = ms('2026-11-30T00:15:00Z');
    const snoozeReminder: Reminder = { at: snoozedUntil, kind: 'before', date: '2026-11-30', minutesLeft: 525 };
    const snoozed = popupReminderLine(snoozeReminder, { ...ctx, reminders: { ...DEFAULT_REMINDER_SETTINGS, snoozedUntil } });
    expect(line(snoozed)).toBe('Pengingat ditunda sampai 07.15');
  });

  it('names the alarm actually pending: a snooze whose reminder is gone (today reported) is not mentioned (finding 11)', () => {
    const snoozedUntil = ms('2026-11-30T14:38:00Z'); // 21.38 WIB
    const reminders = { ...DEFAULT_REMINDER_SETTINGS, snoozedUntil };
    const at = { ...ctx, now: ms('2026-11-30T14:25:00Z'), reminders };
    // Today reported after the snooze: the pending alarm is Tuesday's first reminder.
    const tuesday: Reminder = { at: ms('2026-12-01T08:00:00Z'), kind: 'before', date: '2026-12-01', minutesLeft: 60 };
    expect(line(popupReminderLine(tuesday, at))).toBe('Pengingat berikutnya Sel, 1 Des, 15.00');
    expect(popupReminderLine(null, at).key).toBe('reminders_popup_none');
    // Still pending: the snooze is named.
    const snooze: Reminder = { at: snoozedUntil, kind: 'catch-up', date: '2026-11-30', minutesLeft: -338 };
    expect(line(popupReminderLine(snooze, at))).toBe('Pengingat ditunda sampai 21.38');
    // A snooze that ran out is never named.
    expect(line(popupReminderLine(tuesday, { ...at, now: snoozedUntil + 1 }))).toBe('Pengingat berikutnya Sel, 1 Des, 15.00');
  });
});

describe('buttons', () => {
  it('reads "Buka e-Kinerja" and "Tunda 15 menit"', () => {
    expect(REMINDER_BUTTONS.map((k) => all[k]!.id)).toEqual(['Buka e-Kinerja', 'Tunda 15 menit']);
  });
});
