import { describe, expect, it } from 'vitest';
import { moveItem, moveTarget } from '@/utils/list/move';

describe('moving one item of a list', () => {
  const list = ['a', 'b', 'c'] as const;

  it('moves one place up or down and leaves the list it was given as it was', () => {
    expect(moveItem(list, 1, 'up')).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 1, 'down')).toEqual(['a', 'c', 'b']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('does not move past either end, nor an index outside the list', () => {
    expect(moveTarget(list, 0, 'up')).toBe(-1);
    expect(moveTarget(list, 2, 'down')).toBe(-1);
    expect(moveItem(list, 0, 'up')).toBeNull();
    expect(moveItem(list, -1, 'down')).toBeNull();
    expect(moveItem(list, 3, 'up')).toBeNull();
    expect(moveItem([], 0, 'down')).toBeNull();
  });

  it('asks canSwap about the two items that would change places', () => {
    const group = (s: string) => (s === 'c' ? 1 : 0);
    const sameGroup = (x: string, y: string) => group(x) === group(y);
    expect(moveTarget(list, 0, 'down', sameGroup)).toBe(1);
    expect(moveTarget(list, 1, 'down', sameGroup)).toBe(-1);
    expect(moveItem(list, 2, 'up', sameGroup)).toBeNull();
  });
});
