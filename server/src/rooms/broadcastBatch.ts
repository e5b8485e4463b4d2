// How a room fans out a committed batch: one frame, encoded once, for everyone who sent none of it.
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

/**
 * Sends a committed batch: peers that sent none of it get the whole batch, each sender gets the batch without its
 * own updates (it has them), or nothing.
 */
export function broadcastBatch(peers: Iterable<Peer>, batch: readonly BatchEntry[]): void {
  if (batch.length === 1) {
    // The usual batch: one update, to everyone but its sender, with nothing built per peer.
    const { update, origin } = batch[0]!;
    const frame = encodeUpdate(update);
    for (const peer of peers) if (peer !== origin) peer.send(frame);
    return;
  }
  const laidOut = layOut(batch);
  const whole = updateFrame(batch, laidOut);
  const senders = new Set(batch.map((entry) => entry.origin));
  for (const peer of peers) {
    if (!senders.has(peer)) {
      peer.send(whole);
      continue;
    }
    const others = batch.filter((entry) => entry.origin !== peer);
    if (others.length > 0) peer.send(updateFrame(others, laidOut));
  }
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

/** One sync-update frame for entries in order: joined by bytes when they allow it, else merged by yjs. */
function updateFrame(entries: readonly BatchEntry[], laidOut: Map<BatchEntry, LaidOutUpdate> | null): Uint8Array {
  if (entries.length === 1) return encodeUpdate(entries[0]!.update);
  const joined = laidOut && joinUpdates(entries.map((entry) => laidOut.get(entry)!));
  return encodeUpdate(joined ?? Y.mergeUpdates(entries.map((entry) => entry.update)));
}
