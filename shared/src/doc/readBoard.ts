// Reads a board's Y.Doc into validated records: malformed records are skipped and reported, never trusted.
import type * as Y from 'yjs';
import { parseArea, type Area } from '../model/Area.ts';
import { parseComment, type Comment } from '../model/Comment.ts';
import type { Decision } from '../model/Decision.ts';
import { parseExercise, type Exercise } from '../model/Exercise.ts';
import { parseGroup, type Group } from '../model/Group.ts';
import { parseHandoff, type Handoff } from '../model/Handoff.ts';
import { parseGroundRules, parseMeta, readMinTeamSize, type Meta } from '../model/Meta.ts';
import { parseNote, type Note } from '../model/Note.ts';
import { parseParticipant, type Participant } from '../model/Participant.ts';
import type { Result } from '../model/Result.ts';
import { parseSession, type Session } from '../model/Session.ts';
import { boardMaps, recordToObject, type RecordMap } from './boardDoc.ts';
import { parseEarlierSessions, type EarlierSession } from '../import/earlierSessions.ts';
import { readDecisions } from './readDecisions.ts';

export interface Board {
  meta: Meta | null;
  groundRules: string[];
  /** The smallest team (meta.minTeamSize, extension); DEFAULT_MIN_TEAM_SIZE when the board sets none. */
  minTeamSize: number;
  /** Sessions of the boards this one continues (import, carry-forward), kept as history (extension). */
  earlierSessions?: EarlierSession[];
  exercises: Exercise[];
  areas: Area[];
  notes: Note[];
  groups: Group[];
  participants: Participant[];
  /** Discussion comments whose note or group exists, by creation time (extension). */
  comments: Comment[];
  /** Station hand-offs left at existing stations, by creation time (extension). */
  handoffs: Handoff[];
  /** The facilitator's decisions on existing notes and groups, by id (extension). */
  decisions: Decision[];
  session: Session;
  /** Records that failed validation, with the reason (shown to facilitators, logged by the server). */
  skipped: { map: string; id: string; reason: string }[];
}

/** A record's parse, as readRecords makes it: the result and the id the record itself holds. */
export interface ParsedRecord {
  result: Result<unknown>;
  rawId: unknown;
}

/**
 * Parses remembered per record map (boardReader.ts drops a record's entry when a transaction changes it), so a
 * re-read after one change parses one record instead of the whole board. Without one, every record is parsed.
 */
export type RecordCache = WeakMap<object, ParsedRecord>;

function readRecords<T>(
  map: Y.Map<RecordMap>,
  mapName: string,
  parse: (raw: Record<string, unknown>) => Result<T>,
  skipped: Board['skipped'],
  cache?: RecordCache,
): T[] {
  const records: T[] = [];
  map.forEach((value, id) => {
    const isCached = cache !== undefined && typeof value === 'object' && value !== null;
    let parsed = isCached ? cache.get(value) : undefined;
    if (!parsed) {
      const raw = recordToObject(value);
      parsed = { result: parse(raw), rawId: raw.id };
      if (isCached) cache.set(value, parsed);
    }
    const result = parsed.result as Result<T>;
    if (!result.ok) skipped.push({ map: mapName, id, reason: result.reason });
    else if (parsed.rawId !== id) skipped.push({ map: mapName, id, reason: 'record id does not match its key' });
    else records.push(result.value);
  });
  return records;
}

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorted by creation time, then id, so every reader sees the same order. */
const byCreated = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The doc's board; `cache` (see RecordCache) only saves work: the result is the same with or without it. */
export function readBoard(doc: Y.Doc, cache?: RecordCache): Board {
  const maps = boardMaps(doc);
  const skipped: Board['skipped'] = [];
  const metaResult = parseMeta(maps.meta.toJSON() as Record<string, unknown>);
  const { exercises, areas } = readStations(doc, skipped);
  const areaIds = new Set(areas.map((a) => a.id));
  const groups = readRecords(maps.groups, 'groups', parseGroup, skipped, cache).filter(
    (group) => areaIds.has(group.areaId) || void skipped.push({ map: 'groups', id: group.id, reason: 'unknown area' }),
  );
  const groupsById = new Map(groups.map((g) => [g.id, g]));
  const notes = readRecords(maps.notes, 'notes', parseNote, skipped, cache)
    .filter(
      (note) => areaIds.has(note.areaId) || void skipped.push({ map: 'notes', id: note.id, reason: 'unknown area' }),
    )
    .map((note) => {
      // A note whose group vanished or sits in another area reads as ungrouped: repair, don't drop.
      if (note.groupId === undefined) return note;
      const group = groupsById.get(note.groupId);
      if (group && group.areaId === note.areaId) return note;
      const { groupId: _dropped, ...rest } = note;
      return rest;
    })
    .sort(byCreated);
  const earlierSessions = parseEarlierSessions(maps.meta.get('earlierSessions'));
  return {
    meta: metaResult.ok ? metaResult.value : null,
    groundRules: parseGroundRules(maps.meta.get('groundRules')),
    minTeamSize: readMinTeamSize(maps.meta.get('minTeamSize')),
    ...(earlierSessions.length > 0 ? { earlierSessions } : {}),
    exercises,
    areas,
    notes,
    groups: groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    participants: readRecords(maps.participants, 'participants', parseParticipant, skipped, cache),
    comments: readComments(maps.comments, new Set(notes.map((n) => n.id)), groupsById, skipped, cache),
    handoffs: readHandoffs(maps.handoffs, areas, skipped),
    decisions: readDecisions(doc, new Set(notes.map((n) => n.id)), new Set(groups.map((g) => g.id))),
    session: readSession(doc),
    skipped,
  };
}

