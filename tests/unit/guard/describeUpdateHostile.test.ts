// The update decoder against hand-made clients: anything the Yjs API allows, and bytes no client would send.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote } from '@shared/doc/ops.ts';
import type { Change } from '@shared/rules/Change.ts';
import { describeUpdate } from '../../../server/src/guard/describeUpdate.ts';
import {
  alice,
  bob,
  captureUpdate,
  cloneDoc,
  craftUpdate,
  expectDescribed,
  idAt,
  newRoom,
  syncedClient,
  wireItem,
} from './guardFixtures.ts';

function changesOf(room: Y.Doc, update: Uint8Array): Change[] {
  const described = describeUpdate(room, update);
  if (!described.ok) throw new Error(`refused: ${described.reason}`);
  return described.value;
}

const reasonsOf = (changes: Change[]) =>
  changes.flatMap((change) => (change.kind === 'unsupported' ? [change.reason] : []));

/** A client id above any random one, so its writes win map conflicts against the room's. */
const HIGH_CLIENT = 2 ** 40;

describe('content the board format has no place for is unsupported', () => {
  const anyMap = (c: Y.Doc, name: string) => c.getMap<any>(name);
  const cases: [string, (c: Y.Doc) => void, RegExp][] = [
    ['Y.Text at a board root', (c) => c.getText('meta').insert(0, 'hello'), /list content in "meta"/],
    ['Y.Array at a board root', (c) => c.getArray('notes').push([1]), /list content in "notes"/],
    [
      'a Y.Text inside a note',
      (c) => anyMap(c, 'notes').get('n1').set('text', new Y.Text('hi')),
      /a Y\.Text in a record of "notes"/,
    ],
    [
      'a nested Y.Map inside a note',
      (c) => anyMap(c, 'notes').get('n1').set('extra', new Y.Map()),
      /nested map inside a record/,
    ],
    ['a Y.Array put into notes', (c) => anyMap(c, 'notes').set('n9', new Y.Array()), /a Y\.Array in "notes"/],
    [
      'a Y.XmlHook (a Y.Map subclass) put into notes',
      (c) => anyMap(c, 'notes').set('n9', new Y.XmlHook('h')),
      /Y\.XmlHook in "notes"/,
    ],
    [
      'a Y.XmlFragment put into groups',
      (c) => anyMap(c, 'groups').set('g9', new Y.XmlFragment()),
      /Y\.XmlFragment in "groups"/,
    ],
    [
      'a plain value where notes holds records',
      (c) => anyMap(c, 'notes').set('n9', 'hello'),
      /plain value where "notes" holds records/,
    ],
    ['a subdocument in a note', (c) => anyMap(c, 'notes').get('n1').set('doc', new Y.Doc()), /a subdocument/],
    [
      'a Uint8Array value',
      (c) =>
        anyMap(c, 'notes')
          .get('n1')
          .set('text', new Uint8Array([1, 2])),
      /binary data/,
    ],
    [
      'a Uint8Array nested in a value',
      (c) => anyMap(c, 'session').set('phase', { x: new Uint8Array([1]) }),
      /not plain JSON/,
    ],
    ['a bigint value', (c) => anyMap(c, 'meta').set('title', 10n), /not plain JSON/],
    ['an undefined value', (c) => anyMap(c, 'meta').set('title', undefined), /not plain JSON/],
    ['a NaN coordinate', (c) => anyMap(c, 'notes').get('n1').set('x', Number.NaN), /not plain JSON/],
    ['a nested map in meta', (c) => anyMap(c, 'meta').set('title', new Y.Map()), /nested map in "meta"/],
    [
      'text inside a new note',
      (c) => anyMap(c, 'notes').set('n9', new Y.Map([['text', new Y.Text('x')]])),
      /Y\.Text in a record/,
    ],
    // A Y.Map's list half is out of reach of its API, not of a hand-made client.
    [
      'list content inside a note',
      (c) => Y.Array.prototype.insert.call(anyMap(c, 'notes').get('n1'), 0, ['x']),
      /list content in a record/,
    ],
  ];

  it.each(cases)('%s', (_name, write, reason) => {
    const room = newRoom();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    const update = captureUpdate(client, () => write(client));
    expect(reasonsOf(changesOf(room, update))).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
  });

  it('two clients creating the same note id in one merged update is unsupported', () => {
    const room = newRoom();
    const [one, two] = [syncedClient(room), syncedClient(room)];
    const a = captureUpdate(one, () =>
      addNote(one, { id: 'n9', areaId: 'ex1-a1', text: 'a', author: alice, createdAt: 1 }),
    );
    const b = captureUpdate(two, () =>
      addNote(two, { id: 'n9', areaId: 'ex1-a1', text: 'b', author: bob, createdAt: 1 }),
    );
    expect(reasonsOf(changesOf(room, Y.mergeUpdates([a, b])))).toEqual([expect.stringMatching(/several values/)]);
  });
});

