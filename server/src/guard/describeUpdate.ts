// Says, in board terms, what one Yjs update would do to a room's doc, without applying it: the guard's decoder.
import * as Y from 'yjs';
import type { Change } from '@shared/rules/Change.ts';
import { fail, ok, type Result } from '@shared/model/Result.ts';
import {
  contentKind,
  createDocPlaces,
  describePlace,
  holdsPlainMap,
  placeOfHeldType,
  rootPlace,
  type Place,
} from './boardPlaces.ts';
import { createChangeLedger, DELETION, type CurrentDoc } from './changeLedger.ts';
import { deleteSetTargets } from './deleteSetTargets.ts';
import { inspectFieldWrites } from './fieldWriteFastPath.ts';
import { inspectNewRecord } from './newRecordFastPath.ts';
import { planIntegration } from './planIntegration.ts';
import { readUpdateStructs, UNREADABLE, type UpdateStruct } from './readUpdateStructs.ts';
import { checkUpdateBounds } from './updateBounds.ts';
import { tombstoneKeyExists } from './tombstoneKeys.ts';
import type { AnyYType } from '@shared/doc/yTypes.ts';

/** What an update would do: its board changes, and whether it writes to the doc at all (new structs or deletions). */
export interface UpdateInspection {
  changes: Change[];
  /** True when the update adds structs or deletes anything, even if no board-level change comes of it. */
  writes: boolean;
}

/** Where an item lands: its container and its key there (null: list content). null as a whole: nowhere (yjs drops it). */
type Where = { place: Place; parentSub: string | null } | null;

/** The struct of a clock-ordered run that contains `clock`. */
function structAt(run: readonly UpdateStruct[] | undefined, clock: number): UpdateStruct | undefined {
  if (!run) return undefined;
  let low = 0;
  let high = run.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = run[mid] as UpdateStruct;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return undefined;
}

function liveAt(type: AnyYType | undefined, key: string): boolean {
  const item = type?._map.get(key);
  return item !== undefined && !item.deleted;
}

function currentDoc(doc: Y.Doc): CurrentDoc {
  return {
    hasRecord: (map, id) => liveAt(doc.share.get(map), id),
    hasValue: (map, key) => liveAt(doc.share.get(map), key),
    hasField: (holder, field) => holder.content instanceof Y.ContentType && liveAt(holder.content.type, field),
  };
}

