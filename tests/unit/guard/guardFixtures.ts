// Rooms, synced clients, captured updates and an end-state oracle for the update decoder's tests.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { expect } from 'vitest';
import { boardMaps, MAP_NAMES, isRecordMap, type RecordMapName } from '@shared/doc/boardDoc.ts';
import { addNote, createBoard, createGroup } from '@shared/doc/ops.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import type { Change } from '@shared/rules/Change.ts';
import fc from 'fast-check';
import { describeUpdate, inspectInFull, type UpdateInspection } from '../../../server/src/guard/describeUpdate.ts';

export const alice = { id: 'p-alice', name: 'Alice', role: 'participant' as const };
export const bob = { id: 'p-bob', name: 'Bob', role: 'participant' as const };

/** A board from the ssr2-copenhagen template with three notes (n1, n2 grouped in g1; n3) in station ex1-a1. */
export function newRoom(): Y.Doc {
  const room = new Y.Doc();
  const template = getTemplate('ssr2-copenhagen');
  if (!template) throw new Error('template missing');
  expect(createBoard(room, template, { title: 'SSR2 ToR', createdAt: 1000 }).ok).toBe(true);
  addNote(room, { id: 'n1', areaId: 'ex1-a1', text: 'DNSSEC', author: alice, createdAt: 10, x: 5, y: 6 }, 'remote');
  addNote(room, { id: 'n2', areaId: 'ex1-a1', text: 'KSK rollover', author: bob, createdAt: 11 }, 'remote');
  addNote(room, { id: 'n3', areaId: 'ex1-a1', text: 'Root zone', author: alice, createdAt: 12 }, 'remote');
  expect(createGroup(room, { id: 'g1', areaId: 'ex1-a1', label: 'Keys', noteIds: ['n1', 'n2'] }, 'remote').ok).toBe(
    true,
  );
  return room;
}

/** A client doc holding exactly what the room holds (as after the y-websocket sync). */
export function syncedClient(room: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  return client;
}

/** The update(s) `write` produces on `doc`, merged into one, as a provider would send them. */
export function captureUpdate(doc: Y.Doc, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  write();
  doc.off('update', listen);
  if (updates.length === 0) throw new Error('the write produced no update');
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}

/** What the client has that the room lacks (the y-websocket sync step 2 message body). */
export function diffFor(room: Y.Doc, client: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
}

type Snapshot = Record<string, Record<string, unknown>>;

/** Every board map as plain JSON. */
export function snapshot(doc: Y.Doc): Snapshot {
  const maps = boardMaps(doc);
  const out: Snapshot = {};
  for (const name of MAP_NAMES) out[name] = maps[name].toJSON() as Record<string, unknown>;
  return out;
}

/** The board the changes describe, folded onto a snapshot (a write into a missing record changes nothing). */
export function applyChanges(before: Snapshot, changes: Change[]): Snapshot {
  const next: Snapshot = structuredClone(before);
  const records = (map: RecordMapName) => next[map] as Record<string, Record<string, unknown>>;
  for (const change of changes) {
    switch (change.kind) {
      case 'createRecord':
        records(change.map)[change.id] = structuredClone(change.fields);
        break;
      case 'deleteRecord':
        delete records(change.map)[change.id];
        break;
      case 'setField': {
        const record = records(change.map)[change.id];
        if (record) record[change.field] = structuredClone(change.value);
        break;
      }
      case 'deleteField':
        delete records(change.map)[change.id]?.[change.field];
        break;
      case 'setValue':
        (next[change.map] as Record<string, unknown>)[change.key] = structuredClone(change.value);
        break;
      case 'deleteValue':
        delete (next[change.map] as Record<string, unknown>)[change.key];
        break;
      case 'unsupported':
        throw new Error(`cannot fold an unsupported change: ${change.reason}`);
    }
  }
  return next;
}

/** A copy of the room to apply updates to, so one room serves many cases. */
export function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Asserts the exact changes, then that applying the update yields exactly the board they describe. */
export function expectDescribed(room: Y.Doc, update: Uint8Array, expected: Change[]): void {
  const described = describeUpdate(room, update);
  expect(described).toEqual({ ok: true, value: expected });
  const before = snapshot(room);
  Y.applyUpdate(room, update);
  expect(snapshot(room)).toEqual(applyChanges(before, expected));
}

/** Board keys whose value differs between two snapshots and that no change accounts for. */
export function unexplained(before: Snapshot, after: Snapshot, changes: Change[]): string[] {
  const covered = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'createRecord' || c.kind === 'deleteRecord') covered.add(`${c.map}/${c.id}`);
    else if (c.kind === 'setField' || c.kind === 'deleteField') covered.add(`${c.map}/${c.id}/${c.field}`);
    else if (c.kind === 'setValue' || c.kind === 'deleteValue') covered.add(`${c.map}/${c.key}`);
  }
  const missing: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const name of MAP_NAMES) {
    const was = before[name] ?? {};
    const now = after[name] ?? {};
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (same(was[key], now[key])) continue;
      if (!isRecordMap(name) || covered.has(`${name}/${key}`)) {
        if (!covered.has(`${name}/${key}`)) missing.push(`${name}/${key}`);
        continue;
      }
      const a = (was[key] ?? {}) as Record<string, unknown>;
      const b = (now[key] ?? {}) as Record<string, unknown>;
      if (!(key in was) || !(key in now)) missing.push(`${name}/${key}`);
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!same(a[field], b[field]) && !covered.has(`${name}/${key}/${field}`))
          missing.push(`${name}/${key}/${field}`);
      }
    }
  }
  return missing;
}

