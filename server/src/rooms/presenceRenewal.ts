// A presence renewal read from its bytes: one client id, a newer clock, and the state bytes its connection last sent.
import * as decoding from 'lib0/decoding';

/** The single entry of an awareness update, its state left as bytes (a view into the update). */
export interface SingleEntry {
  clientId: number;
  clock: number;
  stateBytes: Uint8Array;
}

/** The update's one entry, or undefined when it holds several or none, or cannot be read (the full path decides). */
export function readSingleEntry(update: Uint8Array): SingleEntry | undefined {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 1) return undefined;
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const stateBytes = decoding.readVarUint8Array(decoder);
    return decoding.hasContent(decoder) ? undefined : { clientId, clock, stateBytes };
  } catch {
    return undefined;
  }
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
