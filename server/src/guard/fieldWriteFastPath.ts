// The guard's fast path for the next commonest update: new values for fields of existing records (a move, an edit).
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { RECORD_MAPS, type RecordMapName } from '@shared/doc/boardDoc.ts';
import type { Change } from '@shared/rules/Change.ts';
import { isPlainJson } from './isPlainJson.ts';
import { MAX_KEY_LENGTH } from './updateBounds.ts';
import { fastPath } from './fastPathRun.ts';
import type { UpdateInspection } from './describeUpdate.ts';

/** v1 struct info: the content kind in the low bits, then flags for a parent key, a right origin and an origin. */
const CONTENT_BITS = 0x1f;
const CONTENT_ANY = 8;
const HAS_KEY = 0x20;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_ORIGIN = 0x80;

/** The record map `type` is the root of, if it is one. */
function recordMapOf(doc: Y.Doc, type: unknown): RecordMapName | undefined {
  return RECORD_MAPS.find((name) => doc.share.get(name) === type);
}

/** The room doc's item with exactly this id, if there is one. */
function itemAt(store: Y.Doc['store'], client: number, clock: number): Y.Item | undefined {
  if (clock >= Y.getState(store, client)) return undefined;
  const structs = store.clients.get(client)!;
  const struct = structs[Y.findIndexSS(structs, clock)];
  return struct instanceof Y.Item && struct.id.clock === clock ? struct : undefined;
}

/** A live record: a plain map held at a key of a record map, not deleted. */
function liveRecord(doc: Y.Doc, holder: Y.Item | null | undefined) {
  if (!holder || holder.deleted || holder.parentSub === null || holder.length !== 1) return undefined;
  const { content } = holder;
  if (!(content instanceof Y.ContentType) || content.type.constructor !== Y.Map) return undefined;
  const map = recordMapOf(doc, holder.parent);
  return map ? { map, id: holder.parentSub, type: content.type as Y.Map<unknown> } : undefined;
}

/** A field's live value, of a live record, that a deletion removes (the field goes with it). */
function removedField(doc: Y.Doc, item: Y.Item | undefined) {
  if (!item || item.deleted || item.length !== 1 || item.parentSub === null || !(item.parent instanceof Y.Map)) return;
  if (item.parent._map.get(item.parentSub) !== item || !item.parent._item) return;
  const record = liveRecord(doc, item.parent._item);
  return record && { ...record, holder: item.parent._item, field: item.parentSub };
}

/**
 * What the full inspection would say of `update` when it is exactly what a client sends to set fields of records
 * it holds (see fastPath for the run): each struct a single plain-JSON value of a live record, either right after
 * the field's live value (its origin, no right origin) or at a key the record never had (the holder's id as parent);
 * no field twice; the delete set the old values replaced, and besides them only live values of fields of live
 * records (those fields removed). Anything else gives null and the full inspection decides. For this shape the full
 * inspection reaches one outcome: the bounds hold, each struct integrates whole, nothing else is deleted, no
 * tombstone is left, each struct is one setField and each other deletion one deleteField, in that order.
 */
export const inspectFieldWrites = fastPath((doc, { decoder, structs }): UpdateInspection | null => {
  const store = doc.store;
  const changes: Change[] = [];
  /** The old values to delete, by client, then clock. */
  const replaced = new Map<number, Set<number>>();
  let replacedCount = 0;
  /** Fields written, per record: none twice. */
  const written = new Map<Y.Item, Set<string>>();
  for (let s = 0; s < structs; s++) {
    const info = decoding.readUint8(decoder)!;
    if ((info & CONTENT_BITS) !== CONTENT_ANY || (info & HAS_RIGHT_ORIGIN) !== 0) return null;
    let holder: Y.Item | null;
    let field: string;
    if ((info & HAS_ORIGIN) !== 0) {
      // Placed after the field's live value in the room's doc, with nothing after it (the key is the value's).
      const originClient = decoding.readVarUint(decoder);
      const originClock = decoding.readVarUint(decoder);
      const old = itemAt(store, originClient, originClock);
      if (!old || old.deleted || old.length !== 1 || old.right !== null || old.parentSub === null) return null;
      if (!(old.parent instanceof Y.Map) || old.parent._map.get(old.parentSub) !== old) return null;
      holder = old.parent._item;
      field = old.parentSub;
      const ofClient = replaced.get(originClient) ?? new Set<number>();
      replaced.set(originClient, ofClient.add(originClock));
      replacedCount++;
    } else {
      // A field the record has never had: its holder's id as parent, and the key.
      if ((info & HAS_KEY) === 0 || decoding.readVarUint(decoder) !== 0) return null;
      holder = itemAt(store, decoding.readVarUint(decoder), decoding.readVarUint(decoder)) ?? null;
      field = decoding.readVarString(decoder);
      if (field.length > MAX_KEY_LENGTH) return null;
      const held = holder?.content;
      if (!(held instanceof Y.ContentType) || held.type._map.has(field)) return null;
    }
    const record = liveRecord(doc, holder);
    if (!holder || !record) return null;
    const fields = written.get(holder) ?? new Set<string>();
    if (fields.has(field)) return null;
    written.set(holder, fields.add(field));

    if (decoding.readVarUint(decoder) !== 1) return null;
    const value: unknown = decoding.readAny(decoder);
    if (!isPlainJson(value)) return null;
    changes.push({ kind: 'setField', map: record.map, id: record.id, field, value });
  }

  // The delete set: the old values replaced, each once, and the live values of fields it removes.
  let deletes = 0;
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const deleter = decoding.readVarUint(decoder);
    const ofClient = replaced.get(deleter);
    const ranges = decoding.readVarUint(decoder);
    if (ranges < 1) return null;
    for (let r = 0; r < ranges; r++) {
      const from = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      if (length < 1) return null;
      for (let at = from; at < from + length; at++) {
        if (ofClient?.delete(at)) {
          deletes++;
          continue;
        }
        const removed = removedField(doc, itemAt(store, deleter, at));
        if (!removed) return null;
        const fields = written.get(removed.holder) ?? new Set<string>();
        if (fields.has(removed.field)) return null;
        written.set(removed.holder, fields.add(removed.field));
        changes.push({ kind: 'deleteField', map: removed.map, id: removed.id, field: removed.field });
      }
    }
  }
  if (deletes !== replacedCount || decoding.hasContent(decoder)) return null;
  return { changes, writes: true };
});
