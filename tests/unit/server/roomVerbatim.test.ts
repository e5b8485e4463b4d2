// A guarded client update that is one run of new structs is stored and sent as it came (Yjs is spared encoding
// it again); anything else is stored as Yjs emits it. Either way the stored log rebuilds the room's doc exactly.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '@shared/rules/Change.ts';
import { DEFAULT_LIMITS } from '../../../server/src/config.ts';
import { RoomHooks } from '../../../server/src/hooks/RoomHooks.ts';
import { silentLogger } from '../../../server/src/log.ts';
import type { Peer } from '../../../server/src/rooms/Peer.ts';
import { Room } from '../../../server/src/rooms/Room.ts';
import { decodeMessage, encodeUpdate } from '../../../server/src/rooms/messages.ts';
import type { RoomStore } from '../../../server/src/rooms/RoomStore.ts';

const actor: Actor = { participantId: 'p1', name: 'Ana', role: 'participant' };

class FakePeer implements Peer {
  readonly sent: Uint8Array[] = [];
  readonly isOpen = true;
  readonly isClosedByServer = false;
  constructor(readonly actor: Actor) {}
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(): void {
    throw new Error('no peer is closed in this test');
  }
}

/** A room on a store that keeps its log in memory, with one writer attached. */
async function openRoom(): Promise<{ room: Room; log: Uint8Array[]; writer: FakePeer }> {
  const log: Uint8Array[] = [];
  const store: RoomStore = {
    loadDoc: async () => ({ snapshot: null, updates: [], lastSeq: 0 }),
    appendUpdates: async (_boardId, updates) => {
      log.push(...updates.map((update) => update.slice()));
      return { logLength: log.length, lastSeq: log.length };
    },
    compact: async () => undefined,
  };
  // No hooks: this test is about what the room keeps of what it accepted, not about the guard.
  const room = await Room.load('b1', { store, limits: DEFAULT_LIMITS, hooks: new RoomHooks([]), log: silentLogger });
  const writer = new FakePeer(actor);
  await room.attach(writer);
  return { room, log, writer };
}

/** The one update `change` makes on `doc`. */
function captured(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | undefined;
  const keep = (u: Uint8Array) => (update = u);
  doc.on('update', keep);
  doc.transact(change);
  doc.off('update', keep);
  return update!;
}

/** The updates a peer was sent, in order. */
function updatesSentTo(peer: FakePeer): Uint8Array[] {
  return peer.sent.flatMap((frame) => {
    const message = decodeMessage(frame);
    return message.type === 'update' ? [message.update] : [];
  });
}

describe('a room keeps accepted client updates', () => {
  it('stores and broadcasts a run of new structs byte for byte as the client sent it', async () => {
    const { room, log, writer } = await openRoom();
    const reader = new FakePeer({ ...actor, participantId: 'p2' });
    await room.attach(reader);

    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getMap('notes').set('n1', new Y.Map([['text', 'first']]));
    client.getMap('notes').set('n2', new Y.Map([['text', 'second']]));
    for (const update of updates) {
      await room.receive(writer, encodeUpdate(update));
      await room.idle();
    }

    expect(log).toEqual(updates);
    expect(updatesSentTo(reader)).toEqual(updates);
    expect(updatesSentTo(writer)).toEqual([]);
    expect(room.doc.getMap('notes').toJSON()).toEqual(client.getMap('notes').toJSON());
  });

  it('keeps what a run of new structs says even where Yjs would have left it out (a delete already done)', async () => {
    const { room, log, writer } = await openRoom();
    const a = new Y.Doc();
    a.getMap('notes').set('n1', new Y.Map([['text', 'first']]));
    const created = Y.encodeStateAsUpdate(a);
    const b = new Y.Doc();
    const c = new Y.Doc();
    for (const doc of [b, c]) Y.applyUpdate(doc, created);
    const deletedByB = captured(b, () => b.getMap('notes').delete('n1'));
    // c deletes n1 too, not knowing b did, and adds n2 in the same change.
    const fromC = captured(c, () => {
      c.getMap('notes').delete('n1');
      c.getMap('notes').set('n2', new Y.Map([['text', 'second']]));
    });
    for (const update of [created, deletedByB, fromC]) await room.receive(writer, encodeUpdate(update));
    await room.idle();

    // Yjs's own encoding of c's change would hold only n2 (n1 was already gone): the room kept c's bytes instead.
    expect(log.at(-1)).toEqual(fromC);
    expect(room.doc.getMap('notes').toJSON()).toEqual({ n2: { text: 'second' } });
  });

  it('stores what Yjs emits for an update that repeats structs the room already has, and rebuilds the same doc', async () => {
    const { room, log, writer } = await openRoom();

    const client = new Y.Doc();
    client.getMap('notes').set('n1', new Y.Map([['text', 'first']]));
    const first = Y.encodeStateAsUpdate(client);
    await room.receive(writer, encodeUpdate(first));
    client.getMap('notes').set('n2', new Y.Map([['text', 'second']]));
    // The whole state again: n1's structs are known to the room, so this is not a run of new structs.
    const whole = Y.encodeStateAsUpdate(client);
    await room.receive(writer, encodeUpdate(whole));
    await room.idle();

    expect(log[0]).toEqual(first);
    expect(log).toHaveLength(2);
    expect(log[1]).not.toEqual(whole);
    expect(log[1]!.length).toBeLessThan(whole.length);

    const rebuilt = new Y.Doc();
    for (const update of log) Y.applyUpdate(rebuilt, update);
    expect(rebuilt.getMap('notes').toJSON()).toEqual(client.getMap('notes').toJSON());
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(room.doc));
  });

  it("stores the server's own changes as Yjs emits them", async () => {
    const { room, log } = await openRoom();
    await room.change((doc) => doc.getMap('session').set('phase', 'post'));
    expect(log).toHaveLength(1);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, log[0]!);
    expect(rebuilt.getMap('session').get('phase')).toBe('post');
  });
});
