// Who may create, edit, move and delete which notes, in which phase; and where a note may sit.
import type { Phase } from '../model/Phase.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import type { BatchView } from './batchView.ts';
import type { RecordChecks } from './recordChecks.ts';
import type { Actor, Change } from './Change.ts';
import { GROUPING_PHASES, POSTING_PHASES } from './phaseSets.ts';
import { checkCreated, checkFieldChange } from './recordSpecs.ts';

/** A change to one record of a record map. */
export type RecordChange = Extract<Change, { kind: 'createRecord' | 'deleteRecord' | 'setField' | 'deleteField' }>;

export interface RuleContext {
  actor: Actor;
  phase: Phase;
  batch: BatchView;
  /** Records whose fields the update changes, parsed once it is all known. */
  records: RecordChecks;
  /** Private posting is on (it seals posting only in the post phase). */
  privatePosting: boolean;
  /** The exercise being run; only the facilitator writes notes into the stations of another one. */
  exerciseId: string | null;
}

/** Said to anyone who writes a note into the shared board while posting is private. */
export const PRIVATE_POSTING_REASON = 'Posting is private right now: your notes are kept apart until the group phase.';
/** Fields only the server writes (vote totals, on reveal); no client, not even the facilitator, may set them. */
const SERVER_FIELDS: readonly string[] = ['votes'];

/** Fields that place a note: changing them is moving (or grouping) it. */
export const MOVE_FIELDS: readonly string[] = ['x', 'y', 'areaId', 'groupId'];

/**
 * Checks one change to the notes map. The caller has already refused roles and phases that write nothing
 * (observers without posting rights, setup and closed for everyone but the facilitator).
 */
export function checkNoteChange(change: RecordChange, ctx: RuleContext): Result<void> {
  const { actor, phase, batch } = ctx;
  const isFacilitator = actor.role === 'facilitator';
  if (change.kind === 'createRecord') {
    if (batch.get('notes', change.id)) return fail('A note with that id exists already.');
    if (!isFacilitator && !POSTING_PHASES.includes(phase)) {
      return fail(`Posting is closed: the room is in the ${phase} phase.`);
    }
    if (!isFacilitator && ctx.privatePosting && phase === 'post') return fail(PRIVATE_POSTING_REASON);
    if (SERVER_FIELDS.some((field) => change.fields[field] !== undefined))
      return fail('Votes are counted by the server.');
    const valid = checkCreated('notes', change.id, change.fields);
    if (!valid.ok || isFacilitator) return valid;
    const f = change.fields;
    if (f.authorId !== actor.participantId || f.authorRole !== actor.role || f.authorName !== actor.name) {
      return fail('You can only post notes as yourself.');
    }
    // "source" marks imported input; only the facilitator (or the server) imports.
    if (f.source !== undefined) return fail('Only the facilitator can mark a note as imported input.');
    const area = typeof f.areaId === 'string' ? batch.get('areas', f.areaId) : undefined;
    if (area && (ctx.exerciseId === null || area.exerciseId !== ctx.exerciseId)) {
      return fail('That station is not part of the exercise being run.');
    }
    if (f.groupId !== undefined && f.groupId !== null && !GROUPING_PHASES.includes(phase)) {
      return fail(`Notes can be put in groups in the group and rotate phases; the room is in the ${phase} phase.`);
    }
    return ok(undefined);
  }
  const current = batch.get('notes', change.id);
  // The note is gone (deleted by someone else first): the write lands in a deleted map and changes nothing.
  if (!current) return ok(undefined);
  if (change.kind !== 'deleteRecord' && SERVER_FIELDS.includes(change.field)) {
    // Re-writing the same value is harmless (some clients write whole records); changing it is not.
    const value = change.kind === 'setField' ? change.value : undefined;
    if (change.kind === 'deleteField' || current[change.field] !== value)
      return fail('Votes are counted by the server.');
  }
  const isOwn = current.authorId === actor.participantId;
  if (change.kind === 'deleteRecord') {
    return isFacilitator || isOwn ? ok(undefined) : fail('You can only delete your own notes.');
  }
  if (!isFacilitator && !isOwn) {
    if (change.field === 'text') return fail('You can only edit your own notes.');
    if (MOVE_FIELDS.includes(change.field)) {
      if (actor.role === 'observer') return fail('Observers can only move their own notes.');
      if (!GROUPING_PHASES.includes(phase)) {
        return fail(`Other people's notes can be moved from the group phase on; the room is in the ${phase} phase.`);
      }
    }
  }
  return checkFieldChange('notes', change, current, ctx.records);
}

/** After a batch: every note created or moved in it sits in an existing station, and in a group of that station. */
export function checkNotePlacement(batch: BatchView): Result<void> {
  for (const id of batch.touched('notes', ['areaId', 'groupId'])) {
    const note = batch.get('notes', id);
    if (!note) continue;
    if (typeof note.areaId !== 'string' || !batch.get('areas', note.areaId)) {
      return fail('That station does not exist on this board.');
    }
    if (note.groupId === undefined || note.groupId === null) continue;
    const group = typeof note.groupId === 'string' ? batch.get('groups', note.groupId) : undefined;
    if (!group) return fail('That group does not exist (it may just have been removed).');
    if (group.areaId !== note.areaId) return fail('A note can only join a group in its own station.');
  }
  return ok(undefined);
}
