// The top-level maps of a board's Y.Doc (format version 1) and typed access to them.
import * as Y from 'yjs';

export const MAP_NAMES = [
  'meta',
  'exercises',
  'areas',
  'notes',
  'groups',
  'session',
  'participants',
  'comments',
  'handoffs',
  'decisions',
] as const;
export type MapName = (typeof MAP_NAMES)[number];
/** Maps whose values are records (one nested Y.Map per id). */
export const RECORD_MAPS = [
  'exercises',
  'areas',
  'notes',
  'groups',
  'participants',
  'comments',
  'handoffs',
  'decisions',
] as const;
export type RecordMapName = (typeof RECORD_MAPS)[number];

export function isMapName(value: string): value is MapName {
  return (MAP_NAMES as readonly string[]).includes(value);
}

export function isRecordMap(value: string): value is RecordMapName {
  return (RECORD_MAPS as readonly string[]).includes(value);
}

/** A record is stored as a nested Y.Map of plain JSON values, so fields merge independently. */
export type RecordMap = Y.Map<unknown>;

export interface BoardMaps {
  meta: Y.Map<unknown>;
  exercises: Y.Map<RecordMap>;
  areas: Y.Map<RecordMap>;
  notes: Y.Map<RecordMap>;
  groups: Y.Map<RecordMap>;
  session: Y.Map<unknown>;
  participants: Y.Map<RecordMap>;
  /** Discussion comments on notes and groups (extension). */
  comments: Y.Map<RecordMap>;
  /** Station hand-off summaries left by a team before rotating (extension). */
  handoffs: Y.Map<RecordMap>;
  /** The facilitator's decisions on notes and groups: in scope, out of scope, parked, merged; priority (extension). */
  decisions: Y.Map<RecordMap>;
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    meta: doc.getMap('meta'),
    exercises: doc.getMap('exercises'),
    areas: doc.getMap('areas'),
    notes: doc.getMap('notes'),
    groups: doc.getMap('groups'),
    session: doc.getMap('session'),
    participants: doc.getMap('participants'),
    comments: doc.getMap('comments'),
    handoffs: doc.getMap('handoffs'),
    decisions: doc.getMap('decisions'),
  };
}

/** Reads a nested record map into a plain object; a value that is not a Y.Map reads as empty. */
export function recordToObject(value: unknown): Record<string, unknown> {
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : {};
}

/** Builds a record's nested Y.Map from plain fields, leaving out undefined ones. */
export function toRecordMap(fields: object): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
  return map;
}

/** Why a change was made: lets UndoManager track only local edits and the server tell its own writes apart. */
export type Origin = 'local' | 'server' | 'import' | 'template' | 'remote' | 'facilitator';
