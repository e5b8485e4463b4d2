// Shape limits every struct of an incoming update must meet, known copies included, before anything else looks at it.
import * as Y from 'yjs';
import { isMapName } from '@shared/doc/boardDoc.ts';
import { ID_MAX } from '@shared/model/limits.ts';
import { fail, ok, type Result } from '@shared/model/Result.ts';
import type { DecodedDeleteSet, UpdateStruct } from './readUpdateStructs.ts';

/**
 * The highest clock any client may reach. Far below 2^53, where clock arithmetic in yjs stops being
 * exact (an update with clocks near it makes Y.applyUpdate throw half-way through); a real client
 * writes one clock per map write, so it never comes near this.
 */
export const MAX_CLOCK = 2 ** 32;
/**
 * How far one update may move a client's clock past what the room has of it. A real client's update
 * advances its clock by the writes it carries (deleted runs of merged writes included); a long offline
 * session stays well within this.
 */
export const MAX_CLOCK_ADVANCE = 2 ** 20;
/** Map keys (record ids, field names, meta and session keys) are never longer than a record id. */
export const MAX_KEY_LENGTH = ID_MAX;

const TOO_FAR = 'The update jumps too far ahead in its history for a real change.';

function checkStruct(struct: UpdateStruct): Result<void> {
  if (struct instanceof Y.GC) return fail('The update carries garbage-collected history, which browsers never send.');
  if (!(struct instanceof Y.Item)) return ok(undefined);
  const parent: unknown = struct.parent;
  // Y.applyUpdate creates a root for every name it reads, even on items it then skips as known.
  if (typeof parent === 'string' && !isMapName(parent))
    return fail(`The board has no top-level "${parent.slice(0, MAX_KEY_LENGTH)}".`);
  if (struct.parentSub !== null && struct.parentSub.length > MAX_KEY_LENGTH) {
    return fail(`The update uses a key longer than ${MAX_KEY_LENGTH} characters.`);
  }
  return ok(undefined);
}

/**
 * Refuses what no real client sends, whatever the update would change: GC structs, roots outside the
 * board, over-long keys, clocks past MAX_CLOCK or more than MAX_CLOCK_ADVANCE ahead of the room, and
 * empty or out-of-range delete ranges. Cost: one pass over the decoded structs and ranges.
 */
export function checkUpdateBounds(
  store: Y.Doc['store'],
  runs: Map<number, UpdateStruct[]>,
  ds: DecodedDeleteSet,
): Result<void> {
  for (const [client, run] of runs) {
    const last = run[run.length - 1];
    if (!last) continue;
    const end = last.id.clock + last.length;
    if (!Number.isSafeInteger(end) || end > MAX_CLOCK || end - Y.getState(store, client) > MAX_CLOCK_ADVANCE)
      return fail(TOO_FAR);
    for (const struct of run) {
      const checked = checkStruct(struct);
      if (!checked.ok) return checked;
    }
  }
  for (const ranges of ds.clients.values()) {
    for (const { clock, len } of ranges) {
      if (len < 1) return fail('The update deletes an empty range, which browsers never send.');
      if (!Number.isSafeInteger(clock + len) || clock + len > MAX_CLOCK) return fail(TOO_FAR);
    }
  }
  return ok(undefined);
}
