// The board as the rules see it part-way through one update: the view before it, plus the changes already accepted.
import type { RecordMapName } from '../doc/boardDoc.ts';
import type { BoardView, Change } from './Change.ts';

export interface BatchView {
  /** The record's fields after the changes applied so far; undefined when it does not exist (or was deleted). */
  get(map: RecordMapName, id: string): Record<string, unknown> | undefined;
  /** Folds an accepted change into the view. */
  apply(change: Change): void;
  /** Records created, or whose given fields changed, in this batch: their ids per map. */
  touched(map: RecordMapName, fields?: readonly string[]): string[];
}

/** Starts a batch over `view`; the view itself is never modified. */
export function batchView(view: BoardView): BatchView {
  // null marks a record deleted in this batch.
  const records = new Map<string, Record<string, unknown> | null>();
  const touchedFields = new Map<string, Set<string>>();
  const key = (map: RecordMapName, id: string) => `${map}\u0000${id}`;

  function get(map: RecordMapName, id: string): Record<string, unknown> | undefined {
    const local = records.get(key(map, id));
    if (local === null) return undefined;
    return local ?? view.getRecord(map, id);
  }

  function touch(map: RecordMapName, id: string, field: string): void {
    const k = key(map, id);
    const set = touchedFields.get(k) ?? new Set<string>();
    set.add(field);
    touchedFields.set(k, set);
  }

  function apply(change: Change): void {
    switch (change.kind) {
      case 'createRecord':
        records.set(key(change.map, change.id), { ...change.fields });
        touch(change.map, change.id, '*created');
        return;
      case 'deleteRecord':
        records.set(key(change.map, change.id), null);
        return;
      case 'setField':
      case 'deleteField': {
        const current = get(change.map, change.id);
        // A write into a record that no longer exists lands in a deleted map: nothing to track.
        if (!current) return;
        const next = { ...current };
        if (change.kind === 'setField') next[change.field] = change.value;
        else delete next[change.field];
        records.set(key(change.map, change.id), next);
        touch(change.map, change.id, change.field);
        return;
      }
      default:
        return;
    }
  }

  function touched(map: RecordMapName, fields?: readonly string[]): string[] {
    const ids: string[] = [];
    const prefix = `${map}\u0000`;
    for (const [k, set] of touchedFields) {
      if (!k.startsWith(prefix)) continue;
      if (!fields || set.has('*created') || fields.some((f) => set.has(f))) ids.push(k.slice(prefix.length));
    }
    return ids;
  }

  return { get, apply, touched };
}
