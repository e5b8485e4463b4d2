// Items in lists by a key, in one pass, each list in the items' order: instead of one filter per key.

/** The lists of `items` (or of `value` of each) by `key`, in the order of `items`. */
export function groupBy<T, K, V = T>(
  items: Iterable<T>,
  key: (item: T) => K,
  value: (item: T) => V = (item) => item as unknown as V,
): Map<K, V[]> {
  const lists = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = lists.get(k);
    if (list) list.push(value(item));
    else lists.set(k, [value(item)]);
  }
  return lists;
}

/** Records of a board (notes, groups, hand-offs) by the station they belong to. */
export const byArea = <T extends { areaId: string }>(records: Iterable<T>): Map<string, T[]> =>
  groupBy(records, (record) => record.areaId);
