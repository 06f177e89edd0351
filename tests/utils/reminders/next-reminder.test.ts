import { describe, expect, it } from 'vitest';
import type { DayOffRecord } from '@/utils/db/schema';
import type { CalendarConfig } from '@/utils/calendar/workdays';
import {
  catchUp, dueReminder, lastMonthMissed, nextAlarm, nextReminders, shouldStillShow, summaryCountingStart,
  type Reminder, type ReminderInput,
} from '@/utils/reminders/next-reminder';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@/utils/reminders/settings';

const ms = (iso: string) => Date.parse(iso);
const five: CalendarConfig = { workWeek: 5, daysOff: [] };
const noSummary: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, monthlySummary: false };

/** Monday 30 November 2026, 07:00 WIB. */
const MON_0700 = ms('2026-11-30T00:00:00Z');

function input(over: Partial<ReminderInput> = {}): ReminderInput {
  return {
    now: MON_0700, zone: 'Asia/Jakarta', targetTime: '16:00', reminders: noSummary, cal: five,
    reported: new Set(), countingStart: '2026-11-01', ...over,
  };
}
function settings(over: Partial<ReminderSettings>): ReminderSettings {
  return { ...noSummary, ...over };
}
const on = (list: Reminder[], date: string) => list.filter((r) => r.date === date);
const iso = (list: Reminder[]) => list.map((r) => new Date(r.at).toISOString());
function dayOff(start: string, end = start): DayOffRecord {
  return { id: `off-${start}`, start, end, kind: 'cuti-tahunan', note: '' };
}

