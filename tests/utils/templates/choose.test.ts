import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateRecord } from '@/utils/db/schema';
import {
  duplicateTemplate, ensureOneDefault, insertTemplate, removeTemplate, reorder, setDefault, templateForDate,
} from '@/utils/templates/choose';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

function tpl(id: string, order: number, weekdays: number[], isDefault = false): TemplateRecord {
  return {
    id, name: `T ${id}`, rencanaAksi: 'RA', jamMulai: '07:30', jamSelesai: '08:00', kegiatan: 'K', realisasi: 1,
    satuan: '', buktiDukung: '', weekdays, isDefault, order,
  };
}
const ids = (list: readonly TemplateRecord[]): string[] => list.map((t) => t.id);
const defaults = (list: readonly TemplateRecord[]): string[] => list.filter((t) => t.isDefault).map((t) => t.id);

// 2026-11-30 is a Monday, 2026-11-28 a Saturday, 2026-11-29 a Sunday.
describe('templateForDate', () => {
  const weekday = tpl('weekday', 0, [1, 2, 3, 4, 5], true);
  const saturdayLate = tpl('sat-late', 5, [6]);
  const saturdayEarly = tpl('sat-early', 2, [6]);
  const list = [weekday, saturdayLate, saturdayEarly];

  it('picks the default when it applies', () => {
    expect(templateForDate(list, '2026-11-30')?.id).toBe('weekday');
  });

  it('otherwise the first by order that applies (not the first in the list)', () => {
    expect(templateForDate(list, '2026-11-28')?.id).toBe('sat-early');
  });

  it('falls back to the default when none applies', () => {
    expect(templateForDate(list, '2026-11-29')?.id).toBe('weekday');
  });

  it('prefers the default over an earlier template for the same day', () => {
    const early = tpl('early', -1, [1]);
    expect(templateForDate([...list, early], '2026-11-30')?.id).toBe('weekday');
  });

  it('is null with no default and nothing applying, or no templates', () => {
    expect(templateForDate([saturdayEarly], '2026-11-30')).toBeNull();
    expect(templateForDate([], '2026-11-30')).toBeNull();
  });

  it('rejects a non-date', () => {
    expect(() => templateForDate(list, '2026-02-30')).toThrow(RangeError);
  });
});

describe('list operations', () => {
  const a = tpl('a', 0, [1], true);
  const b = tpl('b', 1, [2]);
  const c = tpl('c', 2, [3]);

  it('setDefault leaves exactly one default and does not mutate', () => {
    const list = [a, b, c];
    const out = setDefault(list, 'c');
    expect(defaults(out)).toEqual(['c']);
    expect(defaults(list)).toEqual(['a']);
    expect(defaults(setDefault([a, { ...b, isDefault: true }, c], 'b'))).toEqual(['b']);
    expect(defaults(setDefault(list, 'zz'))).toEqual(['a']);
  });

  it('ensureOneDefault fixes none or several', () => {
    expect(defaults(ensureOneDefault([{ ...b, isDefault: false }, { ...c }, { ...a, isDefault: false }]))).toEqual(['a']);
    expect(defaults(ensureOneDefault([{ ...c, isDefault: true }, { ...b, isDefault: true }]))).toEqual(['b']);
    expect(ensureOneDefault([])).toEqual([]);
  });

  it('reorder moves one place and renumbers from 0', () => {
    const list = [c, a, b].map((t, i) => ({ ...t, order: [20, 5, 10][i]! }));
    const up = reorder(list, 'c', 'up');
    expect(ids(up)).toEqual(['a', 'c', 'b']);
    expect(up.map((t) => t.order)).toEqual([0, 1, 2]);
    expect(ids(reorder(list, 'a', 'down'))).toEqual(['b', 'a', 'c']);
    expect(ids(reorder(list, 'a', 'up'))).toEqual(['a', 'b', 'c']);
    expect(ids(reorder(list, 'c', 'down'))).toEqual(['a', 'b', 'c']);
    expect(list.map((t) => t.order)).toEqual([20, 5, 10]);
  });

  it('duplicateTemplate copies under a new id, never as default, with its own weekdays', () => {
    const copy = duplicateTemplate(a, 'a2', '(salinan)');
    expect(copy).toEqual({ ...a, id: 'a2', name: 'T a (salinan)', isDefault: false });
    copy.weekdays.push(7);
    expect(a.weekdays).toEqual([1]);
  });

  it('insertTemplate places after an id, or at the end', () => {
    const copy = duplicateTemplate(a, 'a2', '(salinan)');
    const after = insertTemplate([a, b, c], copy, 'a');
    expect(ids(after)).toEqual(['a', 'a2', 'b', 'c']);
    expect(after.map((t) => t.order)).toEqual([0, 1, 2, 3]);
    expect(defaults(after)).toEqual(['a']);
    expect(ids(insertTemplate([a, b], tpl('n', 0, [1])))).toEqual(['a', 'b', 'n']);
    expect(defaults(insertTemplate([a, b], tpl('n', 0, [1], true)))).toEqual(['n']);
    expect(defaults(insertTemplate([], tpl('first', 0, [1])))).toEqual(['first']);
  });

  it('removeTemplate renumbers and hands the default on', () => {
    const out = removeTemplate([a, b, c], 'a');
    expect(ids(out)).toEqual(['b', 'c']);
    expect(out.map((t) => t.order)).toEqual([0, 1]);
    expect(defaults(out)).toEqual(['b']);
    expect(removeTemplate([a], 'a')).toEqual([]);
  });

  it('keeps exactly one default and orders 0…n-1 through any sequence of edits', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    type Op = { kind: 'insert' | 'remove' | 'up' | 'down' | 'default' | 'dup'; pick: number; flag: boolean };
    const op = fc.record({
      kind: fc.constantFrom('insert', 'remove', 'up', 'down', 'default', 'dup') as fc.Arbitrary<Op['kind']>,
      pick: fc.nat(),
      flag: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      let list: TemplateRecord[] = [];
      let next = 0;
      for (const o of ops) {
        const target = list[o.pick % Math.max(1, list.length)];
        const id = `n${next++}`;
        if (o.kind === 'insert') list = insertTemplate(list, tpl(id, 99, [1], o.flag), o.flag ? target?.id : undefined);
        else if (!target) continue;
        else if (o.kind === 'remove') list = removeTemplate(list, target.id);
        else if (o.kind === 'up' || o.kind === 'down') list = reorder(list, target.id, o.kind);
        else if (o.kind === 'default') list = setDefault(list, target.id);
        else list = insertTemplate(list, duplicateTemplate(target, id, '(salinan)'), target.id);
        if (list.length > 0) expect(defaults(list)).toHaveLength(1);
        expect([...list].map((t) => t.order).sort((x, y) => x - y)).toEqual(list.map((_, i) => i));
        expect(new Set(ids(list)).size).toBe(list.length);
      }
    }));
  });
});
