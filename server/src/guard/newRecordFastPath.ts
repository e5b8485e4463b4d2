// The guard's fast path for the commonest update: one new record (a note posted) with plain values in its fields.
import * as decoding from 'lib0/decoding';
import { isRecordMap } from '@shared/doc/boardDoc.ts';
import type { Change } from '@shared/rules/Change.ts';
import { isPlainJson } from './isPlainJson.ts';
import { MAX_KEY_LENGTH } from './updateBounds.ts';
import { fastPath } from './fastPathRun.ts';
import type { UpdateInspection } from './describeUpdate.ts';

/** v1 struct info: content kind in the low bits; origin, right origin and parent key flags above. */
const CONTENT_BITS = 0x1f;
const HAS_ORIGINS = 0xc0;
const HAS_KEY = 0x20;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const TYPE_MAP = 1;

/**
 * What the full inspection would say of `update` when it is exactly the shape a client writes for one new record
 * (see fastPath for the run), with no deletions: the first struct a map put at a key of a record map where the map
 * has never had that key; each other a single plain-JSON value at a distinct key of that new map, no origins.
 * Anything else gives null, and the full inspection decides. For
 * this shape every step of the full inspection has one outcome: the bounds hold, each struct integrates whole in
 * order, nothing is deleted, no tombstone is left, and the one change is the record's creation with these fields.
 */
export const inspectNewRecord = fastPath((doc, { decoder, client, clock, structs }): UpdateInspection | null => {
  // The record's holder: a root record map, a key it never had, a plain Y.Map.
  const info = decoding.readUint8(decoder);
  if ((info & (CONTENT_BITS | HAS_ORIGINS | HAS_KEY)) !== (CONTENT_TYPE | HAS_KEY)) return null;
  if (decoding.readVarUint(decoder) !== 1) return null;
  const map = decoding.readVarString(decoder);
  const id = decoding.readVarString(decoder);
  if (!isRecordMap(map) || id.length > MAX_KEY_LENGTH) return null;
  if (decoding.readVarUint(decoder) !== TYPE_MAP) return null;
  const root = doc.share.get(map);
  if (!root || root._map.has(id)) return null;

  // Its fields: a key of the holder's map each, one plain value each, no key twice.
  const fields: Record<string, unknown> = {};
  for (let s = 1; s < structs; s++) {
    if (decoding.readUint8(decoder) !== (CONTENT_ANY | HAS_KEY)) return null;
    if (decoding.readVarUint(decoder) !== 0) return null;
    if (decoding.readVarUint(decoder) !== client || decoding.readVarUint(decoder) !== clock) return null;
    const field = decoding.readVarString(decoder);
    if (field.length > MAX_KEY_LENGTH || field === '__proto__' || Object.hasOwn(fields, field)) return null;
    if (decoding.readVarUint(decoder) !== 1) return null;
    const value: unknown = decoding.readAny(decoder);
    if (!isPlainJson(value)) return null;
    fields[field] = value;
  }
  // An empty delete set, and nothing after it.
  if (decoding.readVarUint(decoder) !== 0 || decoding.hasContent(decoder)) return null;
  const changes: Change[] = [{ kind: 'createRecord', map, id, fields }];
  return { changes, writes: true };
});
