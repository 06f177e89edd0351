import { describe, expect, it } from 'vitest';
import { allTexts } from '../../i18n-fake';
import type { Reminder } from '@/utils/reminders/next-reminder';
import { checkReminderSettings, LAST_CALL_MAX, LEAD_MAX, LEADS_MAX_COUNT, SNOOZE_MINUTES } from '@/utils/reminders/settings';
import { REMINDER_BUTTONS, reminderMessage } from '@/utils/reminders/text';

const all = allTexts('reminders_');

const REMINDERS: Reminder[] = [
  { at: 0, kind: 'before', date: '2026-11-30', minutesLeft: 15 },
  { at: 0, kind: 'morning', date: '2026-11-30', minutesLeft: 510 },
  { at: 0, kind: 'last-call', date: '2026-11-30', minutesLeft: -30 },
  { at: 0, kind: 'catch-up', date: '2026-11-30', minutesLeft: 10 },
  { at: 0, kind: 'catch-up', date: '2026-11-30', minutesLeft: -10 },
  { at: 0, kind: 'monthly-summary', date: '2026-12-01', month: '2026-11', missedCount: 2 },
  { at: 0, kind: 'monthly-summary', date: '2026-12-01', month: '2026-11', missedCount: 9 },
];

describe('reminders messages', () => {
  it('has Indonesian and English text for every key, each with the substitutions the code passes', () => {
    for (const r of REMINDERS) {
      const m = reminderMessage(r, '16:00');
      for (const [key, subs] of [[m.titleKey, m.titleSubs], [m.bodyKey, m.bodySubs]] as const) {
        expect(all[key], key).toBeDefined();
        for (const lang of ['id', 'en'] as const) {
          const text = all[key]![lang];
          expect(text.trim(), key).not.toBe('');
          subs.forEach((_, i) => expect(text, `${key} ${lang}`).toContain(`$${i + 1}`));
          expect(text.includes(`$${subs.length + 1}`), `${key} ${lang} has no extra $`).toBe(false);
        }
      }
    }
  });

  it('covers every settings problem code', () => {
    const bad = checkReminderSettings({
      leadMinutes: [0, 5, 5, 700, 1, 2, 3], morning: { enabled: true, time: 'x' }, lastCall: { enabled: true, minutesAfter: 0 },
      monthlySummary: 'x', mutedDates: ['x'], snoozedUntil: 'x', other: 1,
    });
    const more = [
      ...checkReminderSettings({ leadMinutes: [900] }, { targetTime: '08:00' }),
      ...checkReminderSettings({ leadMinutes: [500] }, { targetTime: '08:00' }),
      ...checkReminderSettings({ morning: { enabled: true, time: '17:00' } }, { targetTime: '16:00' }),
      ...checkReminderSettings({ morning: 1 }),
    ];
    const codes = new Set([...bad, ...more].map((p) => p.code));
    expect(codes.size).toBe(11);
    for (const code of codes) {
      expect(all[code]?.id, code).toBeTruthy();
      expect(all[code]?.en, code).toBeTruthy();
    }
  });

  it('states the same limits as the code', () => {
    expect(all.reminders_lead_invalid!.id).toContain(String(LEAD_MAX));
    expect(all.reminders_lead_too_many!.id).toContain(String(LEADS_MAX_COUNT));
    expect(all.reminders_last_call_invalid!.id).toContain(String(LAST_CALL_MAX));
    expect(all[REMINDER_BUTTONS[1]]!.id).toContain(String(SNOOZE_MINUTES));
    expect(all[REMINDER_BUTTONS[1]]!.en).toContain(String(SNOOZE_MINUTES));
  });

  it('has the popup and settings texts', () => {
    expect(all.reminders_popup_next!.id).toBe('Pengingat berikutnya $1');
    expect(all.reminders_popup_mute_today!.id).toBe('Bisukan hari ini');
    for (const [key, v] of Object.entries(all)) {
      expect(key.startsWith('reminders_'), key).toBe(true);
      expect(v.id.trim() && v.en.trim(), key).toBeTruthy();
    }
  });
});
