// Every struct of an update is judged: shapes no real client sends are refused, and the role / phase gate sees all writes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote } from '@shared/doc/ops.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { createUpdateCheck } from '../../../server/src/guard/checkUpdate.ts';
import { describeUpdate } from '../../../server/src/guard/describeUpdate.ts';
import { MAX_CLOCK, MAX_CLOCK_ADVANCE, MAX_KEY_LENGTH } from '../../../server/src/guard/updateBounds.ts';
import {
  alice,
  captureUpdate,
  cloneDoc,
  craftUpdate,
  idAt,
  newRoom,
  snapshot,
  syncedClient,
  wireItem,
} from './guardFixtures.ts';
import { busiestClient, gcFrame, hugeClockFrames, longKeyTombstone, newRootsFrame } from './hostileUpdates.ts';

const observer: Actor = { participantId: 'p-olga', name: 'Olga', role: 'observer' };
const participant: Actor = { participantId: alice.id, name: alice.name, role: 'participant' };
const facilitator: Actor = { participantId: 'p-fac', name: 'Fran', role: 'facilitator' };
const check = createUpdateCheck({ maxNotesPerBoard: 500 });

function roomIn(phase: string): Y.Doc {
  const room = newRoom();
  boardMaps(room).session.set('phase', phase);
  boardMaps(room).session.set('exerciseId', 'ex1');
  return room;
}

function expectRefused(room: Y.Doc, update: Uint8Array, actor: Actor, reason: RegExp): void {
  const before = snapshot(room);
  const verdict = check(room, update, actor);
  expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  expect(snapshot(room)).toEqual(before);
}

describe('shapes no real client sends are refused, for every role', () => {
  for (const actor of [observer, participant, facilitator]) {
    it(`the two-frame huge-clock attack (${actor.role})`, () => {
      const room = roomIn('post');
      const [first, second] = hugeClockFrames(99);
      expect(first.length).toBeLessThan(40);
      expectRefused(room, first, actor, /too far ahead/);
      expectRefused(room, second, actor, /depends on changes|too far ahead/);
    });

    it(`known copies naming new roots (${actor.role})`, () => {
      const room = roomIn('post');
      const frame = newRootsFrame(room, busiestClient(room), 50);
      const roots = room.share.size;
      expectRefused(room, frame, actor, /no top-level "r0"/);
      expect(room.share.size).toBe(roots);
    });

    it(`a tombstone with a 100 KB key (${actor.role})`, () => {
      expectRefused(roomIn('post'), longKeyTombstone(99, 0, 100_000), actor, /key longer than 64/);
    });

    it(`a tombstone at a record id the board never had (${actor.role})`, () => {
      expectRefused(
        roomIn('post'),
        longKeyTombstone(99, 0, MAX_KEY_LENGTH),
        actor,
        /deleted content at a key "notes" never had/,
      );
    });

    it(`GC structs (${actor.role})`, () => {
      expectRefused(roomIn('post'), gcFrame(99), actor, /garbage-collected/);
    });
  }

  it('a clock may move at most MAX_CLOCK_ADVANCE past what the room has, and never past MAX_CLOCK', () => {
    const room = roomIn('post');
    const session = boardMaps(room).session;
    const tombstoneAt = (clock: number, len: number) =>
      craftUpdate([
        {
          client: 99,
          clock,
          structs: [wireItem(99, clock, new Y.ContentDeleted(len), { origin: idAt(session, 'phase') })],
        },
      ]);
    expect(describeUpdate(room, tombstoneAt(0, MAX_CLOCK_ADVANCE + 1))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too far/),
    });
    // Exactly the advance is a real (if long) deleted run: it is judged by what it does (deletes the phase).
    expect(describeUpdate(room, tombstoneAt(0, MAX_CLOCK_ADVANCE))).toEqual({
      ok: true,
      value: [{ kind: 'deleteValue', map: 'session', key: 'phase' }],
    });
    expect(MAX_CLOCK).toBeLessThan(2 ** 53 / 1000);
  });

  it('empty and out-of-range delete ranges are refused', () => {
    const room = roomIn('post');
    const client = busiestClient(room);
    expectRefused(room, craftUpdate([], [[client, 0, 0]]), facilitator, /empty range/);
    expectRefused(room, craftUpdate([], [[client, 2 ** 52, 2 ** 52]]), facilitator, /too far ahead/);
  });
});

describe('the role and phase gate applies to every update that writes, whatever it describes', () => {
  /** A tombstone next to an existing tombstone: a real key, no board change, one more struct in the doc. */
  function zeroChangeWrite(room: Y.Doc): Uint8Array {
    boardMaps(room).notes.delete('n3');
    return craftUpdate([
      {
        client: 99,
        clock: 0,
        structs: [wireItem(99, 0, new Y.ContentDeleted(1), { parent: 'notes', parentSub: 'n3' })],
      },
    ]);
  }

  it('describes no change, yet an observer of a closed board gets it refused', () => {
    const room = roomIn('closed');
    const update = zeroChangeWrite(room);
    expect(describeUpdate(room, update)).toEqual({ ok: true, value: [] });
    expectRefused(room, update, observer, /Observers can only read/);
    expectRefused(room, update, participant, /board is closed/);
    expect(check(room, update, facilitator)).toEqual({ ok: true, value: undefined });
  });

  it('a write into a deleted note (no change) is refused to an observer, allowed to a participant while posting', () => {
    const room = roomIn('post');
    const client = syncedClient(room);
    boardMaps(room).notes.delete('n2');
    const update = captureUpdate(client, () =>
      (boardMaps(client).notes.get('n2') as Y.Map<unknown>).set('text', 'late'),
    );
    expectRefused(room, update, observer, /Observers can only read/);
    expect(check(room, update, participant)).toEqual({ ok: true, value: undefined });
  });

  it("an observer's reconnect (a sync diff with only known deletions) still passes", () => {
    const room = roomIn('closed');
    const client = syncedClient(room);
    boardMaps(room).notes.delete('n2');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    expect(Y.decodeUpdate(diff).ds.clients.size).toBeGreaterThan(0);
    expect(check(room, diff, observer)).toEqual({ ok: true, value: undefined });
  });

  it('a tombstone at a known field of a note made in the same update (an offline drag) is accepted', () => {
    const room = roomIn('post');
    const client = syncedClient(room);
    addNote(client, { id: 'n9', areaId: 'ex1-a1', text: 'dragged', author: alice, createdAt: 5, x: 1, y: 1 });
    for (let x = 2; x < 6; x++) (boardMaps(client).notes.get('n9') as Y.Map<unknown>).set('x', x);
    const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    expect(check(cloneDoc(room), diff, participant)).toEqual({ ok: true, value: undefined });
  });
});
