// What the rules know about each record map a client may write: its keys, fixed fields, parser and a name for people.
import { AreaRecord } from '../model/Area.ts';
import { CommentRecord } from '../model/Comment.ts';
import { DecisionRecord } from '../model/Decision.ts';
import { ExerciseRecord } from '../model/Exercise.ts';
import { GroupRecord } from '../model/Group.ts';
import { HandoffRecord } from '../model/Handoff.ts';
import { NoteRecord } from '../model/Note.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import type { Change } from './Change.ts';
import type { RecordChecks } from './recordChecks.ts';

/** Record maps that clients may write (the facilitator all of them, participants notes and groups). */
export type WritableRecordMap = 'notes' | 'groups' | 'areas' | 'exercises' | 'comments' | 'handoffs' | 'decisions';

export interface RecordSpec {
  /** How a person calls one record: "note", "group", "station", "exercise". */
  noun: string;
  keys: readonly string[];
  /** Fields that never change once the record exists. */
  immutable: readonly string[];
  parse: (raw: Record<string, unknown>) => Result<unknown>;
}

/** Each spec is the record kind itself (shared/src/model), so keys, fixed fields and parser have one source. */
export const RECORD_SPECS: Record<WritableRecordMap, RecordSpec> = {
  notes: NoteRecord,
  groups: GroupRecord,
  areas: AreaRecord,
  exercises: ExerciseRecord,
  comments: CommentRecord,
  handoffs: HandoffRecord,
  decisions: DecisionRecord,
};

/** Human names for fields in refusals; the raw key otherwise. */
const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  authorId: 'author',
  authorName: 'author name',
  authorRole: 'author role',
  createdAt: 'creation time',
  source: 'source',
  areaId: 'station',
  exerciseId: 'exercise',
  text: 'text',
  label: 'label',
};

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field;
}

/** Refuses field names the board format has no place for. */
export function checkKnownFields(map: WritableRecordMap, fields: Iterable<string>): Result<void> {
  const spec = RECORD_SPECS[map];
  for (const field of fields) {
    if (!spec.keys.includes(field)) return fail(`A ${spec.noun} has no field called "${field}".`);
  }
  return ok(undefined);
}

/** Validates a record as it would read after the change; the parser's reason is kept so the sender learns what is wrong. */
export function checkRecord(map: WritableRecordMap, record: Record<string, unknown>): Result<void> {
  const spec = RECORD_SPECS[map];
  const parsed = spec.parse(record);
  return parsed.ok ? ok(undefined) : fail(`That ${spec.noun} is not valid: ${parsed.reason}.`);
}

/** A new record: known fields, its id equal to its key, and valid as a whole. */
export function checkCreated(map: WritableRecordMap, id: string, fields: Record<string, unknown>): Result<void> {
  const known = checkKnownFields(map, Object.keys(fields));
  if (!known.ok) return known;
  if (fields.id !== id) return fail(`That ${RECORD_SPECS[map].noun} is not valid: its id does not match its key.`);
  return checkRecord(map, fields);
}

/** A field of an existing record set or removed. */
export type FieldChange = Extract<Change, { kind: 'setField' | 'deleteField' }>;

/**
 * One field set or removed on an existing record (`current`, as the change finds it): known and not fixed.
 * Whether the record is still valid is left to `checks`, which parses each record once the whole update is
 * known (a move sets two fields).
 */
export function checkFieldChange(
  map: WritableRecordMap,
  change: FieldChange,
  current: Record<string, unknown>,
  checks: RecordChecks,
): Result<void> {
  const spec = RECORD_SPECS[map];
  const { field } = change;
  const known = checkKnownFields(map, [field]);
  if (!known.ok) return known;
  if (spec.immutable.includes(field)) {
    // Re-writing the same value is harmless (some clients write whole records); changing it is not.
    if (change.kind === 'deleteField' || current[field] !== change.value) {
      return fail(`The ${spec.noun}'s ${fieldName(field)} cannot be changed once it exists.`);
    }
    return ok(undefined);
  }
  checks.add({ map, change, before: current });
  return ok(undefined);
}
