import { describe, expect, it } from 'vitest';
import { isDateShaped, isTime, isValidDate, minutesOfDay } from '@/utils/calendar/dates';

describe('the written forms of dates and times', () => {
  it('isDateShaped: YYYY-MM-DD with month 01–12 and day 01–31, not whether the day exists', () => {
    expect(isDateShaped('2026-02-28')).toBe(true);
    expect(isDateShaped('2026-02-30')).toBe(true);
    expect(isValidDate('2026-02-30')).toBe(false);
    for (const bad of ['2026-13-01', '2026-00-10', '2026-01-32', '2026-01-00', '2026-1-01', ' 2026-01-01', '', 20260101, null]) {
      expect(isDateShaped(bad)).toBe(false);
    }
  });

  it('isTime: a zero-padded 24-hour HH:mm only', () => {
    for (const ok of ['00:00', '07:30', '23:59']) expect(isTime(ok)).toBe(true);
    for (const bad of ['7:30', '07.30', '24:00', '12:60', '07:30:00', ' 07:30', '', 730, undefined]) expect(isTime(bad)).toBe(false);
  });

  it('minutesOfDay: minutes since midnight, NaN for anything but HH:mm', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('16:05')).toBe(16 * 60 + 5);
    expect(minutesOfDay('7:30')).toBeNaN();
  });
});
