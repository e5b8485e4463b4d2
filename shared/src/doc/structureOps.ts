// The facilitator's setup edits: exercises, stations, ground rules and team size, validated, one transaction each.
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { parseArea, type Area } from '../model/Area.ts';
import { parseExercise } from '../model/Exercise.ts';
import type { NoteColouring } from '../model/Meta.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { cleanText } from '../model/validate.ts';
import { checkMetaChange } from '../rules/structureRules.ts';
import { boardMaps, recordToObject, toRecordMap, type Origin, type RecordMap } from './boardDoc.ts';

/** Setup edits carry their own origin: the facilitator's, apart from participants' undoable 'local' edits. */
export const FACILITATOR_ORIGIN: Origin = 'facilitator';

type StationFields = Partial<Pick<Area, 'title' | 'description' | 'reference' | 'colour'>>;
type ExerciseFields = { title?: string; question?: string };

/** Validates the record as it would be after `fields`, then writes only the fields that change. */
function updateRecord(
  doc: Y.Doc,
  record: RecordMap | undefined,
  fields: Record<string, unknown>,
  parse: (raw: Record<string, unknown>) => Result<unknown>,
  missing: string,
): Result<void> {
  if (!record) return fail(missing);
  const next: Record<string, unknown> = { ...recordToObject(record) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = typeof value === 'string' ? value.trim() : value;
  }
  if ('description' in fields && next.description === undefined) next.description = '';
  if ('question' in fields && next.question === undefined) next.question = '';
  const parsed = parse(next);
  if (!parsed.ok) return parsed;
  doc.transact(() => {
    for (const key of Object.keys(fields)) {
      if (next[key] === undefined) record.delete(key);
      else if (record.get(key) !== next[key]) record.set(key, next[key]);
    }
  }, FACILITATOR_ORIGIN);
  return ok(undefined);
}

export function updateExercise(doc: Y.Doc, exerciseId: string, fields: ExerciseFields): Result<void> {
  return updateRecord(
    doc,
    boardMaps(doc).exercises.get(exerciseId),
    fields,
    parseExercise,
    'that exercise no longer exists',
  );
}

export function updateStation(doc: Y.Doc, areaId: string, fields: StationFields): Result<void> {
  return updateRecord(doc, boardMaps(doc).areas.get(areaId), fields, parseArea, 'that station no longer exists');
}

/** Leaves a station out (its notes stay and are exported) or brings it back. */
export function setStationLeftOut(doc: Y.Doc, areaId: string, isLeftOut: boolean): Result<void> {
  const record = boardMaps(doc).areas.get(areaId);
  if (!record) return fail('that station no longer exists');
  doc.transact(() => (isLeftOut ? record.set('isLeftOut', true) : record.delete('isLeftOut')), FACILITATOR_ORIGIN);
  return ok(undefined);
}

/** Adds a station at the end of its exercise. */
export function addStation(
  doc: Y.Doc,
  exerciseId: string,
  fields: { title: string; description?: string },
  id = nanoid(),
): Result<Area> {
  const maps = boardMaps(doc);
  if (!maps.exercises.has(exerciseId)) return fail('that exercise no longer exists');
  const orders: number[] = [];
  maps.areas.forEach(
    (area) => void (area.get('exerciseId') === exerciseId && orders.push(Number(area.get('order')) || 0)),
  );
  const parsed = parseArea({
    id,
    exerciseId,
    title: fields.title,
    description: fields.description ?? '',
    order: Math.max(-1, ...orders) + 1,
  });
  if (!parsed.ok) return parsed;
  doc.transact(() => maps.areas.set(id, toRecordMap({ ...parsed.value })), FACILITATOR_ORIGIN);
  return parsed;
}