/** The exercises and their stations only, validated and ordered: what phase logic needs, without reading notes. */
export function readStations(doc: Y.Doc, skipped: Board['skipped'] = []): Pick<Board, 'exercises' | 'areas'> {
  const maps = boardMaps(doc);
  const exercises = readRecords(maps.exercises, 'exercises', parseExercise, skipped).sort(byOrder);
  const exerciseIds = new Set(exercises.map((e) => e.id));
  const areas = readRecords(maps.areas, 'areas', parseArea, skipped)
    .filter(
      (area) =>
        exerciseIds.has(area.exerciseId) ||
        void skipped.push({ map: 'areas', id: area.id, reason: 'unknown exercise' }),
    )
    .sort(byOrder);
  return { exercises, areas };
}

/** The session map, read leniently (see parseSession). */
export function readSession(doc: Y.Doc): Session {
  return parseSession(boardMaps(doc).session.toJSON() as Record<string, unknown>);
}

/** Hand-offs left at an existing station of their own exercise, by creation time. */
function readHandoffs(map: Y.Map<RecordMap>, areas: readonly Area[], skipped: Board['skipped']): Handoff[] {
  const areasById = new Map(areas.map((a) => [a.id, a]));
  return readRecords(map, 'handoffs', parseHandoff, skipped)
    .filter((handoff) => {
      const area = areasById.get(handoff.areaId);
      if (area && area.exerciseId === handoff.exerciseId) return true;
      skipped.push({ map: 'handoffs', id: handoff.id, reason: area ? 'station of another exercise' : 'unknown area' });
      return false;
    })
    .sort(byCreated);
}

/**
 * Comments whose note or group exists; the rest are skipped (their target was deleted). A reply whose parent is
 * gone, is about another target, or loops back to itself reads as a top-level comment: repair, don't drop.
 */
function readComments(
  map: Y.Map<RecordMap>,
  noteIds: ReadonlySet<string>,
  groupsById: ReadonlyMap<string, Group>,
  skipped: Board['skipped'],
  cache: RecordCache | undefined,
): Comment[] {
  const comments = readRecords(map, 'comments', parseComment, skipped, cache).filter((comment) => {
    const exists = comment.targetType === 'note' ? noteIds.has(comment.targetId) : groupsById.has(comment.targetId);
    if (!exists)
      skipped.push({ map: 'comments', id: comment.id, reason: `its ${comment.targetType} no longer exists` });
    return exists;
  });
  const byId = new Map(comments.map((c) => [c.id, c]));
  // Only comments on a cycle are repaired; one hanging below a cycle keeps its parent (which becomes top-level).
  const loops = (start: Comment): boolean => {
    let at = start.parentId;
    for (let steps = 0; at !== undefined && steps <= byId.size; steps++) {
      if (at === start.id) return true;
      at = byId.get(at)?.parentId;
    }
    return false;
  };
  const topLevel = new Set(
    comments
      .filter((c) => {
        if (c.parentId === undefined) return false;
        const parent = byId.get(c.parentId);
        return !parent || parent.targetType !== c.targetType || parent.targetId !== c.targetId || loops(c);
      })
      .map((c) => c.id),
  );
  return comments
    .map((comment) => {
      if (!topLevel.has(comment.id)) return comment;
      const { parentId: _dropped, ...rest } = comment;
      return rest;
    })
    .sort(byCreated);
}
