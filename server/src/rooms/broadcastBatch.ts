// A room's committed batch as one update (what the store keeps) and its fan-out: one frame for everyone who sent none of it.
import * as Y from 'yjs';
import { encodeUpdate } from './messages.ts';
import { joinUpdates, type LaidOutUpdate } from './joinUpdates.ts';
import type { Peer } from './Peer.ts';
import { readUpdateLayout } from './updateLayout.ts';

export interface BatchEntry {
  /** As the room's doc emitted it. */
  update: Uint8Array;
  /** The peer whose update it is, or anything else for a server change. */
  origin: unknown;
}

export interface JoinedBatch {
  /** The whole batch as one update: one log entry, and the frame for peers that sent none of it. */
  readonly update: Uint8Array;
  /** Sends the batch: peers that sent none of it get all of it, each sender the rest (it has its own), or nothing. */
  broadcast(peers: Iterable<Peer>): void;
}

/** Joins a batch of the room doc's updates, in order (entries must not be empty). */
export function joinBatch(batch: readonly BatchEntry[]): JoinedBatch {
  if (batch.length === 1) {
    // The usual batch: one update, to everyone but its sender, with nothing built per peer.
    const { update, origin } = batch[0]!;
    return {
      update,
      broadcast(peers) {
        const frame = encodeUpdate(update);
        for (const peer of peers) if (peer !== origin) peer.send(frame);
      },
    };
  }
  const laidOut = layOut(batch);
  const update = joined(batch, laidOut);
  return {
    update,
    broadcast(peers) {
      const whole = encodeUpdate(update);
      const senders = new Set(batch.map((entry) => entry.origin));
      for (const peer of peers) {
        if (!senders.has(peer)) {
          peer.send(whole);
          continue;
        }
        const others = batch.filter((entry) => entry.origin !== peer);
        if (others.length > 0) peer.send(encodeUpdate(joined(others, laidOut)));
      }
    },
  };
}

/** Each entry's layout, or null when one cannot be read (then the batch is merged by yjs). */
function layOut(batch: readonly BatchEntry[]): Map<BatchEntry, LaidOutUpdate> | null {
  const laidOut = new Map<BatchEntry, LaidOutUpdate>();
  try {
    for (const entry of batch) laidOut.set(entry, { update: entry.update, layout: readUpdateLayout(entry.update) });
  } catch {
    return null;
  }
  return laidOut;
}

/** Entries in order as one update: joined by bytes when they allow it, else merged by yjs. */
function joined(entries: readonly BatchEntry[], laidOut: Map<BatchEntry, LaidOutUpdate> | null): Uint8Array {
  if (entries.length === 1) return entries[0]!.update;
  const bytes = laidOut && joinUpdates(entries.map((entry) => laidOut.get(entry)!));
  return bytes ?? Y.mergeUpdates(entries.map((entry) => entry.update));
}
