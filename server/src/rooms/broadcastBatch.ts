// How a room fans out a committed batch: one frame, encoded once, for everyone who sent none of it.
import * as Y from 'yjs';
import { encodeUpdate } from './messages.ts';
import type { Peer } from './Peer.ts';

export interface BatchEntry {
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
  const whole = updateFrame(batch.map((entry) => entry.update));
  const senders = new Set(batch.map((entry) => entry.origin));
  for (const peer of peers) {
    if (!senders.has(peer)) {
      peer.send(whole);
      continue;
    }
    const others = batch.filter((entry) => entry.origin !== peer).map((entry) => entry.update);
    if (others.length > 0) peer.send(updateFrame(others));
  }
}

/** One sync-update frame for updates in order (merged when there are several). */
function updateFrame(updates: Uint8Array[]): Uint8Array {
  return encodeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
}
