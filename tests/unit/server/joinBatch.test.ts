// A committed batch as one update and its fan-out: the stored update holds every change; each peer gets what it lacks.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { joinBatch, type BatchEntry } from '../../../server/src/rooms/broadcastBatch.ts';
import type { Peer } from '../../../server/src/rooms/Peer.ts';

/** A peer that keeps the update of every frame it is sent. */
function recordingPeer(name: string): Peer & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return {
    actor: { participantId: name, name, role: 'participant' },
    isOpen: true,
    isClosedByServer: false,
    received,
    send(frame) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder); // sync
      decoding.readVarUint(decoder); // update
      received.push(decoding.readVarUint8Array(decoder));
    },
    close: () => undefined,
  };
}

/** The keys a doc holds in map "m" once `updates` are applied to a fresh doc. */
function keysAfter(updates: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return [...doc.getMap('m').keys()].sort();
}

/** A room doc that applied each writer's key in turn: the batch it emitted, with each entry's origin. */
function batchFrom(writers: { peer: Peer; keys: string[] }[]): BatchEntry[] {
  const room = new Y.Doc();
  const batch: BatchEntry[] = [];
  room.on('update', (update: Uint8Array, origin: unknown) => batch.push({ update, origin }));
  const docs = writers.map(() => new Y.Doc());
  for (let round = 0; round < 3; round++) {
    writers.forEach(({ peer, keys }, w) => {
      const key = keys[round];
      if (key === undefined) return;
      const doc = docs[w]!;
      let update: Uint8Array = new Uint8Array();
      doc.once('update', (u: Uint8Array) => (update = u));
      doc.getMap('m').set(key, round);
      Y.applyUpdate(room, update, peer);
    });
  }
  return batch;
}

describe('joinBatch', () => {
  it('stores every change, sends all of it to readers and the rest to each writer', () => {
    const ana = recordingPeer('ana');
    const ben = recordingPeer('ben');
    const reader = recordingPeer('reader');
    const batch = batchFrom([
      { peer: ana, keys: ['a0', 'a1', 'a2'] },
      { peer: ben, keys: ['b0', 'b1'] },
    ]);
    expect(batch).toHaveLength(5);
    const joined = joinBatch(batch);
    expect(keysAfter([joined.update])).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    joined.broadcast([ana, ben, reader]);
    expect(reader.received).toHaveLength(1);
    expect(keysAfter(reader.received)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(keysAfter(ana.received)).toEqual(['b0', 'b1']);
    expect(keysAfter(ben.received)).toEqual(['a0', 'a1', 'a2']);
  });

  it('sends a lone writer nothing of its own, and a batch of one as it is', () => {
    const ana = recordingPeer('ana');
    const reader = recordingPeer('reader');
    const batch = batchFrom([{ peer: ana, keys: ['a0', 'a1'] }]);
    joinBatch(batch).broadcast([ana, reader]);
    expect(ana.received).toEqual([]);
    expect(keysAfter(reader.received)).toEqual(['a0', 'a1']);
    const single = joinBatch(batch.slice(0, 1));
    expect(single.update).toBe(batch[0]!.update);
  });

  it('leaves entries it cannot put end to end to Y.mergeUpdates', () => {
    const ana = recordingPeer('ana');
    const batch = batchFrom([{ peer: ana, keys: ['a0', 'a1', 'a2'] }]);
    // The first and the last of one writer's updates: a gap in its clocks, so the bytes cannot simply follow.
    const gapped = [batch[0]!, batch[2]!];
    expect(joinBatch(gapped).update).toEqual(Y.mergeUpdates(gapped.map((entry) => entry.update)));
  });
});
