// groupBy and byArea: one list per key, each in the items' order, values mapped when asked.
import { describe, expect, it } from 'vitest';
import { byArea, groupBy } from '@shared/collections/groupBy.ts';

describe('groupBy', () => {
  it('lists items by key in their order, keys in order of first appearance', () => {
    const lists = groupBy([3, 1, 4, 1, 5, 9, 2, 6], (n) => n % 3);
    expect([...lists.entries()]).toEqual([
      [0, [3, 9, 6]],
      [1, [1, 4, 1]],
      [2, [5, 2]],
    ]);
  });

  it('maps each item to its value, and keeps undefined as a key of its own', () => {
    const items = [
      { id: 'a', group: 'g1' },
      { id: 'b', group: undefined },
      { id: 'c', group: 'g1' },
    ];
    const lists = groupBy(
      items,
      (item) => item.group,
      (item) => item.id,
    );
    expect(lists.get('g1')).toEqual(['a', 'c']);
    expect(lists.get(undefined)).toEqual(['b']);
    expect(groupBy([], (n: number) => n).size).toBe(0);
  });

  it('byArea lists records by station', () => {
    const notes = [
      { id: 'n1', areaId: 's2' },
      { id: 'n2', areaId: 's1' },
      { id: 'n3', areaId: 's2' },
    ];
    const lists = byArea(notes);
    expect(lists.get('s2')?.map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(lists.get('s1')).toEqual([notes[1]]);
  });
});
