// Joins updates one Y.Doc emitted one after another into one v1 update by copying their struct bytes.
import type { UpdateLayout } from './updateLayout.ts';
import { varUintLength, writeVarUint } from './messages.ts';

export interface LaidOutUpdate {
  update: Uint8Array;
  layout: UpdateLayout;
}

interface JoinedGroup {
  clock: number;
  endClock: number;
  structs: number;
  pieces: { update: Uint8Array; start: number; end: number }[];
}

/** Sorts [clock, length, ...] ranges by clock and merges the ones that touch (as yjs' sortAndMergeDeleteSet). */
function mergeRanges(flat: number[]): number[] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) ranges.push([flat[i]!, flat[i + 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [clock, length] of ranges) {
    const last = merged.length - 2;
    if (last >= 0 && merged[last]! + merged[last + 1]! >= clock) {
      merged[last + 1] = Math.max(merged[last + 1]!, clock + length - merged[last]!);
    } else merged.push(clock, length);
  }
  return merged;
}

/**
 * One update with the effect of `updates` applied in order, or null when they are not shaped for a byte-level
 * join (the caller then merges them with Y.mergeUpdates). A doc's updates are: each one's structs of a client start
 * where the previous one's ended, so a client's groups follow each other and their bytes can simply be put end to
 * end (v1 structs carry whole ids and no state from the struct before them). Delete sets are unioned. Costs a copy of
 * the bytes, where Y.mergeUpdates decodes every struct with its content, sorts its readers after each run and
 * encodes everything again.
 */
export function joinUpdates(updates: readonly LaidOutUpdate[]): Uint8Array | null {
  const groups = new Map<number, JoinedGroup>();
  const deletes = new Map<number, number[]>();
  for (const { update, layout } of updates) {
    for (const group of layout.groups) {
      if (group.structs === 0) continue;
      const piece = { update, start: group.start, end: group.end };
      const joined = groups.get(group.client);
      if (!joined) {
        groups.set(group.client, {
          clock: group.clock,
          endClock: group.endClock,
          structs: group.structs,
          pieces: [piece],
        });
        continue;
      }
      if (group.clock !== joined.endClock) return null;
      joined.endClock = group.endClock;
      joined.structs += group.structs;
      joined.pieces.push(piece);
    }
    for (const [client, ranges] of layout.deletes) {
      const known = deletes.get(client);
      if (known) known.push(...ranges);
      else deletes.set(client, [...ranges]);
    }
  }
  // Highest client first, as yjs writes them.
  const clients = [...groups.keys()].sort((a, b) => b - a);
  const deleteClients = [...deletes.keys()].sort((a, b) => b - a);
  const deleteRanges = deleteClients.map((client) => mergeRanges(deletes.get(client)!));

  let size = varUintLength(clients.length) + varUintLength(deleteClients.length);
  for (const client of clients) {
    const group = groups.get(client)!;
    size += varUintLength(group.structs) + varUintLength(client) + varUintLength(group.clock);
    for (const piece of group.pieces) size += piece.end - piece.start;
  }
  deleteClients.forEach((client, i) => {
    const ranges = deleteRanges[i]!;
    size += varUintLength(client) + varUintLength(ranges.length / 2);
    for (const value of ranges) size += varUintLength(value);
  });

  const out = new Uint8Array(size);
  let at = writeVarUint(out, 0, clients.length);
  for (const client of clients) {
    const group = groups.get(client)!;
    at = writeVarUint(out, at, group.structs);
    at = writeVarUint(out, at, client);
    at = writeVarUint(out, at, group.clock);
    for (const piece of group.pieces) {
      out.set(piece.update.subarray(piece.start, piece.end), at);
      at += piece.end - piece.start;
    }
  }
  at = writeVarUint(out, at, deleteClients.length);
  deleteClients.forEach((client, i) => {
    const ranges = deleteRanges[i]!;
    at = writeVarUint(out, at, client);
    at = writeVarUint(out, at, ranges.length / 2);
    for (const value of ranges) at = writeVarUint(out, at, value);
  });
  return out;
}