describe('hand-made structs say what yjs would do with them', () => {
  it('a deleted-content item put after a record deletes the record, without any delete set', () => {
    const room = newRoom();
    const update = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [wireItem(7, 0, new Y.ContentDeleted(1), { origin: idAt(boardMaps(room).notes, 'n1') })],
      },
    ]);
    expectDescribed(room, update, [{ kind: 'deleteRecord', map: 'notes', id: 'n1' }]);
  });

  it('a new record at an existing id, winning the conflict, replaces it: deleteRecord then createRecord', () => {
    const room = newRoom();
    const update = craftUpdate([
      {
        client: HIGH_CLIENT,
        clock: 0,
        structs: [
          wireItem(HIGH_CLIENT, 0, new Y.ContentType(new Y.Map()), { parent: 'notes', parentSub: 'n2' }),
          wireItem(HIGH_CLIENT, 1, new Y.ContentAny(['mine']), {
            parent: Y.createID(HIGH_CLIENT, 0),
            parentSub: 'text',
          }),
        ],
      },
    ]);
    expectDescribed(room, update, [
      { kind: 'deleteRecord', map: 'notes', id: 'n2' },
      { kind: 'createRecord', map: 'notes', id: 'n2', fields: { text: 'mine' } },
    ]);
  });

  it('a deleted-content item at a session key is a deleteValue', () => {
    const room = newRoom();
    const update = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [wireItem(7, 0, new Y.ContentDeleted(1), { origin: idAt(boardMaps(room).session, 'phase') })],
      },
    ]);
    expectDescribed(room, update, [{ kind: 'deleteValue', map: 'session', key: 'phase' }]);
  });

  it('an item partly known to the room is judged by its new tail', () => {
    const room = newRoom();
    const first = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [wireItem(7, 0, new Y.ContentAny(['post']), { parent: 'session', parentSub: 'k' })],
      },
    ]);
    expectDescribed(room, first, [{ kind: 'setValue', map: 'session', key: 'k', value: 'post' }]);
    const overlapping = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [wireItem(7, 0, new Y.ContentDeleted(2), { parent: 'session', parentSub: 'k' })],
      },
    ]);
    expectDescribed(room, overlapping, [{ kind: 'deleteValue', map: 'session', key: 'k' }]);
  });

  it('writes next to garbage-collected content, or under an item that holds no type, change nothing', () => {
    const room = newRoom();
    const gone = idAt(boardMaps(room).notes.get('n3') as Y.Map<unknown>, 'text');
    const plainValue = idAt(boardMaps(room).meta, 'title');
    boardMaps(room).notes.delete('n3');
    const update = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [
          wireItem(7, 0, new Y.ContentAny(['x']), { origin: gone }),
          wireItem(7, 1, new Y.ContentAny(['y']), { parent: plainValue, parentSub: 'k' }),
          wireItem(7, 2, new Y.ContentAny(['z']), { origin: Y.createID(7, 0) }),
        ],
      },
    ]);
    expectDescribed(room, update, []);
  });

  it("a GC'd left neighbour drops the item even when its right neighbour is live", () => {
    const room = newRoom();
    const gone = idAt(boardMaps(room).notes.get('n3') as Y.Map<unknown>, 'text');
    boardMaps(room).notes.delete('n3');
    const update = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [
          wireItem(7, 0, new Y.ContentAny(['x']), {
            origin: gone,
            rightOrigin: idAt(boardMaps(room).session, 'phase'),
          }),
        ],
      },
    ]);
    expectDescribed(room, update, []);
  });

  it('in a room that keeps deleted content (gc off), writes into a deleted note change nothing', () => {
    const room = new Y.Doc({ gc: false });
    Y.applyUpdate(room, Y.encodeStateAsUpdate(newRoom()));
    const client = syncedClient(room);
    boardMaps(room).notes.delete('n2');
    const update = captureUpdate(client, () =>
      (boardMaps(client).notes.get('n2') as Y.Map<unknown>).set('text', 'late'),
    );
    expectDescribed(room, update, []);
  });

  it('a client listed twice is refused (yjs would keep only the second group, and park it)', () => {
    const room = newRoom();
    const k = (clock: number, key: string) =>
      wireItem(7, clock, new Y.ContentAny([key]), { parent: 'session', parentSub: key });
    const update = craftUpdate([
      { client: 7, clock: 0, structs: [k(0, 'a')] },
      { client: 7, clock: 1, structs: [k(1, 'b')] },
    ]);
    expect(describeUpdate(room, update).ok).toBe(false);
    const copy = cloneDoc(room);
    Y.applyUpdate(copy, update);
    expect(copy.store.pendingStructs).not.toBeNull();
  });

  it('a reference to a later clock of the same client is refused (yjs would throw half-way)', () => {
    const room = newRoom();
    const update = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [
          wireItem(7, 0, new Y.ContentAny(['a']), { origin: Y.createID(7, 1) }),
          wireItem(7, 1, new Y.ContentAny(['b']), { parent: 'session', parentSub: 'k' }),
        ],
      },
    ]);
    expect(describeUpdate(room, update).ok).toBe(false);
    expect(() => Y.applyUpdate(cloneDoc(room), update)).toThrow();
  });

  it('a dependency cycle between two clients is refused', () => {
    const room = newRoom();
    const update = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [
          wireItem(7, 0, new Y.ContentAny(['a']), { parent: 'session', parentSub: 'a' }),
          wireItem(7, 1, new Y.ContentAny(['b']), { origin: Y.createID(8, 1) }),
        ],
      },
      {
        client: 8,
        clock: 0,
        structs: [
          wireItem(8, 0, new Y.ContentAny(['c']), { origin: Y.createID(7, 1) }),
          wireItem(8, 1, new Y.ContentAny(['d']), { parent: 'session', parentSub: 'd' }),
        ],
      },
    ]);
    expect(describeUpdate(room, update).ok).toBe(false);
    const copy = cloneDoc(room);
    Y.applyUpdate(copy, update);
    expect(copy.store.pendingStructs).not.toBeNull();
  });

  it('a skipped stretch followed by more content is refused; a skip on its own is fine', () => {
    const room = newRoom();
    const after = craftUpdate([
      {
        client: 7,
        clock: 0,
        structs: [
          new Y.Skip(Y.createID(7, 0), 2),
          wireItem(7, 2, new Y.ContentAny(['a']), { parent: 'session', parentSub: 'a' }),
        ],
      },
    ]);
    expect(describeUpdate(room, after).ok).toBe(false);
    const skipsOnly = craftUpdate([{ client: 7, clock: 0, structs: [new Y.Skip(Y.createID(7, 0), 2)] }]);
    expect(describeUpdate(room, skipsOnly)).toEqual({ ok: true, value: [] });
  });

  it('a delete range past what the room and the update hold is refused', () => {
    const room = newRoom();
    const update = craftUpdate([], [[room.clientID, Y.getState(room.store, room.clientID) - 1, 2]]);
    expect(describeUpdate(room, update).ok).toBe(false);
  });
});

describe('bytes no client would send', () => {
  it('truncated updates and garbage are refused without throwing', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      addNote(client, { id: 'n9', areaId: 'ex1-a1', text: 'abc', author: alice, createdAt: 1 }),
    );
    for (let cut = 1; cut < update.length; cut++) {
      expect(describeUpdate(room, update.slice(0, cut))).toMatchObject({
        ok: false,
        reason: 'The update could not be read.',
      });
    }
    for (const garbage of [
      new Uint8Array([]),
      new Uint8Array([255, 255, 255, 255, 255]),
      new Uint8Array([1, 1, 1, 1, 11]),
    ]) {
      expect(describeUpdate(room, garbage)).toMatchObject({ ok: false });
    }
  });
});
