// Where in the board format a Yjs type sits (record map, value map, one record), and what an item's content is.
import * as Y from 'yjs';
import { isRecordMap, type RecordMapName } from '@shared/doc/boardDoc.ts';
import type { ValueMapName } from '@shared/rules/Change.ts';
import { isPlainJson } from './isPlainJson.ts';
import type { AnyYType } from '@shared/doc/yTypes.ts';

/** A container an item can be written into, in board terms. */
export type Place =
  /** Nowhere: the container was deleted or garbage-collected, so yjs drops (or at once deletes) what lands there. */
  | { kind: 'void' }
  /** Somewhere the board format has no room for. */
  | { kind: 'unknown'; reason: string }
  | { kind: 'recordMap'; map: RecordMapName }
  | { kind: 'valueMap'; map: ValueMapName }
  /** The nested map of one record; `holder` is the item holding it (in the room's doc, or new in the update). */
  | { kind: 'record'; map: RecordMapName; id: string; holder: Y.Item; isNew: boolean };

export function rootPlace(name: string): Place {
  if (isRecordMap(name)) return { kind: 'recordMap', map: name };
  if (name === 'meta' || name === 'session') return { kind: 'valueMap', map: name };
  return { kind: 'unknown', reason: `the board has no top-level "${name}"` };
}

export function describePlace(place: Place): string {
  switch (place.kind) {
    case 'recordMap':
    case 'valueMap':
      return `"${place.map}"`;
    case 'record':
      return `a record of "${place.map}"`;
    default:
      return 'the board';
  }
}

/** What a record holder's content must be: exactly a Y.Map (Y.XmlHook extends Y.Map, so no instanceof). */
export function holdsPlainMap(item: Y.Item): boolean {
  return item.content instanceof Y.ContentType && item.content.type.constructor === Y.Map;
}

/** The place of the type held by `holder`, given the place and key where the holder itself sits. */
export function placeOfHeldType(holder: Y.Item, holderPlace: Place, holderKey: string | null, isNew: boolean): Place {
  if (holderPlace.kind === 'void' || holderPlace.kind === 'unknown') return holderPlace;
  if (holderPlace.kind === 'recordMap' && holderKey !== null && holdsPlainMap(holder)) {
    return { kind: 'record', map: holderPlace.map, id: holderKey, holder, isNew };
  }
  return { kind: 'unknown', reason: `content nested inside ${describePlace(holderPlace)}` };
}

function typeName(type: AnyYType): string {
  if (type instanceof Y.XmlHook) return 'Y.XmlHook';
  if (type instanceof Y.Map) return 'Y.Map';
  if (type instanceof Y.XmlText) return 'Y.XmlText';
  if (type instanceof Y.Text) return 'Y.Text';
  if (type instanceof Y.Array) return 'Y.Array';
  if (type instanceof Y.XmlElement) return 'Y.XmlElement';
  if (type instanceof Y.XmlFragment) return 'Y.XmlFragment';
  return 'an unknown type';
}

export type ContentKind =
  { kind: 'map' } | { kind: 'value'; value: unknown } | { kind: 'deleted' } | { kind: 'bad'; reason: string };

/** Classifies what an item (from `offset` on) would write. */
export function contentKind(item: Y.Item, offset: number): ContentKind {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return { kind: 'deleted' };
  // Only deleted content is ever merged across map writes; a half-known item of any other kind is not ours.
  if (offset > 0) return { kind: 'bad', reason: 'an item the server knows only in part' };
  if (content instanceof Y.ContentType) {
    return content.type.constructor === Y.Map
      ? { kind: 'map' }
      : { kind: 'bad', reason: `a ${typeName(content.type)}` };
  }
  if (content instanceof Y.ContentAny) {
    if (content.arr.length !== 1) return { kind: 'bad', reason: 'several values in one item' };
    const value: unknown = content.arr[0];
    return isPlainJson(value) ? { kind: 'value', value } : { kind: 'bad', reason: 'a value that is not plain JSON' };
  }
  if (content instanceof Y.ContentString) return { kind: 'bad', reason: 'text content' };
  if (content instanceof Y.ContentFormat) return { kind: 'bad', reason: 'text formatting' };
  if (content instanceof Y.ContentEmbed) return { kind: 'bad', reason: 'an embed' };
  if (content instanceof Y.ContentBinary) return { kind: 'bad', reason: 'binary data' };
  if (content instanceof Y.ContentDoc) return { kind: 'bad', reason: 'a subdocument' };
  if (content instanceof Y.ContentJSON) return { kind: 'bad', reason: 'legacy JSON content' };
  return { kind: 'bad', reason: 'content of an unknown kind' };
}

/**
 * Places of the room doc's own types, memoised for one update. Never creates root types
 * (doc.getMap would), and never walks more than the chain of holders above one type.
 */
export function createDocPlaces(doc: Y.Doc) {
  const placeByType = new Map<AnyYType, Place>();
  let rootNames: Map<AnyYType, string> | undefined;

  function rootName(type: AnyYType): string | undefined {
    if (!rootNames) {
      rootNames = new Map();
      for (const [name, root] of doc.share) rootNames.set(root, name);
    }
    return rootNames.get(type);
  }

  /** The place of a type in the doc: a root, or the type held by a live item. */
  function typePlace(type: AnyYType): Place {
    const known = placeByType.get(type);
    if (known) return known;
    const holder = type._item;
    let place: Place;
    if (holder === null) {
      const name = rootName(type);
      place = name === undefined ? { kind: 'unknown', reason: 'a type outside the board' } : rootPlace(name);
    } else {
      place = holderPlace(holder);
    }
    placeByType.set(type, place);
    return place;
  }

  /** The place of the type an existing item holds; void when it holds none or was deleted (yjs then drops writes). */
  function holderPlace(holder: Y.Item): Place {
    if (holder.deleted || !(holder.content instanceof Y.ContentType)) return { kind: 'void' };
    if (!(holder.parent instanceof Y.AbstractType)) return { kind: 'void' };
    return placeOfHeldType(holder, typePlace(holder.parent), holder.parentSub, false);
  }

  /** Where an existing item sits (its parent's place). */
  function itemPlace(item: Y.Item): Place {
    return item.parent instanceof Y.AbstractType ? typePlace(item.parent) : { kind: 'void' };
  }

  return { typePlace, holderPlace, itemPlace };
}

export type DocPlaces = ReturnType<typeof createDocPlaces>;
