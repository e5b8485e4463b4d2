// Collects what an update writes to each key of the board, then says it as Change[] (last write wins).
import type * as Y from 'yjs';
import type { RecordMapName } from '@shared/doc/boardDoc.ts';
import type { Change, ValueMapName } from '@shared/rules/Change.ts';

/** What the room's doc holds before the update, for telling a real deletion from a no-op. */
export interface CurrentDoc {
  hasRecord(map: RecordMapName, id: string): boolean;
  hasValue(map: ValueMapName, key: string): boolean;
  /** Whether the record held by `holder` (an existing item) has `field`. */
  hasField(holder: Y.Item, field: string): boolean;
}

/** Marks a write that leaves the key empty (a deleted value, or a new value deleted by the same update). */
export const DELETION: unique symbol = Symbol('deletion');

/** Everything written to one key: the values that stay, and whether anything removed what was there. */
interface KeyWrites {
  values: unknown[];
  isCleared: boolean;
}

interface NewRecord {
  isLive: boolean;
  fields: Map<string, KeyWrites>;
}

type Entry =
  | { kind: 'unsupported'; reason: string }
  | { kind: 'record'; map: RecordMapName; id: string; records: NewRecord[]; isCleared: boolean }
  | { kind: 'value'; map: ValueMapName; key: string; writes: KeyWrites }
  | { kind: 'field'; map: RecordMapName; id: string; field: string; holder: Y.Item; writes: KeyWrites };

function record(writes: KeyWrites, value: unknown | typeof DELETION): void {
  if (value === DELETION) writes.isCleared = true;
  else writes.values.push(value);
}

/**
 * A field name as an own property, even "__proto__" (the one accessor on Object.prototype, where a plain
 * assignment would set the prototype instead). Plain assignment otherwise: defineProperty on every field of
 * every new note was a tenth of the guard's time in the fill profile.
 */
function defineField(fields: Record<string, unknown>, field: string, value: unknown): void {
  if (field === '__proto__') {
    Object.defineProperty(fields, field, { value, enumerable: true, writable: true, configurable: true });
  } else fields[field] = value;
}

export function createChangeLedger() {
  // Insertion order is the order of first touch: structs in integration order, then the delete set.
  const entries = new Map<string, Entry>();
  const newRecords = new Map<Y.Item, NewRecord>();
  const deletedHolders = new Set<Y.Item>();
  const fieldKeys = new Map<Y.Item, Map<string, Entry & { kind: 'field' }>>();

  function entry<E extends Entry>(key: string, make: () => E): E {
    const found = entries.get(key);
    if (found) return found as E;
    const made = make();
    entries.set(key, made);
    return made;
  }

  const recordEntry = (map: RecordMapName, id: string) =>
    entry<Entry & { kind: 'record' }>(`r\u0000${map}\u0000${id}`, () => ({
      kind: 'record',
      map,
      id,
      records: [],
      isCleared: false,
    }));

  function unsupported(reason: string): void {
    entry(`u\u0000${reason}`, () => ({ kind: 'unsupported' as const, reason }));
  }

  return {
    unsupported,
    /** A new record map put at `id`; `isLive` is false when the same update deletes it again. */
    putRecord(map: RecordMapName, id: string, holder: Y.Item, isLive: boolean): void {
      const created: NewRecord = { isLive, fields: new Map() };
      newRecords.set(holder, created);
      const target = recordEntry(map, id);
      target.records.push(created);
      if (!isLive) target.isCleared = true;
    },
    /** The record at `id` removed; `holder` is the removed item when it held an existing record. */
    clearRecord(map: RecordMapName, id: string, holder?: Y.Item): void {
      recordEntry(map, id).isCleared = true;
      if (holder) deletedHolders.add(holder);
    },
    putValue(map: ValueMapName, key: string, value: unknown | typeof DELETION): void {
      const target = entry(`v\u0000${map}\u0000${key}`, () => ({
        kind: 'value' as const,
        map,
        key,
        writes: { values: [] as unknown[], isCleared: false },
      }));
      record(target.writes, value);
    },
    putField(
      map: RecordMapName,
      id: string,
      holder: Y.Item,
      isNew: boolean,
      field: string,
      value: unknown | typeof DELETION,
    ): void {
      if (isNew) {
        const created = newRecords.get(holder);
        if (!created) return unsupported('a field of a record that is not there');
        const writes = created.fields.get(field) ?? { values: [], isCleared: false };
        created.fields.set(field, writes);
        return record(writes, value);
      }
      let byField = fieldKeys.get(holder);
      if (!byField) fieldKeys.set(holder, (byField = new Map()));
      let target = byField.get(field);
      if (!target) {
        target = { kind: 'field', map, id, field, holder, writes: { values: [], isCleared: false } };
        byField.set(field, target);
        // Keyed by the entry object: two holders may (briefly) share an id, and field names are free text.
        entries.set(`f\u0000${entries.size}`, target);
      }
      record(target.writes, value);
    },
    /** The changes, one per touched key, against the doc as it is before the update. */
    changes(current: CurrentDoc): Change[] {
      const changes: Change[] = [];
      const several = (where: string): Change => ({
        kind: 'unsupported',
        reason: `several values written to ${where} at once`,
      });
      for (const e of entries.values()) {
        switch (e.kind) {
          case 'unsupported':
            changes.push({ kind: 'unsupported', reason: e.reason });
            break;
          case 'record': {
            const live = e.records.filter((r) => r.isLive);
            const exists = current.hasRecord(e.map, e.id);
            if (live.length > 1) changes.push(several(`"${e.map}" ${e.id}`));
            else if ((live.length === 1 || e.isCleared) && exists)
              changes.push({ kind: 'deleteRecord', map: e.map, id: e.id });
            const created = live.length === 1 ? live[0] : undefined;
            if (!created) break;
            const fields: Record<string, unknown> = {};
            for (const [field, writes] of created.fields) {
              if (writes.values.length > 1) changes.push(several(`the field "${field}"`));
              else if (writes.values.length === 1) defineField(fields, field, writes.values[0]);
            }
            changes.push({ kind: 'createRecord', map: e.map, id: e.id, fields });
            break;
          }
          case 'value': {
            const { values, isCleared } = e.writes;
            if (values.length > 1) changes.push(several(`"${e.map}".${e.key}`));
            else if (values.length === 1) changes.push({ kind: 'setValue', map: e.map, key: e.key, value: values[0] });
            else if (isCleared && current.hasValue(e.map, e.key))
              changes.push({ kind: 'deleteValue', map: e.map, key: e.key });
            break;
          }
          case 'field': {
            // Writes into a record this update deletes end up deleted with it.
            if (deletedHolders.has(e.holder)) break;
            const { values, isCleared } = e.writes;
            if (values.length > 1) changes.push(several(`the field "${e.field}"`));
            else if (values.length === 1)
              changes.push({ kind: 'setField', map: e.map, id: e.id, field: e.field, value: values[0] });
            else if (isCleared && current.hasField(e.holder, e.field)) {
              changes.push({ kind: 'deleteField', map: e.map, id: e.id, field: e.field });
            }
            break;
          }
        }
      }
      return changes;
    },
  };
}

export type ChangeLedger = ReturnType<typeof createChangeLedger>;
