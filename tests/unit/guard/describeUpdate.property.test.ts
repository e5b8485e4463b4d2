// Properties of the update decoder: it never throws, and whatever it accepts changes no more than it says.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote, createGroup, deleteGroup, deleteNote, editNote, moveNote } from '@shared/doc/ops.ts';
import { describeUpdate } from '../../../server/src/guard/describeUpdate.ts';
import {
  alice,
  captureUpdate,
  craftUpdate,
  diffFor,
  formatViolations,
  mutate,
  newRoom,
  snapshot,
  syncedClient,
  unexplained,
  type CraftedRun,
} from './guardFixtures.ts';

const room = newRoom();
const roomState = Y.encodeStateAsUpdate(room);

/** Valid updates of many shapes, all against `room`: the seeds that mutations start from. */
function seedUpdates(): Uint8Array[] {
  const seeds: Uint8Array[] = [];
  const fresh = () => syncedClient(room);
  const c1 = fresh();
  seeds.push(
    captureUpdate(c1, () =>
      addNote(c1, { id: 'n9', areaId: 'ex1-a2', text: 'idea', author: alice, createdAt: 5, x: 1, y: 2 }),
    ),
  );
  const c2 = fresh();
  seeds.push(captureUpdate(c2, () => editNote(c2, 'n1', 'edited')));
  const c3 = fresh();
  seeds.push(captureUpdate(c3, () => moveNote(c3, 'n1', { x: 9, y: 9, areaId: 'ex1-a3' })));
  const c4 = fresh();
  seeds.push(captureUpdate(c4, () => deleteNote(c4, 'n2')));
  const c5 = fresh();
  seeds.push(captureUpdate(c5, () => createGroup(c5, { id: 'g7', areaId: 'ex1-a1', noteIds: ['n3'], label: 'x' })));
  const c6 = fresh();
  seeds.push(captureUpdate(c6, () => deleteGroup(c6, 'g1')));
  const c7 = fresh();
  seeds.push(
    captureUpdate(c7, () =>
      c7.transact(() => {
        boardMaps(c7).session.set('phase', 'post');
        boardMaps(c7).meta.delete('title');
      }),
    ),
  );
  const c8 = fresh();
  addNote(c8, { id: 'n10', areaId: 'ex1-a2', text: 'offline', author: alice, createdAt: 6 });
  moveNote(c8, 'n3', { x: 4, y: 4 });
  deleteNote(c8, 'n1');
  seeds.push(diffFor(room, c8));
  seeds.push(Y.mergeUpdates([seeds[0] as Uint8Array, seeds[1] as Uint8Array]));
  return seeds;
}

const seeds = seedUpdates();

