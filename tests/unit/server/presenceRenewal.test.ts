// Presence renewals (the same state bytes, a newer clock) only move the clock: the state is not read or stamped again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { RoomHooks } from '../../../server/src/hooks/RoomHooks.ts';
import { stampPresence } from '../../../server/src/hooks/presenceStamp.ts';
import type { RoomHook } from '../../../server/src/hooks/RoomHook.ts';
import {
  decodeAwareness,
  encodeAwarenessEntries,
  type AwarenessEntry,
} from '../../../server/src/rooms/awarenessStamp.ts';
import type { Peer } from '../../../server/src/rooms/Peer.ts';
import { RENEWAL_DELAY_MS, RoomPresence } from '../../../server/src/rooms/RoomPresence.ts';
import { readSingleEntry } from '../../../server/src/rooms/presenceRenewal.ts';

interface TestPeer extends Peer {
  frames: AwarenessEntry[][];
  closes: number[];
}

function peer(participantId: string): TestPeer {
  const frames: AwarenessEntry[][] = [];
  const closes: number[] = [];
  return {
    actor: { participantId, name: `Name ${participantId}`, role: 'participant' },
    isOpen: true,
    isClosedByServer: false,
    frames,
    closes,
    // Every frame the presence sends is an awareness message: type 1, then the update with its length.
    send: (data) =>
      void frames.push(decodeAwareness(decoding.readVarUint8Array(decoding.createDecoder(data.subarray(1))), 1 << 20)),
    close: (code) => void closes.push(code),
  };
}

const say = (clientId: number, clock: number, state: Record<string, unknown> | null) =>
  encodeAwarenessEntries([{ clientId, clock, state }]);

let offers: number;
let presence: RoomPresence;
let ana: TestPeer;
let ben: TestPeer;

beforeEach(() => {
  vi.useFakeTimers();
  offers = 0;
  const counter: RoomHook = { name: 'count', onAwareness: ({ entries }) => ((offers += entries.length), entries) };
  const hooks = new RoomHooks([counter, stampPresence()]);
  presence = new RoomPresence(new Y.Doc(), {
    boardId: 'b1',
    limits: { maxAwarenessBytes: 8 * 1024, maxPresenceBytesPerRoom: 64 * 1024 },
    hooks,
  });
  ana = peer('p-ana');
  ben = peer('p-ben');
  presence.join(ana);
  presence.join(ben);
});

afterEach(() => {
  presence.destroy();
  vi.useRealTimers();
});

const held = (clientId: number) => ({
  clock: presence.awareness.meta.get(clientId)?.clock,
  state: presence.awareness.getStates().get(clientId),
});

describe('presence renewals', () => {
  it('renews a held state without offering it to the hooks again, and still fans the new clock out', () => {
    presence.apply(ana, say(7, 1, { cursor: { x: 1, y: 2 } }));
    expect(offers).toBe(1);
    const stamped = {
      cursor: { x: 1, y: 2 },
      user: { participantId: 'p-ana', name: 'Name p-ana', role: 'participant' },
    };
    expect(held(7)).toEqual({ clock: 1, state: stamped });
    presence.apply(ana, say(7, 2, { cursor: { x: 1, y: 2 } }));
    presence.apply(ana, say(7, 3, { cursor: { x: 1, y: 2 } }));
    expect(offers).toBe(1);
    expect(held(7)).toEqual({ clock: 3, state: stamped });
    const before = ben.frames.length;
    vi.advanceTimersByTime(RENEWAL_DELAY_MS);
    expect(ben.frames.slice(before)).toEqual([[{ clientId: 7, clock: 3, state: stamped }]]);
  });

  it('keeps renewing without a full read while the other peers echo the state back', () => {
    presence.apply(ana, say(7, 1, { cursor: null }));
    presence.apply(ben, say(8, 1, { cursor: null }));
    vi.advanceTimersByTime(RENEWAL_DELAY_MS);
    // Stock clients send back what they were sent: ben echoes ana's stamped state, ana echoes ben's.
    presence.apply(ben, encodeAwarenessEntries([{ clientId: 7, clock: 1, state: held(7).state ?? null }]));
    presence.apply(ana, encodeAwarenessEntries([{ clientId: 8, clock: 1, state: held(8).state ?? null }]));
    presence.apply(ana, say(7, 2, { cursor: null }));
    presence.apply(ben, say(8, 2, { cursor: null }));
    expect(offers).toBe(2);
    expect([held(7).clock, held(8).clock]).toEqual([2, 2]);
  });

  it('reads a changed state in full, and renews the new one after it', () => {
    presence.apply(ana, say(7, 1, { cursor: null }));
    presence.apply(ana, say(7, 2, { cursor: { x: 5, y: 5 } }));
    expect(offers).toBe(2);
    expect(held(7).state).toMatchObject({ cursor: { x: 5, y: 5 } });
    presence.apply(ana, say(7, 3, { cursor: { x: 5, y: 5 } }));
    expect(offers).toBe(2);
    expect(held(7).clock).toBe(3);
  });

  it('takes no older or equal clock, and nobody renews a state it does not own', () => {
    presence.apply(ana, say(7, 4, { cursor: null }));
    presence.apply(ana, say(7, 4, { cursor: null }));
    presence.apply(ana, say(7, 3, { cursor: null }));
    expect(held(7).clock).toBe(4);
    presence.apply(ben, say(7, 9, { cursor: null }));
    expect(held(7).clock).toBe(4);
    expect(held(7).state).toMatchObject({ user: { participantId: 'p-ana' } });
  });

  it('reads a state in full again once it was removed, and forgets it when its connection leaves', () => {
    presence.apply(ana, say(7, 1, { cursor: null }));
    presence.apply(ana, say(7, 2, null));
    expect(held(7).state).toBeUndefined();
    presence.apply(ana, say(7, 3, { cursor: null }));
    expect(offers).toBe(3);
    expect(held(7)).toMatchObject({ clock: 3, state: { cursor: null } });
    presence.leave(ana);
    expect(held(7).state).toBeUndefined();
    const cara = peer('p-cara');
    presence.join(cara);
    presence.apply(cara, say(7, 9, { cursor: null }));
    expect(offers).toBe(4);
    expect(held(7).state).toMatchObject({ user: { participantId: 'p-cara' } });
  });

  it('still refuses a malformed renewal: a state that is not an object closes the connection', () => {
    presence.apply(ana, say(7, 1, { cursor: null }));
    presence.apply(ana, encodeAwarenessEntries([{ clientId: 7, clock: 2, state: [1] as unknown as null }]));
    expect(ana.closes).toEqual([4400]);
    expect(held(7).clock).toBe(1);
  });
});

describe('readSingleEntry', () => {
  it('reads one entry with its state bytes, and nothing else', () => {
    const one = readSingleEntry(say(7, 2, { a: 1 }));
    expect(one && { ...one, stateBytes: new TextDecoder().decode(one.stateBytes) }).toEqual({
      clientId: 7,
      clock: 2,
      stateBytes: '{"a":1}',
    });
    const two = encodeAwarenessEntries([
      { clientId: 7, clock: 2, state: null },
      { clientId: 8, clock: 2, state: null },
    ]);
    expect(readSingleEntry(two)).toBeUndefined();
    expect(readSingleEntry(new Uint8Array([1, 7]))).toBeUndefined();
    expect(readSingleEntry(new Uint8Array([...say(7, 2, null), 0]))).toBeUndefined();
  });
});