describe('nextReminders on a normal working day', () => {
  it('reminds at 15:00 and 15:45 WIB for a 16:00 target with leads 60 and 15', () => {
    const got = nextReminders(input({ limit: 2 }));
    expect(got).toEqual([
      { at: ms('2026-11-30T08:00:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 60 },
      { at: ms('2026-11-30T08:45:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 15 },
    ]);
  });

  it('uses the WITA and WIT offsets', () => {
    expect(iso(on(nextReminders(input({ zone: 'Asia/Makassar' })), '2026-11-30')))
      .toEqual(['2026-11-30T07:00:00.000Z', '2026-11-30T07:45:00.000Z']);
    expect(iso(on(nextReminders(input({ zone: 'Asia/Jayapura' })), '2026-11-30')))
      .toEqual(['2026-11-30T06:00:00.000Z', '2026-11-30T06:45:00.000Z']);
  });

  it("uses the runtime's zone for 'browser'", () => {
    const now = new Date(2026, 10, 30, 7, 0).getTime();
    const got = on(nextReminders(input({ zone: 'browser', now })), '2026-11-30').map((r) => r.at);
    expect(got).toEqual([new Date(2026, 10, 30, 15, 0).getTime(), new Date(2026, 10, 30, 15, 45).getTime()]);
  });

  it('continues on the following working days, in time order', () => {
    // Friday 4 December 2026, 16:30 WIB: next is Monday 7 December.
    const got = nextReminders(input({ now: ms('2026-12-04T09:30:00Z'), limit: 3 }));
    expect(iso(got)).toEqual(['2026-12-07T08:00:00.000Z', '2026-12-07T08:45:00.000Z', '2026-12-08T08:00:00.000Z']);
  });

  it('adds the morning reminder and the last call when enabled', () => {
    const reminders = settings({ morning: { enabled: true, time: '07:30' }, lastCall: { enabled: true, minutesAfter: 30 } });
    const got = on(nextReminders(input({ now: ms('2026-11-29T17:00:00Z'), reminders })), '2026-11-30');
    expect(got).toEqual([
      { at: ms('2026-11-30T00:30:00Z'), kind: 'morning', date: '2026-11-30', minutesLeft: 510 },
      { at: ms('2026-11-30T08:00:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 60 },
      { at: ms('2026-11-30T08:45:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 15 },
      { at: ms('2026-11-30T09:30:00Z'), kind: 'last-call', date: '2026-11-30', minutesLeft: -30 },
    ]);
  });

  it('shows one reminder per minute: a lead beats a morning reminder at the same time', () => {
    const reminders = settings({ morning: { enabled: true, time: '15:00' } });
    const got = on(nextReminders(input({ reminders })), '2026-11-30');
    expect(got.map((r) => r.kind)).toEqual(['before', 'before']);
    expect(iso(got)).toEqual(['2026-11-30T08:00:00.000Z', '2026-11-30T08:45:00.000Z']);
  });

  it('leaves out a lead that would fall on the previous evening', () => {
    const reminders = settings({ leadMinutes: [600, 60] });
    const got = on(nextReminders(input({ now: ms('2026-11-29T10:00:00Z'), targetTime: '08:00', reminders })), '2026-11-30');
    expect(iso(got)).toEqual(['2026-11-30T00:00:00.000Z']);
  });

  it('skips a time equal to now (strictly after now only)', () => {
    const got = on(nextReminders(input({ now: ms('2026-11-30T08:00:00Z') })), '2026-11-30');
    expect(iso(got)).toEqual(['2026-11-30T08:45:00.000Z']);
  });

  it('works on Saturday in a six-day week, not in a five-day week', () => {
    const now = ms('2026-12-04T10:00:00Z'); // Friday 17:00 WIB
    expect(nextAlarm(input({ now, cal: { workWeek: 6, daysOff: [] } }))?.date).toBe('2026-12-05');
    expect(nextAlarm(input({ now }))?.date).toBe('2026-12-07');
  });
});

describe('days without reminders', () => {
  it('none on Natal (25 December 2026) nor on cuti bersama (24 December)', () => {
    const got = nextReminders(input({ now: ms('2026-12-23T10:00:00Z') }));
    expect(on(got, '2026-12-24')).toEqual([]);
    expect(on(got, '2026-12-25')).toEqual([]);
    // Thursday 24 and Friday 25 off, then the weekend: Monday 28 December.
    expect(got[0]).toEqual({ at: ms('2026-12-28T08:00:00Z'), kind: 'before', date: '2026-12-28', minutesLeft: 60 });
  });

  it('none on the user\'s day off', () => {
    const got = nextReminders(input({ cal: { workWeek: 5, daysOff: [dayOff('2026-11-30', '2026-12-01')] } }));
    expect(on(got, '2026-11-30')).toEqual([]);
    expect(on(got, '2026-12-01')).toEqual([]);
    expect(got[0]?.at).toBe(ms('2026-12-02T08:00:00Z'));
  });

  it('none on a reported day: the next working day\'s come first', () => {
    const got = nextReminders(input({ reported: new Set(['2026-11-30']), limit: 2 }));
    expect(iso(got)).toEqual(['2026-12-01T08:00:00.000Z', '2026-12-01T08:45:00.000Z']);
  });

  it('none on a muted day ("Bisukan hari ini")', () => {
    const got = nextReminders(input({ reminders: settings({ mutedDates: ['2026-11-30'] }), limit: 1 }));
    expect(iso(got)).toEqual(['2026-12-01T08:00:00.000Z']);
  });

  it('none at all with do-not-disturb', () => {
    const reminders: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, doNotDisturb: true, morning: { enabled: true, time: '07:30' } };
    expect(nextReminders(input({ reminders }))).toEqual([]);
    expect(nextAlarm(input({ reminders }))).toBeNull();
    expect(catchUp({ ...input({ reminders, now: ms('2026-11-30T09:30:00Z') }), lastFiredAt: null })).toBeNull();
  });

  it('nothing within the look-ahead during a long leave', () => {
    const cal = { workWeek: 5 as const, daysOff: [dayOff('2026-11-30', '2026-12-31')] };
    expect(nextAlarm(input({ cal }))).toBeNull();
  });
});

describe('changing settings mid-day', () => {
  it('after 15:00, a new lead of 30 minutes gives 15:30 only', () => {
    const now = ms('2026-11-30T08:00:30Z'); // 15:00:30 WIB, the 15:00 reminder just shown
    const got = on(nextReminders(input({ now, reminders: settings({ leadMinutes: [30] }) })), '2026-11-30');
    expect(got).toEqual([{ at: ms('2026-11-30T08:30:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 30 }]);
  });

  it('a later target time moves the day\'s reminders', () => {
    const got = on(nextReminders(input({ targetTime: '17:00' })), '2026-11-30');
    expect(iso(got)).toEqual(['2026-11-30T09:00:00.000Z', '2026-11-30T09:45:00.000Z']);
  });
});

describe('snooze ("Tunda 15 menit")', () => {
  it('puts one reminder at the snooze end and drops those before it', () => {
    // At 15:40 WIB the user snoozes until 15:55: the 15:45 reminder goes.
    const now = ms('2026-11-30T08:40:00Z');
    const reminders = settings({ snoozedUntil: ms('2026-11-30T08:55:00Z'), lastCall: { enabled: true, minutesAfter: 30 } });
    const got = on(nextReminders(input({ now, reminders })), '2026-11-30');
    expect(got).toEqual([
      { at: ms('2026-11-30T08:55:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 5 },
      { at: ms('2026-11-30T09:30:00Z'), kind: 'last-call', date: '2026-11-30', minutesLeft: -30 },
    ]);
  });

  it('after the target time the snoozed reminder is a catch-up', () => {
    const now = ms('2026-11-30T08:50:00Z');
    const got = nextAlarm(input({ now, reminders: settings({ snoozedUntil: ms('2026-11-30T09:05:00Z') }) }));
    expect(got).toEqual({ at: ms('2026-11-30T09:05:00Z'), kind: 'catch-up', date: '2026-11-30', minutesLeft: -5 });
  });

  it('nothing for today when today got reported meanwhile', () => {
    const now = ms('2026-11-30T08:40:00Z');
    const got = nextAlarm(input({ now, reported: new Set(['2026-11-30']), reminders: settings({ snoozedUntil: ms('2026-11-30T08:55:00Z') }) }));
    expect(got?.date).toBe('2026-12-01');
  });

  it('an expired snooze changes nothing', () => {
    const reminders = settings({ snoozedUntil: ms('2026-11-29T08:55:00Z') });
    expect(nextReminders(input({ reminders }))).toEqual(nextReminders(input()));
  });
});

describe('monthly summary', () => {
  const summaryOn: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS };

  it('fires on 2 June 2026, since 1 June is Hari Lahir Pancasila', () => {
    // May 2026 from the 20th: working days 20, 21, 22, 25, 26, 29 (27 Idul Adha, 28 cuti bersama).
    const reported = new Set(['2026-05-20', '2026-05-21']);
    const got = nextReminders(input({ now: ms('2026-05-31T17:00:00Z'), reminders: summaryOn, reported, countingStart: '2026-05-20' }));
    expect(got.filter((r) => r.kind === 'monthly-summary')[0]).toEqual({
      at: ms('2026-06-02T01:00:00Z'), kind: 'monthly-summary', date: '2026-06-02', month: '2026-05', missedCount: 4,
    });
    expect(on(got, '2026-06-01')).toEqual([]);
    expect(got[0]?.kind).toBe('monthly-summary');
  });

  it('fires on Friday 2 January 2026 (1 January is Tahun Baru), about December 2025', () => {
    // December 2025 from the 22nd: 22, 23, 24 and 29, 30, 31 (25 Natal, 26 cuti bersama).
    const got = nextAlarm(input({ now: ms('2025-12-31T12:00:00Z'), reminders: summaryOn, countingStart: '2025-12-22', reported: new Set(['2025-12-31']) }));
    expect(got).toEqual({ at: ms('2026-01-02T01:00:00Z'), kind: 'monthly-summary', date: '2026-01-02', month: '2025-12', missedCount: 5 });
  });

  it('fires even when the day is already reported, but not when muted or nothing was missed', () => {
    const base = { now: ms('2026-06-01T12:00:00Z'), countingStart: '2026-05-29' };
    const got = nextAlarm(input({ ...base, reminders: summaryOn, reported: new Set(['2026-06-02']) }));
    expect(got).toMatchObject({ kind: 'monthly-summary', date: '2026-06-02', missedCount: 1 });
    const muted = nextAlarm(input({ ...base, reminders: { ...summaryOn, mutedDates: ['2026-06-02'] }, reported: new Set(['2026-06-02']) }));
    expect(muted?.date).toBe('2026-06-03');
    const none = nextReminders(input({ ...base, reminders: summaryOn, reported: new Set(['2026-05-29']) }));
    expect(none.filter((r) => r.kind === 'monthly-summary')).toEqual([]);
    const off = nextReminders(input({ ...base, reminders: { ...summaryOn, monthlySummary: false } }));
    expect(off.filter((r) => r.kind === 'monthly-summary')).toEqual([]);
  });

  it('moves a minute later when another reminder is at 08:00', () => {
    const reminders = { ...summaryOn, morning: { enabled: true, time: '08:00' } };
    const got = on(nextReminders(input({ reminders })), '2026-12-01');
    expect(got.slice(0, 2).map((r) => [r.kind, new Date(r.at).toISOString()])).toEqual([
      ['morning', '2026-12-01T01:00:00.000Z'],
      ['monthly-summary', '2026-12-01T01:01:00.000Z'],
    ]);
    expect(got[1]?.missedCount).toBe(21); // every working day of November 2026
  });

  it('follows the user\'s day off to the first day back', () => {
    const cal = { workWeek: 5 as const, daysOff: [dayOff('2026-12-01', '2026-12-02')] };
    const got = nextReminders(input({ reminders: summaryOn, cal })).filter((r) => r.kind === 'monthly-summary');
    expect(got.map((r) => r.date)).toEqual(['2026-12-03']);
  });

  it('counts from the user\'s start, else from the set-up day', () => {
    expect(summaryCountingStart('2026-05-04', '2026-05-20', '2026-06-02')).toBe('2026-05-04');
    expect(summaryCountingStart(null, '2026-05-20', '2026-06-02')).toBe('2026-05-20');
    expect(summaryCountingStart(null, null, '2026-06-02')).toBe('2026-06-02');
    expect(lastMonthMissed('2026-06-02', { cal: five, reported: new Set(), countingStart: '2026-06-02' }))
      .toEqual({ month: '2026-05', missed: [] });
    expect(lastMonthMissed('2026-06-02', { cal: five, reported: new Set(), countingStart: '2026-05-25' }))
      .toEqual({ month: '2026-05', missed: ['2026-05-25', '2026-05-26', '2026-05-29'] });
  });
});

describe('catch-up after sleep or a restart', () => {
  it('one catch-up for today after a late alarm, with the time left', () => {
    // Asleep from 14:00 to 15:50 WIB: 15:00 and 15:45 were missed.
    const got = catchUp({ ...input({ now: ms('2026-11-30T08:50:00Z') }), lastFiredAt: ms('2026-11-27T08:45:00Z') });
    expect(got).toEqual({ at: ms('2026-11-30T08:50:00Z'), kind: 'catch-up', date: '2026-11-30', minutesLeft: 10 });
  });

  it('past the target: "sudah lewat 16.00, belum lapor" (negative minutes)', () => {
    const now = ms('2026-11-30T09:20:00Z');
    expect(catchUp({ ...input({ now }), lastFiredAt: null })).toEqual({ at: now, kind: 'catch-up', date: '2026-11-30', minutesLeft: -20 });
  });

  it('nothing when the missed reminders were shown, or nothing was due yet', () => {
    expect(catchUp({ ...input({ now: ms('2026-11-30T08:50:00Z') }), lastFiredAt: ms('2026-11-30T08:45:01Z') })).toBeNull();
    expect(catchUp({ ...input({ now: ms('2026-11-30T07:59:00Z') }), lastFiredAt: null })).toBeNull();
  });

  it('nothing on a reported day, a holiday, a muted day or while snoozed', () => {
    const now = ms('2026-11-30T09:20:00Z');
    expect(catchUp({ ...input({ now, reported: new Set(['2026-11-30']) }), lastFiredAt: null })).toBeNull();
    expect(catchUp({ ...input({ now: ms('2026-12-25T09:20:00Z') }), lastFiredAt: null })).toBeNull();
    expect(catchUp({ ...input({ now, reminders: settings({ mutedDates: ['2026-11-30'] }) }), lastFiredAt: null })).toBeNull();
    expect(catchUp({ ...input({ now, reminders: settings({ snoozedUntil: now + 60_000 }) }), lastFiredAt: null })).toBeNull();
  });

  it('never for yesterday', () => {
    // Closed from Monday 14:00 to Tuesday 07:10 WIB: Monday's reminders are not caught up.
    const now = ms('2026-12-01T00:10:00Z');
    expect(catchUp({ ...input({ now }), lastFiredAt: ms('2026-11-30T07:00:00Z') })).toBeNull();
    // With a 07:00 morning reminder, the catch-up is about Tuesday only.
    const reminders = settings({ morning: { enabled: true, time: '07:00' } });
    const got = catchUp({ ...input({ now, reminders }), lastFiredAt: ms('2026-11-30T07:00:00Z') });
    expect(got).toEqual({ at: now, kind: 'catch-up', date: '2026-12-01', minutesLeft: 530 });
  });

  it('a missed monthly summary alone comes back as the summary', () => {
    const now = ms('2026-12-01T02:00:00Z'); // 09:00 WIB, summary was at 08:00
    const got = catchUp({ ...input({ now, reminders: { ...DEFAULT_REMINDER_SETTINGS } }), lastFiredAt: ms('2026-11-30T08:45:00Z') });
    expect(got).toEqual({ at: now, kind: 'monthly-summary', date: '2026-12-01', month: '2026-11', missedCount: 21 });
  });
});

describe('dueReminder (what the alarm shows)', () => {
  const lastFiredAt = ms('2026-11-30T01:00:00Z');

  it('the reminder itself when the alarm is on time', () => {
    const got = dueReminder({ ...input({ now: ms('2026-11-30T08:00:00.400Z') }), lastFiredAt });
    expect(got).toEqual({ at: ms('2026-11-30T08:00:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 60 });
  });

  it('one catch-up when the alarm is late', () => {
    const now = ms('2026-11-30T08:30:00Z');
    expect(dueReminder({ ...input({ now }), lastFiredAt })).toEqual({ at: now, kind: 'catch-up', date: '2026-11-30', minutesLeft: 30 });
  });

  it('nothing when the day got reported before the alarm', () => {
    expect(dueReminder({ ...input({ now: ms('2026-11-30T08:00:01Z'), reported: new Set(['2026-11-30']) }), lastFiredAt })).toBeNull();
  });

  it('the snoozed reminder when its alarm fires', () => {
    const snoozedUntil = ms('2026-11-30T08:55:00Z');
    const got = dueReminder({
      ...input({ now: snoozedUntil + 300, reminders: settings({ snoozedUntil }) }),
      lastFiredAt: ms('2026-11-30T08:00:00.300Z'),
    });
    expect(got).toEqual({ at: snoozedUntil, kind: 'before', date: '2026-11-30', minutesLeft: 5 });
  });
});

describe('a restart', () => {
  it('gives the same next alarm for the same input (idempotent)', () => {
    const a = nextAlarm(input({ now: ms('2026-11-30T05:00:00Z') }));
    const b = nextAlarm(input({ now: ms('2026-11-30T05:00:00Z'), reported: new Set(), cal: { workWeek: 5, daysOff: [] } }));
    expect(a).toEqual(b);
    expect(a?.at).toBe(ms('2026-11-30T08:00:00Z'));
    // Later in the same wait, the same alarm: re-creating it replaces, never adds.
    expect(nextAlarm(input({ now: ms('2026-11-30T07:59:59Z') }))).toEqual(a);
  });

  it('moves on to the next reminder once one has fired', () => {
    const first = nextAlarm(input())!;
    const second = nextAlarm(input({ now: first.at }))!;
    expect(second.at).toBe(ms('2026-11-30T08:45:00Z'));
    expect(nextAlarm(input({ now: second.at }))?.date).toBe('2026-12-01');
  });
});

describe('shouldStillShow', () => {
  const r: Reminder = { at: ms('2026-11-30T08:00:00Z'), kind: 'before', date: '2026-11-30', minutesLeft: 60 };
  const ctx = { now: r.at, cal: five, reported: new Set<string>(), reminders: noSummary };

  it('shows a reminder whose day still needs a report', () => {
    expect(shouldStillShow(r, ctx)).toBe(true);
    expect(shouldStillShow(r, { ...ctx, zone: 'Asia/Jakarta' })).toBe(true);
  });

  it('skips it when the day became reported, a day off or a holiday, or was muted', () => {
    expect(shouldStillShow(r, { ...ctx, reported: new Set(['2026-11-30']) })).toBe(false);
    expect(shouldStillShow(r, { ...ctx, cal: { workWeek: 5, daysOff: [dayOff('2026-11-30')] } })).toBe(false);
    expect(shouldStillShow(r, { ...ctx, cal: { workWeek: 5, daysOff: [{ ...dayOff('2026-11-30'), kind: 'libur-tambahan' }] } })).toBe(false);
    expect(shouldStillShow({ ...r, date: '2026-12-25' }, ctx)).toBe(false);
    expect(shouldStillShow(r, { ...ctx, reminders: settings({ mutedDates: ['2026-11-30'] }) })).toBe(false);
    expect(shouldStillShow(r, { ...ctx, reminders: settings({ doNotDisturb: true }) })).toBe(false);
    expect(shouldStillShow(r, { ...ctx, reminders: settings({ snoozedUntil: r.at + 60_000 }) })).toBe(false);
  });

  it('skips a reminder for a day already past', () => {
    expect(shouldStillShow(r, { ...ctx, now: ms('2026-12-01T00:10:00Z'), zone: 'Asia/Jakarta' })).toBe(false);
  });

  it('shows the monthly summary on a reported day', () => {
    const s: Reminder = { at: ms('2026-12-01T01:00:00Z'), kind: 'monthly-summary', date: '2026-12-01', month: '2026-11', missedCount: 3 };
    expect(shouldStillShow(s, { ...ctx, now: s.at, reported: new Set(['2026-12-01']) })).toBe(true);
  });
});
