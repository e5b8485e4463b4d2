// What one Yjs update does to a board, in board terms: the guard's vocabulary between decoder and rules.
import type { RecordMapName } from '../doc/boardDoc.ts';
import type { Phase } from '../model/Phase.ts';
import type { Role } from '../model/Role.ts';

/** Root maps holding plain values (not records). */
export type ValueMapName = 'meta' | 'session';

export type Change =
  /** A new record: a nested Y.Map put at `id` in a record map, with the fields this update gives it. */
  | { kind: 'createRecord'; map: RecordMapName; id: string; fields: Record<string, unknown> }
  /** A record removed from its map (the nested Y.Map at `id` deleted). */
  | { kind: 'deleteRecord'; map: RecordMapName; id: string }
  /** One field of an existing record set to a plain JSON value. */
  | { kind: 'setField'; map: RecordMapName; id: string; field: string; value: unknown }
  /** One field of an existing record removed (map.delete), with no new value in the same update. */
  | { kind: 'deleteField'; map: RecordMapName; id: string; field: string }
  /** A key of `meta` or `session` set or removed. */
  | { kind: 'setValue'; map: ValueMapName; key: string; value: unknown }
  | { kind: 'deleteValue'; map: ValueMapName; key: string }
  /** Anything the board format has no place for (unknown root types, text or array content, subdocs...). */
  | { kind: 'unsupported'; reason: string };

/** Who sent the update, as the server knows them from their token (never from the update itself). */
export interface Actor {
  participantId: string;
  name: string;
  role: Role;
}

/** Read access to the board as it is before the update, for the rules to compare against. */
export interface BoardView {
  phase: Phase;
  observersMayPost: boolean;
  /** Private posting is on: while posting, notes go to the server's sealed store, never into the shared doc. */
  privatePosting: boolean;
  /** The exercise being run (session.exerciseId): participants post only into its stations, and structure rules
   * refuse edits that would break its running phase. */
  exerciseId: string | null;
  /** The current fields of a record, or undefined when there is no such record. */
  getRecord(map: RecordMapName, id: string): Record<string, unknown> | undefined;
  /** Ids of the notes at a station, read only when a station is deleted. */
  noteIdsIn?(areaId: string): string[];
}