/** Content outside the board format: unknown roots with content, list content, records that are not plain maps. */
export function formatViolations(doc: Y.Doc): string[] {
  const found: string[] = [];
  const liveList = (type: Y.AbstractType<any>) => {
    for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
    return false;
  };
  for (const [name, type] of doc.share) {
    const known = (MAP_NAMES as readonly string[]).includes(name);
    if (!known) {
      if (liveList(type) || [...type._map.values()].some((item) => !item.deleted)) found.push(`root ${name}`);
      continue;
    }
    if (liveList(type)) found.push(`list content in ${name}`);
    type._map.forEach((item, key) => {
      if (item.deleted) return;
      const value: unknown = item.content.getContent()[item.length - 1];
      if (!isRecordMap(name)) {
        if (value instanceof Y.AbstractType || value instanceof Uint8Array || value instanceof Y.Doc)
          found.push(`${name}.${key}`);
        return;
      }
      if (!(value instanceof Y.Map) || value.constructor !== Y.Map)
        return void found.push(`${name}/${key} is not a map`);
      if (liveList(value)) found.push(`${name}/${key} has list content`);
      value._map.forEach((field, fieldKey) => {
        if (field.deleted) return;
        if (!(field.content instanceof Y.ContentAny) || field.length !== 1) found.push(`${name}/${key}/${fieldKey}`);
      });
    });
  }
  return found;
}

/** One client's consecutive structs, written as one group of a hand-made update. */
export interface CraftedRun {
  client: number;
  clock: number;
  structs: (Y.Item | Y.GC | Y.Skip)[];
}

/** Encodes runs and delete ranges ([client, clock, len]) as a v1 update, the way a hand-made client could. */
export function craftUpdate(runs: CraftedRun[], deletes: [number, number, number][] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder.restEncoder, run.structs.length);
    encoder.writeClient(run.client);
    encoding.writeVarUint(encoder.restEncoder, run.clock);
    for (const struct of run.structs) struct.write(encoder, 0);
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of deletes) byClient.set(client, [...(byClient.get(client) ?? []), [clock, len]]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** An item as it travels on the wire: a root name or a holder id as parent, or origins to copy it from. */
export function wireItem(
  client: number,
  clock: number,
  content: Y.Item['content'],
  at: { parent?: string | Y.ID; parentSub?: string; origin?: Y.ID; rightOrigin?: Y.ID },
): Y.Item {
  const parent = (at.parent ?? null) as Y.ID | null;
  return new Y.Item(
    Y.createID(client, clock),
    null,
    at.origin ?? null,
    null,
    at.rightOrigin ?? null,
    parent,
    at.parentSub ?? null,
    content,
  );
}

/** The id of the item currently holding `key` in `type`. */
export function idAt(type: Y.AbstractType<any>, key: string): Y.ID {
  const item = type._map.get(key);
  if (!item) throw new Error(`nothing at ${key}`);
  return item.id;
}

/** Byte-level damage to an update: overwrite, insert, delete and truncate, as a fuzzer (or a broken client) would. */
export function mutate(bytes: Uint8Array, edits: { at: number; kind: string; byte: number }[]): Uint8Array {
  let out = [...bytes];
  for (const { at, kind, byte } of edits) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (kind === 'set') out[i] = byte;
    else if (kind === 'insert') out.splice(i, 0, byte);
    else if (kind === 'remove') out.splice(i, 1);
    else out = out.slice(0, i);
  }
  return new Uint8Array(out);
}

/** Up to three byte edits for mutate(). */
export const byteEdits = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('set', 'set', 'set', 'insert', 'remove', 'truncate'),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  { minLength: 1, maxLength: 3 },
);

/**
 * Whether a fast path answered (`fast` is its answer to `update` against `room`); when it did, the full inspection
 * must say exactly the same, change for change and, in created records, field for field in the same order.
 */
export function fastPathAgrees(room: Y.Doc, update: Uint8Array, fast: UpdateInspection | null): boolean {
  if (fast === null) return false;
  const full = inspectInFull(room, update);
  expect(full).toEqual({ ok: true, value: fast });
  const keys = (changes: Change[]) => changes.map((c) => (c.kind === 'createRecord' ? Object.keys(c.fields) : []));
  if (full.ok) expect(keys(full.value.changes)).toEqual(keys(fast.changes));
  return true;
}
