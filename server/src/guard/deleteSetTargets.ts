// Finds what an update's delete set would delete: live items of the room's doc, and structs of the update itself.
import * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/model/Result.ts';
import type { DecodedDeleteSet, UpdateStruct } from './readUpdateStructs.ts';

export interface DeleteSetTargets {
  /** Items of the room's doc that are live now and would be deleted, in delete-set order. */
  docItems: Y.Item[];
  /** Structs of the update that its own delete set deletes (in whole or in part). */
  ownStructs: Set<UpdateStruct>;
}

/** Index of the first struct in a clock-ordered run that ends after `clock`. */
function firstEndingAfter(run: UpdateStruct[], clock: number): number {
  let low = 0;
  let high = run.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const struct = run[mid] as UpdateStruct;
    if (struct.id.clock + struct.length <= clock) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Yjs applies the delete set after the structs: a range must lie within the client's clock once the
 * update is in (`stateAfter`), or yjs keeps the rest as a pending delete that would apply later, unchecked.
 * Already deleted and garbage-collected items are skipped: deleting them again changes nothing.
 */
export function deleteSetTargets(
  store: Y.Doc['store'],
  ds: DecodedDeleteSet,
  runs: Map<number, UpdateStruct[]>,
  stateAfter: (client: number) => number,
): Result<DeleteSetTargets> {
  const docItems: Y.Item[] = [];
  const ownStructs = new Set<UpdateStruct>();
  for (const [client, ranges] of ds.clients) {
    const docState = Y.getState(store, client);
    const finalState = stateAfter(client);
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (clock >= finalState || end > finalState) return fail('The update deletes changes the server does not have.');
      // An empty range only splits an item in yjs; it deletes nothing.
      if (len === 0) continue;
      if (clock < docState && structs) {
        const docEnd = Math.min(end, docState);
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i] as Y.Item | Y.GC;
          if (struct.id.clock >= docEnd) break;
          if (struct instanceof Y.Item && !struct.deleted) docItems.push(struct);
        }
      }
      const run = runs.get(client);
      if (end > docState && run) {
        const start = Math.max(clock, docState);
        for (let i = firstEndingAfter(run, start); i < run.length; i++) {
          const struct = run[i] as UpdateStruct;
          if (struct.id.clock >= end) break;
          ownStructs.add(struct);
        }
      }
    }
  }
  return ok({ docItems, ownStructs });
}
