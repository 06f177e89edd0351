/**
 * Choosing a template for a date, and the list operations of the editor. Every function is pure:
 * it returns new arrays/records and never changes its arguments. Lists returned by the ordering
 * functions are sorted by `order` and renumbered 0…n-1.
 */
import type { TemplateRecord } from '../db/schema';
import { isoWeekday } from '../calendar/dates';
import { dateParts } from './variables';
import { moveItem, type MoveDirection } from '../list/move';

type Ordered = Pick<TemplateRecord, 'id' | 'order' | 'isDefault'>;

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date; RangeError if it is not a date. */
export function weekdayOf(date: string): number {
  if (!dateParts(date)) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${date}`);
  return isoWeekday(date);
}

/** The templates sorted by `order` (ties keep their list order). */
export function sortByOrder<T extends Pick<TemplateRecord, 'order'>>(templates: readonly T[]): T[] {
  return [...templates].sort((a, b) => a.order - b.order);
}

/** Sorted by `order`, and `order` renumbered 0…n-1 (records whose number changes are copied). */
export function normaliseOrder<T extends Ordered>(templates: readonly T[]): T[] {
  return sortByOrder(templates).map((t, i) => (t.order === i ? t : { ...t, order: i }));
}

/**
 * The template to preselect for `date`: the default one if it applies to that weekday, else the
 * first (by order) that applies, else the default one anyway, else null (no templates, or none
 * applies and none is the default).
 */
export function templateForDate<T extends Pick<TemplateRecord, 'weekdays' | 'isDefault' | 'order'>>(
  templates: readonly T[],
  date: string,
): T | null {
  const weekday = weekdayOf(date);
  const sorted = sortByOrder(templates);
  const byDefault = sorted.find((t) => t.isDefault) ?? null;
  if (byDefault?.weekdays.includes(weekday)) return byDefault;
  return sorted.find((t) => t.weekdays.includes(weekday)) ?? byDefault;
}

/** Makes `id` the only default. An unknown `id` leaves the list as it is. List order is kept. */
export function setDefault<T extends Ordered>(templates: readonly T[], id: string): T[] {
  if (!templates.some((t) => t.id === id)) return [...templates];
  return templates.map((t) => (t.isDefault === (t.id === id) ? t : { ...t, isDefault: t.id === id }));
}

/**
 * Exactly one default when the list is not empty: with none, the first by order becomes the
 * default; with several, only the first by order stays the default. List order is kept.
 */
export function ensureOneDefault<T extends Ordered>(templates: readonly T[]): T[] {
  const first = sortByOrder(templates).find((t) => t.isDefault) ?? sortByOrder(templates)[0];
  return first ? setDefault(templates, first.id) : [];
}

/** Moves `id` one place earlier ('up') or later ('down'); at either end nothing moves. */
export function reorder<T extends Ordered>(templates: readonly T[], id: string, direction: MoveDirection): T[] {
  const sorted = sortByOrder(templates);
  const moved = moveItem(sorted, sorted.findIndex((t) => t.id === id), direction) ?? sorted;
  return moved.map((t, k) => (t.order === k ? t : { ...t, order: k }));
}

/**
 * A copy of `t` under `newId`, named "<name> <nameSuffix>" (the suffix is the UI's "(salinan)"),
 * never the default, with the same `order` (place it with `insertTemplate(list, copy, t.id)`).
 */
export function duplicateTemplate<T extends TemplateRecord>(t: T, newId: string, nameSuffix: string): T {
  return {
    ...t,
    id: newId,
    name: `${t.name} ${nameSuffix}`.trim(),
    weekdays: [...t.weekdays],
    isDefault: false,
  };
}

/**
 * Adds `t` right after `afterId` (at the end when `afterId` is absent or unknown); renumbers.
 * If `t` is marked default it becomes the only default; the first template becomes the default.
 */
export function insertTemplate<T extends Ordered>(templates: readonly T[], t: T, afterId?: string): T[] {
  const sorted = sortByOrder(templates.filter((x) => x.id !== t.id));
  const at = afterId === undefined ? -1 : sorted.findIndex((x) => x.id === afterId);
  sorted.splice(at < 0 ? sorted.length : at + 1, 0, t);
  const renumbered = sorted.map((x, k) => (x.order === k ? x : { ...x, order: k }));
  return ensureOneDefault(t.isDefault ? setDefault(renumbered, t.id) : renumbered);
}

/** Removes `id`; renumbers; if it was the default, the first remaining template becomes the default. */
export function removeTemplate<T extends Ordered>(templates: readonly T[], id: string): T[] {
  return ensureOneDefault(normaliseOrder(templates.filter((t) => t.id !== id)));
}
