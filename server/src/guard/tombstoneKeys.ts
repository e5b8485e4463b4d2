// Where an update may leave deleted content: only at keys the board had, or at known fields of a record.
import * as Y from 'yjs';
import { RECORD_SPECS, type WritableRecordMap } from '@shared/rules/recordSpecs.ts';
import type { Place } from './boardPlaces.ts';

function isKnownField(map: string, field: string): boolean {
  const spec = (RECORD_SPECS as Partial<Record<string, (typeof RECORD_SPECS)[WritableRecordMap]>>)[map];
  return spec !== undefined && spec.keys.includes(field);
}

/**
 * Whether a tombstone (a deleted item, or one the update deletes itself) may land at `key` of `place`.
 * A tombstone at a key that never existed changes nothing a person can see, yet stays in the doc for
 * good: enough of them fill a board to its byte limit and lock every writer out. Real clients leave
 * them only where something was (a deleted record, an overwritten value) or at the known fields of a
 * record (a note dragged while offline overwrites its x and y many times).
 */
export function tombstoneKeyExists(doc: Y.Doc, place: Place, key: string): boolean {
  switch (place.kind) {
    case 'recordMap':
    case 'valueMap':
      return doc.share.get(place.map)?._map.has(key) === true;
    case 'record': {
      if (isKnownField(place.map, key)) return true;
      const content = place.holder.content;
      return !place.isNew && content instanceof Y.ContentType && content.type._map.has(key);
    }
    default:
      return true;
  }
}
