// Decodes a v1 Yjs update into per-client struct runs and its delete set, exactly as Y.applyUpdate would read it.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { fail, ok, type Result } from '@shared/model/Result.ts';

export type UpdateStruct = Y.Item | Y.GC | Y.Skip;
export type DecodedDeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export interface DecodedUpdate {
  /** Each client's structs in clock order (one run per client). */
  runs: Map<number, UpdateStruct[]>;
  ds: DecodedDeleteSet;
}

export const UNREADABLE = 'The update could not be read.';

/**
 * Reads `update` with yjs' own decoder, so our view of the bytes is the one Y.applyUpdate acts on
 * (throws on malformed bytes; the caller catches). The wire format groups structs per client, and
 * Y.applyUpdate keeps only the last group of a client listed twice (parking the rest as pending,
 * unchecked), while Y.decodeUpdate flattens the groups. So the flat list is cut back into runs (a new
 * run where the client changes or the clock jumps) and their number must match the groups the update
 * declares: a client listed twice, or an empty group, makes the counts differ and is refused.
 */
export function readUpdateStructs(update: Uint8Array): Result<DecodedUpdate> {
  const { structs, ds } = Y.decodeUpdate(update);
  const declaredGroups = decoding.readVarUint(decoding.createDecoder(update));
  const runs = new Map<number, UpdateStruct[]>();
  let run: UpdateStruct[] | undefined;
  let last: UpdateStruct | undefined;
  let runCount = 0;
  for (const struct of structs) {
    if (!last || !run || struct.id.client !== last.id.client || struct.id.clock !== last.id.clock + last.length) {
      if (runs.has(struct.id.client)) return fail('The update lists one client twice.');
      run = [];
      runs.set(struct.id.client, run);
      runCount++;
    }
    run.push(struct);
    last = struct;
  }
  if (runCount !== declaredGroups) return fail('The update lists one client twice.');
  return ok({ runs, ds });
}
