// What the guard's fast paths share: an update that is one client's run of new structs, read straight from its bytes.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MAX_CLOCK, MAX_CLOCK_ADVANCE } from './updateBounds.ts';
import type { UpdateInspection } from './describeUpdate.ts';

/** One client's structs, numbered from the clock the room has of that client; `decoder` is at the first struct. */
export interface NewRun {
  decoder: decoding.Decoder;
  client: number;
  clock: number;
  structs: number;
}

/**
 * A fast path: `read` answers for the shapes it knows and null for anything else. The update must hold exactly one
 * client's group of at least one struct, starting at the clock the room has of that client (nothing known, nothing
 * missing) and within updateBounds' clock limits, and the room must hold nothing parked; otherwise, and on bytes
 * that cannot be read, the answer is null too, and the full inspection decides.
 */
export function fastPath(read: (doc: Y.Doc, run: NewRun) => UpdateInspection | null) {
  return (doc: Y.Doc, update: Uint8Array): UpdateInspection | null => {
    try {
      const run = openRun(doc, update);
      return run && read(doc, run);
    } catch {
      return null;
    }
  };
}

/**
 * Whether `update` is one client's run of new structs starting at the clock the room has of that client, with
 * nothing parked: once the guard accepted it, Yjs integrates it whole and the update it would emit says the same.
 */
export function isNewRun(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    return openRun(doc, update) !== null;
  } catch {
    return false;
  }
}

function openRun(doc: Y.Doc, update: Uint8Array): NewRun | null {
  const store = doc.store;
  if (store.pendingStructs !== null || store.pendingDs !== null) return null;
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) !== 1) return null;
  const structs = decoding.readVarUint(decoder);
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  const state = Y.getState(store, client);
  const end = clock + structs;
  if (structs < 1 || clock !== state || end > MAX_CLOCK || end - state > MAX_CLOCK_ADVANCE) return null;
  return { decoder, client, clock, structs };
}
