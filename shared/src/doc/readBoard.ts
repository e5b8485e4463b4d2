// Reads a board's Y.Doc into validated records: malformed records are skipped and reported, never trusted.
import type * as Y from 'yjs';
import { parseArea, type Area } from '../model/Area.ts';
import { parseExercise, type Exercise } from '../model/Exercise.ts';
import { parseGroup, type Group } from '../model/Group.ts';
import { parseMeta, type Meta } from '../model/Meta.ts';
import { parseNote, type Note } from '../model/Note.ts';
import { parseParticipant, type Participant } from '../model/Participant.ts';
import type { Result } from '../model/Result.ts';
import { parseSession, type Session } from '../model/Session.ts';
import { boardMaps, recordToObject, type RecordMap } from './boardDoc.ts';

export interface Board {
  meta: Meta | null;
  groundRules: string[];
  exercises: Exercise[];
  areas: Area[];
  notes: Note[];
  groups: Group[];
  participants: Participant[];
  session: Session;
  /** Records that failed validation, with the reason (shown to facilitators, logged by the server). */
  skipped: { map: string; id: string; reason: string }[];
}

function readRecords<T>(
  map: Y.Map<RecordMap>,
  mapName: string,
  parse: (raw: Record<string, unknown>) => Result<T>,
  skipped: Board['skipped'],
): T[] {
  const records: T[] = [];
  map.forEach((value, id) => {
    const raw = recordToObject(value);
    const result = parse(raw);
    if (!result.ok) skipped.push({ map: mapName, id, reason: result.reason });
    else if (raw.id !== id) skipped.push({ map: mapName, id, reason: 'record id does not match its key' });
    else records.push(result.value);
  });
  return records;
}

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorted by creation time, then id, so every reader sees the same order. */
const byCreated = (a: Note, b: Note) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function readBoard(doc: Y.Doc): Board {
  const maps = boardMaps(doc);
  const skipped: Board['skipped'] = [];
  const metaResult = parseMeta(maps.meta.toJSON() as Record<string, unknown>);
  const rules = maps.meta.get('groundRules');
  const exercises = readRecords(maps.exercises, 'exercises', parseExercise, skipped).sort(byOrder);
  const exerciseIds = new Set(exercises.map((e) => e.id));
  const areas = readRecords(maps.areas, 'areas', parseArea, skipped)
    .filter((area) => exerciseIds.has(area.exerciseId) || void skipped.push({ map: 'areas', id: area.id, reason: 'unknown exercise' }))
    .sort(byOrder);
  const areaIds = new Set(areas.map((a) => a.id));
  const groups = readRecords(maps.groups, 'groups', parseGroup, skipped).filter(
    (group) => areaIds.has(group.areaId) || void skipped.push({ map: 'groups', id: group.id, reason: 'unknown area' }),
  );
  const groupsById = new Map(groups.map((g) => [g.id, g]));
  const notes = readRecords(maps.notes, 'notes', parseNote, skipped)
    .filter((note) => areaIds.has(note.areaId) || void skipped.push({ map: 'notes', id: note.id, reason: 'unknown area' }))
    .map((note) => {
      // A note whose group vanished or sits in another area reads as ungrouped: repair, don't drop.
      if (note.groupId === undefined) return note;
      const group = groupsById.get(note.groupId);
      if (group && group.areaId === note.areaId) return note;
      const { groupId: _dropped, ...rest } = note;
      return rest;
    })
    .sort(byCreated);
  return {
    meta: metaResult.ok ? metaResult.value : null,
    groundRules: Array.isArray(rules) ? rules.filter((r): r is string => typeof r === 'string') : [],
    exercises,
    areas,
    notes,
    groups: groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    participants: readRecords(maps.participants, 'participants', parseParticipant, skipped),
    session: parseSession(maps.session.toJSON() as Record<string, unknown>),
    skipped,
  };
}

/** Reads one note by id, validated; undefined when absent or malformed. */
export function readNote(doc: Y.Doc, id: string): Note | undefined {
  const raw = boardMaps(doc).notes.get(id);
  if (!raw) return undefined;
  const result = parseNote(recordToObject(raw));
  return result.ok ? result.value : undefined;
}
