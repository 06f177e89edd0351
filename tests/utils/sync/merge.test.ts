import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayOffRecord, TemplateRecord } from '@/utils/db/schema';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import {
  canonical, emptyState, later, localPlan, mergeStates, planIsEmpty, pruneTombstones, snapshotState, TOMBSTONE_MAX_AGE_MS,
  type SyncRecord, type SyncState,
} from '@/utils/sync/merge';

export function template(id: string, over: Partial<TemplateRecord> = {}): TemplateRecord {
  return {
    id, name: `T ${id}`, rencanaAksi: 'RA', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'Mengajar', realisasi: 1,
    satuan: 'JP', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], isDefault: false, order: 0, ...over,
  };
}
const dayOff = (id: string): DayOffRecord => ({ id, start: '2026-12-08', end: '2026-12-08', kind: 'cuti-tahunan', note: '' });

describe('later', () => {
  it('the later edit wins; a tie goes the same way from both sides', () => {
    const a: SyncRecord<number> = { updatedAt: 1, value: 1 };
    const b: SyncRecord<number> = { updatedAt: 2, value: 2 };
    expect(later(a, b)).toBe(b);
    expect(later(b, a)).toBe(b);
    const del: SyncRecord<number> = { updatedAt: 2, deleted: true };
    expect(later(b, del)).toBe(del);
    expect(later(del, b)).toBe(del);
    const c: SyncRecord<number> = { updatedAt: 2, value: 3 };
    expect(later(b, c)).toEqual(later(c, b));
  });
});

describe('snapshotState', () => {
  it('keeps the time of unchanged records, stamps changed and new ones, and tombstones deleted ones', () => {
    const prev = snapshotState({ templates: [template('a'), template('b')], daysOff: [dayOff('d')], settings: { targetTime: '16:00' } }, emptyState(), 100);
    const next = snapshotState({
      templates: [template('a'), template('c')], daysOff: [dayOff('d')], settings: { targetTime: '15:30', installedOn: '2026-12-01' },
    }, prev, 200);
    expect(next.templates).toEqual({
      a: { updatedAt: 100, value: template('a') },
      b: { updatedAt: 200, deleted: true },
      c: { updatedAt: 200, value: template('c') },
    });
    expect(next.daysOff.d!.updatedAt).toBe(100);
    expect(next.settings).toEqual({ targetTime: { updatedAt: 200, value: '15:30' } }); // installedOn never syncs
    // A default setting never synced here is older than any edit elsewhere; a changed one is not.
    expect(prev.settings).toEqual({ targetTime: { updatedAt: 0, value: '16:00' } });
    expect(snapshotState({ templates: [], daysOff: [], settings: { targetTime: '15:00' } }, emptyState(), 7).settings)
      .toEqual({ targetTime: { updatedAt: 7, value: '15:00' } });
    // A tombstone keeps its own time.
    expect(snapshotState({ templates: [template('a')], daysOff: [dayOff('d')], settings: {} }, next, 300).templates.b).toEqual({ updatedAt: 200, deleted: true });
  });
});

describe('mergeStates', () => {
  const rec = fc.oneof(
    fc.record({ updatedAt: fc.integer({ min: 0, max: 5 }), value: fc.constantFrom('x', 'y') }),
    fc.record({ updatedAt: fc.integer({ min: 0, max: 5 }), deleted: fc.constant(true as const) }),
  );
  const state = fc.record({
    templates: fc.dictionary(fc.constantFrom('a', 'b', 'c'), rec),
    daysOff: fc.dictionary(fc.constantFrom('d', 'e'), rec),
    settings: fc.dictionary(fc.constantFrom('zone', 'workWeek'), rec),
  }) as unknown as fc.Arbitrary<SyncState>;

  it('is commutative, associative and idempotent, and loses no record', () => {
    fc.assert(fc.property(state, state, state, (a, b, c) => {
      expect(canonical(mergeStates(a, b))).toBe(canonical(mergeStates(b, a)));
      expect(canonical(mergeStates(mergeStates(a, b), c))).toBe(canonical(mergeStates(a, mergeStates(b, c))));
      expect(canonical(mergeStates(a, a))).toBe(canonical(a));
      const m = mergeStates(a, b);
      for (const id of [...Object.keys(a.templates), ...Object.keys(b.templates)]) expect(m.templates[id]).toBeDefined();
    }));
  });
});

describe('localPlan', () => {
  it('lists what the local database must change, and nothing when it already matches', () => {
    const local = { templates: [template('a'), template('b')], daysOff: [], settings: { ...DEFAULT_SETTINGS } };
    const merged: SyncState = {
      templates: { a: { updatedAt: 5, value: template('a', { name: 'baru' }) }, b: { updatedAt: 5, deleted: true }, c: { updatedAt: 1, value: template('c') } },
      daysOff: { d: { updatedAt: 1, value: dayOff('d') }, e: { updatedAt: 1, deleted: true } },
      settings: { workWeek: { updatedAt: 3, value: 6 }, zone: { updatedAt: 3, value: 'browser' } },
    };
    const plan = localPlan(local, merged);
    expect(plan).toEqual({
      putTemplates: [template('a', { name: 'baru' }), template('c')], deleteTemplates: ['b'],
      putDaysOff: [dayOff('d')], deleteDaysOff: [], settings: { workWeek: 6 },
    });
    expect(planIsEmpty(localPlan({ templates: [template('a', { name: 'baru' }), template('c')], daysOff: [dayOff('d')], settings: { ...DEFAULT_SETTINGS, workWeek: 6 } }, merged))).toBe(true);
  });
});

describe('pruneTombstones', () => {
  it('drops only old tombstones', () => {
    const now = 10 * TOMBSTONE_MAX_AGE_MS;
    const s: SyncState = {
      templates: { old: { updatedAt: now - TOMBSTONE_MAX_AGE_MS - 1, deleted: true }, recent: { updatedAt: now - 1, deleted: true }, live: { updatedAt: 0, value: template('live') } },
      daysOff: {}, settings: {},
    };
    expect(Object.keys(pruneTombstones(s, now).templates).sort()).toEqual(['live', 'recent']);
  });
});
