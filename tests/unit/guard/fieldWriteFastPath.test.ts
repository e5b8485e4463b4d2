// The guard's fast path for field writes: taken for real moves and edits, and whatever it answers, the full inspection agrees.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote, deleteNote, editNote, moveNote } from '@shared/doc/ops.ts';
import { inspectInFull, inspectUpdate } from '../../../server/src/guard/describeUpdate.ts';
import { inspectFieldWrites } from '../../../server/src/guard/fieldWriteFastPath.ts';
import {
  alice,
  byteEdits,
  captureUpdate,
  craftUpdate,
  fastPathAgrees,
  idAt,
  mutate,
  newRoom,
  syncedClient,
  wireItem,
} from './guardFixtures.ts';

const room = newRoom();
/** A client that moved n1 once already (in the room), so its next move replaces its own values. */
const mover = syncedClient(room);
Y.applyUpdate(
  room,
  captureUpdate(mover, () => moveNote(mover, 'n1', { x: 1, y: 1 })),
);
/** A client that saw n3 before someone else moved it: its move starts from values the room no longer holds. */
const stale = syncedClient(room);
/** Clients that still hold n4 after the room deleted it. */
addNote(room, { id: 'n4', areaId: 'ex1-a1', text: 'gone', author: alice, createdAt: 3, x: 1, y: 1 }, 'remote');
const behind = [syncedClient(room), syncedClient(room)] as const;
deleteNote(room, 'n4');
const other = syncedClient(room);
Y.applyUpdate(
  room,
  captureUpdate(other, () => moveNote(other, 'n3', { x: 7, y: 7 })),
);

const writes: Uint8Array[] = [];
{
  const c1 = syncedClient(room);
  writes.push(captureUpdate(c1, () => moveNote(c1, 'n2', { x: 40, y: 50, areaId: 'ex1-a2' })));
  const c2 = syncedClient(room);
  writes.push(captureUpdate(c2, () => editNote(c2, 'n2', 'edited 😀')));
  writes.push(captureUpdate(mover, () => moveNote(mover, 'n1', { x: 2, y: 3 })));
}

/** Updates of other shapes that a fast path must leave alone (or answer exactly as the full inspection does). */
const others: Uint8Array[] = [];
{
  others.push(captureUpdate(stale, () => moveNote(stale, 'n3', { x: 9, y: 9 })));
  others.push(
    captureUpdate(behind[0], () =>
      (boardMaps(behind[0]).notes.get('n4') as unknown as Y.Map<unknown>).set('colour', 'red'),
    ),
  );
  others.push(captureUpdate(behind[1], () => moveNote(behind[1], 'n4', { x: 3, y: 3 })));
  const twice = syncedClient(room);
  others.push(
    captureUpdate(twice, () =>
      twice.transact(() => {
        moveNote(twice, 'n2', { x: 1, y: 1 });
        moveNote(twice, 'n2', { x: 2, y: 2 });
      }),
    ),
  );
  const session = syncedClient(room);
  others.push(captureUpdate(session, () => boardMaps(session).session.set('phase', 'group')));
  const deleter = syncedClient(room);
  others.push(captureUpdate(deleter, () => deleteNote(deleter, 'n2')));
  // A value after n2's text, with a delete set that misses the old text, or deletes more, or the wrong thing.
  const note = boardMaps(room).notes.get('n2') as unknown as Y.Map<unknown>;
  const text = idAt(note, 'text');
  const x = idAt(note, 'areaId');
  const overText = (deletes: [number, number, number][]) =>
    craftUpdate(
      [{ client: 5151, clock: 0, structs: [wireItem(5151, 0, new Y.ContentAny(['t']), { origin: text })] }],
      deletes,
    );
  others.push(overText([]));
  others.push(overText([[text.client, text.clock, 2]]));
  others.push(overText([[x.client, x.clock, 1]]));
  others.push(
    overText([
      [text.client, text.clock, 1],
      [text.client, text.clock, 1],
    ]),
  );
  others.push(
    craftUpdate(
      [{ client: 5152, clock: 0, structs: [wireItem(5152, 0, new Y.ContentAny([undefined]), { origin: text })] }],
      [[text.client, text.clock, 1]],
    ),
  );
  others.push(
    craftUpdate(
      [
        {
          client: 5153,
          clock: 0,
          structs: [wireItem(5153, 0, new Y.ContentAny(['t']), { origin: text, rightOrigin: x })],
        },
      ],
      [[text.client, text.clock, 1]],
    ),
  );
}

const expectAgrees = (update: Uint8Array) => fastPathAgrees(room, update, inspectFieldWrites(room, update));

describe('the fast path for field writes', () => {
  it('is taken for real moves and edits, and agrees with the full inspection', () => {
    expect(writes.map((update) => expectAgrees(update))).toEqual([true, true, true]);
    for (const update of writes) expect(inspectUpdate(room, update)).toEqual(inspectInFull(room, update));
  });

  it('agrees with the full inspection, or leaves it to it, on other shapes', () => {
    const taken = others.map((update) => expectAgrees(update));
    // In order: a stale origin, a new field and a move on a deleted record, one field twice, a value map, a deleted record, the old text kept, the old text and
    // the field after it deleted (a field removed beside the edit: a real shape, the fast path's to answer), the old
    // text kept while another field goes, one deletion listed twice, a value that is not JSON, a right origin.
    expect(taken).toEqual([false, false, false, false, false, false, false, true, false, false, false, false]);
  });

  it('agrees with the full inspection on damaged bytes', () => {
    let takenCount = 0;
    fc.assert(
      fc.property(fc.nat(writes.length + others.length - 1), byteEdits, (seed, edits) => {
        if (expectAgrees(mutate([...writes, ...others][seed]!, edits))) takenCount++;
      }),
      { numRuns: 4000 },
    );
    expect(takenCount).toBeGreaterThan(0);
  });
});
