// Decodes a v1 Yjs update into per-client struct runs and its delete set, exactly as Y.applyUpdate would read it.
import * as Y from 'yjs';
import { fail, ok, type Result } from '../../../shared/src/model/Result.ts';

export type UpdateStruct = Y.Item | Y.GC | Y.Skip;
export type DecodedDeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export interface DecodedUpdate {
  /** Each client's structs in clock order (one run per client). */
  runs: Map<number, UpdateStruct[]>;
  ds: DecodedDeleteSet;
}

export const UNREADABLE = 'The update could not be read.';

/**
 * Reads `update` with yjs' own decoder, so our view of the bytes is the one Y.applyUpdate acts on.
 * Y.decodeUpdate flattens the per-client groups of the wire format, but Y.applyUpdate keeps only the
 * last group of a client that appears twice (and would park the rest as pending, unchecked): a decoder
 * subclass notes where each group starts so that such updates can be refused.
 */
export function readUpdateStructs(update: Uint8Array): Result<DecodedUpdate> {
  const groups: { client: number; first: number }[] = [];
  let structCount = 0;
  // A class per call: decodeUpdateV2 builds the decoder itself, so the tally must live in this closure.
  class GroupTally extends Y.UpdateDecoderV1 {
    override readClient(): number {
      const client = super.readClient();
      groups.push({ client, first: structCount });
      return client;
    }
    override readInfo(): number {
      structCount++;
      return super.readInfo();
    }
  }
  const { structs, ds } = Y.decodeUpdateV2(update, GroupTally);
  if (structs.length !== structCount) return fail(UNREADABLE);
  const runs = new Map<number, UpdateStruct[]>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (!group) continue;
    if (runs.has(group.client)) return fail('The update lists one client twice.');
    const end = groups[g + 1]?.first ?? structs.length;
    runs.set(group.client, structs.slice(group.first, end));
  }
  return ok({ runs, ds });
}
