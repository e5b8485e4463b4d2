// Hand-made hostile updates from the outside review (issue 9), as an observer's raw socket would send them.
import * as Y from 'yjs';
import { craftUpdate, wireItem } from './guardFixtures.ts';

/** Near 2^53, where yjs' clock arithmetic stops being exact. */
export const HUGE_CLOCK = 2 ** 53 - 4;

/**
 * The two frames that bricked a board: deleted items at a key that never existed (so they describe no
 * change), the second at a clock near 2^53. Each is 27 bytes or so.
 */
export function hugeClockFrames(client: number, key = 'nx12'): [Uint8Array, Uint8Array] {
  const first = craftUpdate([
    {
      client,
      clock: 0,
      structs: [wireItem(client, 0, new Y.ContentDeleted(HUGE_CLOCK), { parent: 'notes', parentSub: key })],
    },
  ]);
  const second = craftUpdate([
    {
      client,
      clock: HUGE_CLOCK,
      structs: [wireItem(client, HUGE_CLOCK, new Y.ContentDeleted(8), { parent: 'notes', parentSub: key })],
    },
  ]);
  return [first, second];
}

/**
 * Copies of a clock range the room already has, as one-clock items each naming a new root: yjs skips
 * them as known, but calls doc.get(name) for each root first, so the heap grows with every message.
 */
export function newRootsFrame(room: Y.Doc, knownClient: number, count: number, prefix = 'r'): Uint8Array {
  const state = Y.getState(room.store, knownClient);
  const n = Math.min(count, state);
  const structs = Array.from({ length: n }, (_, i) =>
    wireItem(knownClient, i, new Y.ContentAny([0]), { parent: `${prefix}${i}`, parentSub: 'k' }),
  );
  return craftUpdate([{ client: knownClient, clock: 0, structs }]);
}

/** A tombstone at a new key of `notes`, with a key of `keyLength` characters (the review used 100 KB). */
export function longKeyTombstone(client: number, clock: number, keyLength: number, tag = 'k'): Uint8Array {
  const key = tag + 'x'.repeat(Math.max(0, keyLength - tag.length));
  return craftUpdate([
    { client, clock, structs: [wireItem(client, clock, new Y.ContentDeleted(1), { parent: 'notes', parentSub: key })] },
  ]);
}

/** A GC struct, as only a server-side store holds them. */
export function gcFrame(client: number, length = 3): Uint8Array {
  return craftUpdate([{ client, clock: 0, structs: [new Y.GC(Y.createID(client, 0), length)] }]);
}

/** The client that wrote most of the room (the one whose clock range is best known). */
export function busiestClient(room: Y.Doc): number {
  let best = room.clientID;
  let most = -1;
  for (const [client, structs] of room.store.clients) {
    const state = Y.getState(room.store, client);
    if (structs.length > 0 && state > most) {
      best = client;
      most = state;
    }
  }
  return best;
}

/**
 * newRootsFrame over every client the room knows: each known clock re-sent as a one-clock item naming
 * a root of its own (`prefix` + a counter), so one message names as many new roots as the room has clocks.
 */
export function knownCopiesNamingNewRoots(room: Y.Doc, prefix: string, limit = Infinity): Uint8Array {
  let named = 0;
  const runs = [...room.store.clients.keys()].flatMap((client) => {
    const state = Math.min(Y.getState(room.store, client), limit - named);
    if (state <= 0) return [];
    const structs = Array.from({ length: state }, (_, i) =>
      wireItem(client, i, new Y.ContentAny([0]), { parent: `${prefix}${named + i}`, parentSub: 'k' }),
    );
    named += state;
    return [{ client, clock: 0, structs }];
  });
  return craftUpdate(runs);
}
