// Records of a board (notes, groups) by the station they belong to, in their order: one pass, not a filter per station.

export function byArea<T extends { areaId: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const list = map.get(record.areaId);
    if (list) list.push(record);
    else map.set(record.areaId, [record]);
  }
  return map;
}
