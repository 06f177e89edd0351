/**
 * Moving one item of an ordered list one place up or down: the templates' order, the accounts'
 * order (within a display group) and the buttons that offer the move all ask here.
 */

export type MoveDirection = 'up' | 'down';

/**
 * The index the item at `i` moves to, one place earlier ('up') or later ('down'), or -1 when it
 * cannot move: `i` is not in the list, the item is at that end, or `canSwap` refuses the pair
 * (e.g. items of different groups).
 */
export function moveTarget<T>(
  list: readonly T[],
  i: number,
  direction: MoveDirection,
  canSwap: (item: T, other: T) => boolean = () => true,
): number {
  const j = direction === 'up' ? i - 1 : i + 1;
  return i >= 0 && i < list.length && j >= 0 && j < list.length && canSwap(list[i]!, list[j]!) ? j : -1;
}

/** A copy of `list` with the item at `i` moved one place (see `moveTarget`), or null when it cannot move. */
export function moveItem<T>(
  list: readonly T[],
  i: number,
  direction: MoveDirection,
  canSwap?: (item: T, other: T) => boolean,
): T[] | null {
  const j = moveTarget(list, i, direction, canSwap);
  if (j < 0) return null;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
