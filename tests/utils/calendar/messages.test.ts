import { describe, expect, it } from 'vitest';
import { allTexts } from '../../i18n-fake';
import { TODAY_MESSAGE, TUKIN_MESSAGE } from '@/utils/calendar/missed-days';
import { checkDayOff, DAY_OFF_KIND_MESSAGE, REASON_MESSAGE } from '@/utils/calendar/workdays';

const all = allTexts();

describe('calendar messages', () => {
  it('has Indonesian and English text for every key the code hands out', () => {
    const used = [
      ...Object.values(REASON_MESSAGE), ...Object.values(DAY_OFF_KIND_MESSAGE),
      ...Object.values(TUKIN_MESSAGE), ...Object.values(TODAY_MESSAGE),
      ...checkDayOff({ start: 'x', end: 'y' }).map((p) => p.code),
      ...checkDayOff({ start: '2026-01-02', end: '2026-01-01' }).map((p) => p.code),
      'calendar_year_not_covered', 'calendar_holidays_source',
    ];
    for (const key of used) {
      expect(all[key], key).toBeDefined();
      expect(all[key]!.id.trim(), key).not.toBe('');
      expect(all[key]!.en.trim(), key).not.toBe('');
    }
  });

  it('keeps the day-off labels the users know', () => {
    expect(all[DAY_OFF_KIND_MESSAGE['cuti-tahunan']]!.id).toBe('Cuti tahunan');
    expect(all[DAY_OFF_KIND_MESSAGE.sakit]!.id).toBe('Sakit');
    expect(all[DAY_OFF_KIND_MESSAGE['dinas-luar']]!.id).toBe('Dinas luar');
    expect(all[DAY_OFF_KIND_MESSAGE.lainnya]!.id).toBe('Lainnya');
    expect(all[DAY_OFF_KIND_MESSAGE['libur-tambahan']]!.id).toBe('Libur tambahan');
  });

  it('puts the $1 substitution in both languages where the code passes one', () => {
    const withArg = [TODAY_MESSAGE['not-yet'], TODAY_MESSAGE.missed, TODAY_MESSAGE.off,
      'calendar_year_not_covered', 'calendar_holidays_source'];
    for (const key of withArg) {
      expect(all[key]!.id, key).toContain('$1');
      expect(all[key]!.en, key).toContain('$1');
    }
    // The Tukin status of a month is a short label beside its count (the popup's month rows).
    for (const key of Object.values(TUKIN_MESSAGE)) expect(all[key]!.id, key).not.toContain('$1');
    expect(all[TUKIN_MESSAGE.berisiko]!.id).toContain('5–20');
  });
});