function inspect(doc: Y.Doc, update: Uint8Array): Result<UpdateInspection> {
  const store = doc.store;
  // Anything parked in the room would be applied by the next update without a check of its own.
  if (store.pendingStructs !== null || store.pendingDs !== null)
    return fail('The room has unapplied changes waiting; it takes no more.');
  const decoded = readUpdateStructs(update);
  if (!decoded.ok) return decoded;
  const { runs, ds } = decoded.value;
  const bounded = checkUpdateBounds(store, runs, ds);
  if (!bounded.ok) return bounded;
  const plan = planIntegration(store, runs);
  if (!plan.ok) return plan;
  const targets = deleteSetTargets(store, ds, runs, plan.value.stateAfter);
  if (!targets.ok) return targets;
  const { docItems, ownStructs } = targets.value;

  const places = createDocPlaces(doc);
  const ledger = createChangeLedger();
  const resolved = new Map<UpdateStruct, Where>();

  /** The struct at `id`: in the room's doc when the doc has that clock, else (already resolved) in the update. */
  function at(id: Y.ID): { docStruct: Y.Item | Y.GC } | { own: UpdateStruct } {
    if (id.clock < Y.getState(store, id.client)) {
      const structs = store.clients.get(id.client) as (Y.Item | Y.GC)[];
      return { docStruct: structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC };
    }
    const own = structAt(runs.get(id.client), id.clock);
    // planIntegration guarantees every reference is integrated before its user.
    if (!own || !resolved.has(own)) throw new Error('reference out of order');
    return { own };
  }

  /** Where the item at `id` sits, as a left or right neighbour; null for a GC struct (yjs then drops the new item). */
  function neighbour(id: Y.ID): Where {
    const found = at(id);
    if ('own' in found) return resolved.get(found.own) ?? null;
    if (!(found.docStruct instanceof Y.Item)) return null;
    const place = places.itemPlace(found.docStruct);
    return place.kind === 'void' ? null : { place, parentSub: found.docStruct.parentSub };
  }

  /** The place of the type held by the item at `id` (a parent reference). */
  function heldBy(id: Y.ID): Place {
    const found = at(id);
    if (!('own' in found))
      return found.docStruct instanceof Y.Item ? places.holderPlace(found.docStruct) : { kind: 'void' };
    const where = resolved.get(found.own);
    const holder = found.own;
    if (!where || !(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return { kind: 'void' };
    return placeOfHeldType(holder, where.place, where.parentSub, true);
  }

  /** Mirrors Item.getMissing: parent and key come from the left neighbour, else the right one, else the wire. */
  function locate(item: Y.Item): Where {
    if (item.origin || item.rightOrigin) {
      const left = item.origin ? neighbour(item.origin) : undefined;
      const right = item.rightOrigin ? neighbour(item.rightOrigin) : undefined;
      if (left === null || right === null) return null;
      return left ?? right ?? null;
    }
    const parent: unknown = item.parent;
    if (typeof parent === 'string') return { place: rootPlace(parent), parentSub: item.parentSub };
    if (parent instanceof Y.ID) {
      const place = heldBy(parent);
      return place.kind === 'void' ? null : { place, parentSub: item.parentSub };
    }
    return null;
  }

  /** Set when an item would leave a tombstone where the board never had anything. */
  let strayTombstone: string | null = null;

  function write(item: Y.Item, offset: number, where: NonNullable<Where>): void {
    const { place, parentSub } = where;
    if (place.kind === 'void') return;
    if (place.kind === 'unknown') return ledger.unsupported(place.reason);
    if (parentSub === null) return ledger.unsupported(`list content in ${describePlace(place)}`);
    const content = contentKind(item, offset);
    if (content.kind === 'bad') return ledger.unsupported(`${content.reason} in ${describePlace(place)}`);
    const isDeleted = ownStructs.has(item);
    if ((isDeleted || content.kind === 'deleted') && !tombstoneKeyExists(doc, place, parentSub)) {
      strayTombstone ??= `The update leaves deleted content at a key ${describePlace(place)} never had.`;
    }
    const value = content.kind === 'value' && !isDeleted ? content.value : DELETION;
    switch (place.kind) {
      case 'recordMap':
        if (content.kind === 'map') return ledger.putRecord(place.map, parentSub, item, !isDeleted);
        if (content.kind === 'deleted') return ledger.clearRecord(place.map, parentSub);
        return ledger.unsupported(`a plain value where "${place.map}" holds records`);
      case 'valueMap':
        if (content.kind === 'map') return ledger.unsupported(`a nested map in "${place.map}"`);
        return ledger.putValue(place.map, parentSub, value);
      case 'record':
        if (content.kind === 'map') return ledger.unsupported(`a nested map inside a record of "${place.map}"`);
        return ledger.putField(place.map, place.id, place.holder, place.isNew, parentSub, value);
    }
  }

  for (const { struct, offset } of plan.value.order) {
    const where = struct instanceof Y.Item ? locate(struct) : null;
    resolved.set(struct, where);
    if (where && struct instanceof Y.Item) write(struct, offset, where);
  }

  for (const item of docItems) {
    const place = places.itemPlace(item);
    const key = item.parentSub;
    if (place.kind === 'void') continue;
    if (place.kind === 'unknown') ledger.unsupported(`deleting ${place.reason}`);
    else if (key === null) ledger.unsupported(`deleting list content in ${describePlace(place)}`);
    else if (place.kind === 'recordMap') ledger.clearRecord(place.map, key, holdsPlainMap(item) ? item : undefined);
    else if (place.kind === 'valueMap') ledger.putValue(place.map, key, DELETION);
    else ledger.putField(place.map, place.id, place.holder, false, key, DELETION);
  }

  if (strayTombstone !== null) return fail(strayTombstone);
  const writes = plan.value.order.length > 0 || docItems.length > 0 || ownStructs.size > 0;
  return ok({ changes: ledger.changes(currentDoc(doc)), writes });
}

/**
 * Describes what `update` (v1 encoding, as the y-websocket protocol sends it) would do to `doc`, the room's
 * doc as it is now, without applying it or copying the doc. The result lists one Change per touched key
 * (last write wins); content the board format has no place for comes out as `unsupported` changes.
 * Fails (never throws) when the update cannot be read, depends on changes the room does not have, or is
 * shaped so that yjs would set part of it aside to apply later: the guard must see all of it now.
 * Cost: about the update's size times log(structs per client).
 */
export function describeUpdate(doc: Y.Doc, update: Uint8Array): Result<Change[]> {
  const inspected = inspectUpdate(doc, update);
  return inspected.ok ? ok(inspected.value.changes) : inspected;
}

/**
 * describeUpdate, plus whether the update writes anything at all: the guard's role and phase gate
 * applies to every update that adds structs or deletes, whatever board change it describes.
 * Also fails on updates outside the bounds of updateBounds.ts and on tombstones at keys the board
 * never had (see tombstoneKeys.ts).
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Result<UpdateInspection> {
  // The shapes nearly all traffic has (a note posted, moved, edited) are read straight from the bytes.
  const common = inspectNewRecord(doc, update) ?? inspectFieldWrites(doc, update);
  return common ? ok(common) : inspectInFull(doc, update);
}

/** inspectUpdate without the fast paths: every update's structs decoded, placed and judged. */
export function inspectInFull(doc: Y.Doc, update: Uint8Array): Result<UpdateInspection> {
  try {
    return inspect(doc, update);
  } catch {
    return fail(UNREADABLE);
  }
}
