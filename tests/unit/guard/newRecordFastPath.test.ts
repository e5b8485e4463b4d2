// The guard's fast path for a new record: taken for real posts, and whatever it answers, the full inspection agrees.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addNote, createGroup } from '@shared/doc/ops.ts';
import { inspectInFull, inspectUpdate } from '../../../server/src/guard/describeUpdate.ts';
import { inspectNewRecord } from '../../../server/src/guard/newRecordFastPath.ts';
import {
  alice,
  byteEdits,
  captureUpdate,
  craftUpdate,
  fastPathAgrees,
  mutate,
  newRoom,
  syncedClient,
  wireItem,
} from './guardFixtures.ts';

const room = newRoom();
/** A client that posted once already (its note is in the room), so its next post starts past clock 0. */
const regular = syncedClient(room);
Y.applyUpdate(
  room,
  captureUpdate(regular, () =>
    addNote(regular, { id: 'n8', areaId: 'ex1-a1', text: 'first', author: alice, createdAt: 1 }),
  ),
);

const posts: Uint8Array[] = [];
{
  const c1 = syncedClient(room);
  posts.push(
    captureUpdate(c1, () =>
      addNote(c1, { id: 'n9', areaId: 'ex1-a2', text: 'idéa 😀', author: alice, createdAt: 5, x: 1.5, y: -2 }),
    ),
  );
  posts.push(
    captureUpdate(regular, () =>
      addNote(regular, { id: 'n10', areaId: 'ex1-a3', text: 'second', author: alice, createdAt: 6 }),
    ),
  );
}
/** A new group also sets its notes' groupId: more than one record, so not the fast path's. */
const grouping = syncedClient(room);
const newGroup = captureUpdate(grouping, () =>
  createGroup(grouping, { id: 'g7', areaId: 'ex1-a1', noteIds: ['n3'], label: 'x' }),
);

/** A hand-made new record in `map` at `id`: a fresh client's holder, then one item per field. */
function crafted(map: string, id: string, fields: [string, Y.Item['content']][], client = 4242): Uint8Array {
  const holder = wireItem(client, 0, new Y.ContentType(new Y.Map()), { parent: map, parentSub: id });
  const items = fields.map(([field, content], i) =>
    wireItem(client, i + 1, content, { parent: Y.createID(client, 0), parentSub: field }),
  );
  return craftUpdate([{ client, clock: 0, structs: [holder, ...items] }]);
}

const oddOnes: Uint8Array[] = [
  crafted('notes', 'n1', [['text', new Y.ContentAny(['over an existing note'])]]),
  crafted('notes', 'n77', [
    ['text', new Y.ContentAny(['a'])],
    ['text', new Y.ContentAny(['b'])],
  ]),
  crafted('notes', 'n78', [['__proto__', new Y.ContentAny([{ polluted: true }])]]),
  crafted('notes', 'n79', [['text', new Y.ContentAny([undefined])]]),
  crafted('notes', 'n80', [['text', new Y.ContentAny([new Uint8Array([1])])]]),
  crafted('notes', 'n81', [['text', new Y.ContentAny(['a', 'b'])]]),
  crafted('notes', 'n82', [['text', new Y.ContentDeleted(1)]]),
  crafted('notes', 'n83', [['text', new Y.ContentType(new Y.Map())]]),
  crafted('notes', 'x'.repeat(500), [['text', new Y.ContentAny(['long id'])]]),
  crafted('meta', 'title', [['text', new Y.ContentAny(['not a record map'])]]),
  crafted('evil', 'n84', [['text', new Y.ContentAny(['no such root'])]]),
  crafted('notes', 'n85', []),
  craftUpdate([
    {
      client: 4243,
      clock: 0,
      structs: [wireItem(4243, 0, new Y.ContentType(new Y.Text()), { parent: 'notes', parentSub: 'n86' })],
    },
  ]),
  craftUpdate(
    [
      {
        client: 4244,
        clock: 0,
        structs: [wireItem(4244, 0, new Y.ContentType(new Y.Map()), { parent: 'notes', parentSub: 'n87' })],
      },
    ],
    [[4244, 0, 1]],
  ),
];

const expectAgrees = (update: Uint8Array) => fastPathAgrees(room, update, inspectNewRecord(room, update));

describe('the fast path for a new record', () => {
  it('is taken for real posts, and agrees with the full inspection', () => {
    expect(posts.map((post) => expectAgrees(post))).toEqual([true, true]);
    expect(expectAgrees(newGroup)).toBe(false);
    expect(inspectUpdate(room, posts[0]!)).toEqual(inspectInFull(room, posts[0]!));
  });

  it('agrees with the full inspection, or leaves it to it, on hand-made records', () => {
    const taken = oddOnes.map((update) => expectAgrees(update));
    // Only the ones a real client could write are its to answer; the rest go to the full inspection.
    expect(taken.filter(Boolean).length).toBeLessThan(oddOnes.length);
    expect(taken[0]).toBe(false); // a key the map had
    expect(taken[2]).toBe(false); // __proto__
    expect(taken.slice(3, 8).every((t) => !t)).toBe(true); // not one plain value
  });

  it('agrees with the full inspection on damaged bytes', () => {
    let takenCount = 0;
    fc.assert(
      fc.property(fc.nat(posts.length - 1), byteEdits, (seed, edits) => {
        if (expectAgrees(mutate(posts[seed]!, edits))) takenCount++;
      }),
      { numRuns: 3000 },
    );
    // Some damage leaves a valid post (a changed letter in a text): those must still agree, not merely be skipped.
    expect(takenCount).toBeGreaterThan(0);
  });

  it('leaves the room with parked changes to the full inspection', () => {
    const parked = newRoom();
    const ahead = syncedClient(parked);
    ahead.getMap('session').set('x', 1);
    const later = captureUpdate(ahead, () => ahead.getMap('session').set('y', 2));
    Y.applyUpdate(parked, later); // its clock is ahead of the room: yjs parks it
    expect(parked.store.pendingStructs).not.toBeNull();
    const c = syncedClient(parked);
    const post = captureUpdate(c, () =>
      addNote(c, { id: 'n99', areaId: 'ex1-a1', text: 'p', author: alice, createdAt: 1 }),
    );
    expect(inspectNewRecord(parked, post)).toBeNull();
    expect(inspectUpdate(parked, post).ok).toBe(false);
  });
});