/** Byte-level damage: overwrite, insert, delete and truncate, as a fuzzer (or a broken client) would. */
const mutation = fc.record({
  seed: fc.nat(seeds.length - 1),
  edits: fc.array(
    fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('set', 'set', 'set', 'set', 'insert', 'remove', 'truncate'),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const KEYS = ['text', 'x', 'groupId', 'label', 'n1', 'n2', 'g1', 'phase', 'title', '__proto__', 'ex1-a1'];
const ROOTS = ['notes', 'groups', 'meta', 'session', 'areas', 'evil'];
const CONTENTS = [
  () => new Y.ContentDeleted(1),
  () => new Y.ContentAny(['v']),
  () => new Y.ContentAny([1, 2]),
  () => new Y.ContentType(new Y.Map()),
  () => new Y.ContentType(new Y.Text()),
  () => new Y.ContentString('s'),
];

/** Edits to decoded structs: the update stays readable, so the decoder's logic (not its parser) is exercised. */
const structEdit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('origin', 'rightOrigin', 'dropOrigins', 'parentSub', 'content', 'delete', 'shiftDelete'),
  pick: fc.nat(),
  delta: fc.integer({ min: -3, max: 3 }),
});
const structMutation = fc.record({
  seed: fc.nat(seeds.length - 1),
  edits: fc.array(structEdit, { minLength: 1, maxLength: 3 }),
});

function editStructs(
  bytes: Uint8Array,
  edits: { at: number; kind: string; pick: number; delta: number }[],
): Uint8Array {
  const { structs, ds } = Y.decodeUpdate(bytes);
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const deletes: [number, number, number][] = [];
  ds.clients.forEach((ranges, client) => ranges.forEach((r) => deletes.push([client, r.clock, r.len])));
  const clients = [room.clientID, ...new Set(structs.map((s) => s.id.client))];
  for (const { at, kind, pick, delta } of edits) {
    const item = items[at % Math.max(items.length, 1)];
    const someId = () =>
      Y.createID(clients[pick % clients.length] as number, Math.max(0, (item?.id.clock ?? 0) + delta));
    if (kind === 'delete' || kind === 'shiftDelete') {
      if (kind === 'delete' && item) deletes.push([item.id.client, item.id.clock, 1]);
      const range = deletes[pick % Math.max(deletes.length, 1)];
      if (kind === 'shiftDelete' && range)
        range[pick % 2 === 0 ? 1 : 2] = Math.max(0, (range[pick % 2 === 0 ? 1 : 2] ?? 0) + delta);
      continue;
    }
    if (!item) continue;
    if (kind === 'origin') item.origin = someId();
    else if (kind === 'rightOrigin') item.rightOrigin = someId();
    else if (kind === 'dropOrigins') {
      item.origin = null;
      item.rightOrigin = null;
      item.parent = (pick % 3 === 0 ? someId() : ROOTS[pick % ROOTS.length]) as unknown as Y.ID;
      item.parentSub = delta === 0 ? null : (KEYS[pick % KEYS.length] as string);
    } else if (kind === 'parentSub') item.parentSub = KEYS[pick % KEYS.length] as string;
    else {
      item.content = (CONTENTS[pick % CONTENTS.length] as () => Y.Item['content'])();
      item.length = item.content.getLength();
    }
    if (item.origin === null && item.rightOrigin === null && item.parent === null)
      item.parent = 'notes' as unknown as Y.ID;
  }
  const runs: CraftedRun[] = [];
  for (const struct of structs) {
    const last = runs[runs.length - 1];
    if (last && last.client === struct.id.client) last.structs.push(struct);
    else runs.push({ client: struct.id.client, clock: struct.id.clock, structs: [struct] });
  }
  return craftUpdate(runs, deletes);
}

/** Describes, and when the update is accepted without unsupported content, applies it to a copy and compares. */
function checkAgainstYjs(update: Uint8Array): 'refused' | 'unsupported' | 'applied' {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, roomState);
  const described = describeUpdate(copy, update);
  if (!described.ok) {
    // A refusal is said in words, for the person whose update it was.
    expect(described.reason).toMatch(/^[A-Z].*\.$/);
    return 'refused';
  }
  if (described.value.some((change) => change.kind === 'unsupported')) return 'unsupported';
  const before = snapshot(copy);
  Y.applyUpdate(copy, update);
  expect(copy.store.pendingStructs).toBeNull();
  expect(copy.store.pendingDs).toBeNull();
  expect(formatViolations(copy)).toEqual([]);
  expect(unexplained(before, snapshot(copy), described.value)).toEqual([]);
  return 'applied';
}

/** Fixed seeds, so a failure can be replayed; fast-check prints the seed and path of any counterexample. */
const SEEDS = { randomBytes: 41_017, damagedUpdates: 41_018, editedStructs: 41_019 };

describe(`describeUpdate properties (fast-check seeds ${JSON.stringify(SEEDS)})`, () => {
  it('on random bytes: refuses in words, or accepts only what applies cleanly and changes only what it describes', () => {
    // describeUpdate catches every throw, so "does not throw" would prove nothing: judge what it returns.
    const outcomes = { refused: 0, unsupported: 0, applied: 0 };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        outcomes[checkAgainstYjs(bytes)]++;
      }),
      { numRuns: 2000, seed: SEEDS.randomBytes },
    );
    console.log(outcomes);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('the seeds themselves are accepted and fully explained', () => {
    for (const seed of seeds) checkAgainstYjs(seed);
    expect(seeds.every((seed) => describeUpdate(room, seed).ok)).toBe(true);
  });

  it('never throws on damaged valid updates, and what it accepts changes only what it describes', () => {
    const outcomes = { refused: 0, unsupported: 0, applied: 0 };
    fc.assert(
      fc.property(mutation, ({ seed, edits }) => {
        outcomes[checkAgainstYjs(mutate(seeds[seed] as Uint8Array, edits))]++;
      }),
      { numRuns: 3000, seed: SEEDS.damagedUpdates },
    );
    console.log(outcomes);
    // The property only bites if damaged updates get through often enough to be applied and compared.
    expect(outcomes.applied).toBeGreaterThan(30);
  });

  it('never throws on edited structs, and what it accepts changes only what it describes', () => {
    const outcomes = { refused: 0, unsupported: 0, applied: 0 };
    fc.assert(
      fc.property(structMutation, ({ seed, edits }) => {
        outcomes[checkAgainstYjs(editStructs(seeds[seed] as Uint8Array, edits))]++;
      }),
      { numRuns: 3000, seed: SEEDS.editedStructs },
    );
    console.log(outcomes);
    expect(outcomes.applied).toBeGreaterThan(500);
  });
});