/** Deletes a station that holds no notes; one with notes can only be left out. */
export function deleteStation(doc: Y.Doc, areaId: string): Result<void> {
  const maps = boardMaps(doc);
  if (!maps.areas.has(areaId)) return fail('that station no longer exists');
  let holdsNotes = false;
  maps.notes.forEach((note) => void (note.get('areaId') === areaId && (holdsNotes = true)));
  if (holdsNotes) return fail('that station holds notes, so it cannot be deleted: leave it out instead');
  doc.transact(() => {
    maps.areas.delete(areaId);
    maps.groups.forEach((group, id) => void (group.get('areaId') === areaId && maps.groups.delete(id)));
  }, FACILITATOR_ORIGIN);
  return ok(undefined);
}

/** Moves an exercise or a station one place up (-1) or down (+1) among its siblings, renumbering them 0..n-1. */
export function moveRecord(doc: Y.Doc, map: 'exercises' | 'areas', id: string, step: -1 | 1): Result<void> {
  const records = boardMaps(doc)[map];
  const record = records.get(id);
  if (!record) return fail(`that ${map === 'areas' ? 'station' : 'exercise'} no longer exists`);
  const siblings: [string, RecordMap][] = [];
  records.forEach((value, key) => {
    if (map === 'exercises' || value.get('exerciseId') === record.get('exerciseId')) siblings.push([key, value]);
  });
  siblings.sort(([a, x], [b, y]) => (Number(x.get('order')) || 0) - (Number(y.get('order')) || 0) || (a < b ? -1 : 1));
  const from = siblings.findIndex(([key]) => key === id);
  const to = from + step;
  if (to < 0 || to >= siblings.length) return ok(undefined);
  [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
  doc.transact(
    () => siblings.forEach(([, value], index) => value.get('order') !== index && value.set('order', index)),
    FACILITATOR_ORIGIN,
  );
  return ok(undefined);
}

/** Replaces the ground rules: one per line, blank lines dropped. */
export function setGroundRules(doc: Y.Doc, rules: readonly string[]): Result<void> {
  const clean = rules
    .map((rule) => cleanText(rule, Number.MAX_SAFE_INTEGER))
    .filter((rule): rule is string => rule !== undefined);
  return setMeta(doc, 'groundRules', clean);
}

export function setMinTeamSize(doc: Y.Doc, size: number): Result<void> {
  return setMeta(doc, 'minTeamSize', size);
}

/** How every screen colours the notes on the canvas: by station or by author. */
export function setNoteColours(doc: Y.Doc, colouring: NoteColouring): Result<void> {
  return setMeta(doc, 'noteColours', colouring);
}

/** Checks a meta value with the server's own rule before writing it, so the facilitator sees the same words. */
function setMeta(doc: Y.Doc, key: string, value: unknown): Result<void> {
  const check = checkMetaChange({ kind: 'setValue', map: 'meta', key, value });
  if (!check.ok) return check;
  doc.transact(() => boardMaps(doc).meta.set(key, value), FACILITATOR_ORIGIN);
  return ok(undefined);
}

/** The board's time zone (an IANA name), for the export's times. */
export function setTimeZone(doc: Y.Doc, timeZone: string): Result<void> {
  return setMeta(doc, 'timeZone', timeZone.trim());
}

export interface DocumentControlFields {
  documentStatus?: string;
  documentVersion?: string;
  documentOwner?: string;
}

/** Sets the document's status, version and owner in one transaction; an empty value removes it (the default). */
export function setDocumentControl(doc: Y.Doc, fields: DocumentControlFields): Result<void> {
  const entries = Object.entries(fields).map(
    ([key, raw]) => [key, typeof raw === 'string' ? raw.trim() : raw] as const,
  );
  for (const [key, value] of entries) {
    const check = checkMetaChange(
      value === '' || value === undefined
        ? { kind: 'deleteValue', map: 'meta', key }
        : { kind: 'setValue', map: 'meta', key, value },
    );
    if (!check.ok) return check;
  }
  const meta = boardMaps(doc).meta;
  doc.transact(() => {
    for (const [key, value] of entries) {
      if (value === '' || value === undefined) meta.delete(key);
      else if (meta.get(key) !== value) meta.set(key, value);
    }
  }, FACILITATOR_ORIGIN);
  return ok(undefined);
}
