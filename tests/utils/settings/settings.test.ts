import { describe, expect, it } from 'vitest';
import { checkSettings, DEFAULT_SETTINGS, withDefaults } from '@/utils/settings/settings';

describe('settings', () => {
  it('accepts valid values', () => {
    expect(checkSettings({ zone: 'Asia/Jayapura', workWeek: 6, targetTime: '07:30' })).toEqual([]);
    expect(checkSettings({ targetTime: '23:59' })).toEqual([]);
  });

  it('reports each bad field with its own code', () => {
    expect(checkSettings({ zone: 'Europe/Paris', workWeek: 7, targetTime: '24:00', colour: 'red' })).toEqual([
      { field: 'zone', code: 'settings_zone_invalid' },
      { field: 'workWeek', code: 'settings_workweek_invalid' },
      { field: 'targetTime', code: 'settings_time_invalid' },
      { field: 'colour', code: 'settings_unknown_field' },
    ]);
    for (const bad of ['7:30', '16.00', '1600', '', 16]) {
      expect(checkSettings({ targetTime: bad })).toHaveLength(1);
    }
  });

  it('fills defaults and drops stored values that are no longer valid', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ targetTime: '15:00' })).toEqual({ ...DEFAULT_SETTINGS, targetTime: '15:00' });
    expect(withDefaults({ targetTime: 'nanti', zone: 'Asia/Makassar' } as never)).toEqual({ ...DEFAULT_SETTINGS, zone: 'Asia/Makassar' });
  });
});
