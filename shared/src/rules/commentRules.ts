// Who may write discussion comments and station hand-offs, in which phase; and what they must be attached to.
import type { Phase } from '../model/Phase.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import type { BatchView } from './batchView.ts';
import type { RecordChange, RuleContext } from './noteRules.ts';
import { GROUPING_PHASES } from './phaseSets.ts';
import { checkCreated, checkFieldChange } from './recordSpecs.ts';

/** Phases in which people other than the facilitator discuss notes and groups. */
export const COMMENT_PHASES: readonly Phase[] = GROUPING_PHASES;
/** Phases in which a team leaves a summary for the next team: only while rotating. */
// The group phase counts too: the team that tidied a station hands it to the first rotation's team.
export const HANDOFF_PHASES: readonly Phase[] = GROUPING_PHASES;

type DiscussionMap = 'comments' | 'handoffs';

const WORDS: Record<DiscussionMap, { noun: string; plural: string; phases: readonly Phase[]; when: string }> = {
  comments: { noun: 'comment', plural: 'comments', phases: COMMENT_PHASES, when: 'the group and rotate phases' },
  handoffs: { noun: 'hand-off', plural: 'hand-offs', phases: HANDOFF_PHASES, when: 'the group and rotate phases' },
};

/**
 * Checks one change to `comments` or `handoffs`. The caller has already refused setup and closed for everyone but
 * the facilitator, and observers without posting rights. Observers who may post can comment, never hand off.
 */
export function checkDiscussionChange(change: RecordChange & { map: DiscussionMap }, ctx: RuleContext): Result<void> {
  const { actor, phase, batch } = ctx;
  const words = WORDS[change.map];
  const isFacilitator = actor.role === 'facilitator';
  if (change.map === 'handoffs' && actor.role === 'observer') return fail('Observers cannot leave station hand-offs.');
  if (change.kind === 'createRecord') {
    if (batch.get(change.map, change.id)) return fail(`A ${words.noun} with that id exists already.`);
    if (!isFacilitator && !words.phases.includes(phase)) {
      return fail(`${capitalise(words.plural)} can be written in ${words.when}; the room is in the ${phase} phase.`);
    }
    const valid = checkCreated(change.map, change.id, change.fields);
    if (!valid.ok || isFacilitator) return valid;
    const f = change.fields;
    const isSelf =
      f.authorId === actor.participantId &&
      f.authorName === actor.name &&
      (change.map === 'handoffs' || f.authorRole === actor.role);
    return isSelf ? ok(undefined) : fail(`You can only write ${words.plural} as yourself.`);
  }
  const current = batch.get(change.map, change.id);
  // Already deleted by someone else: the write lands in a deleted map and changes nothing.
  if (!current) return ok(undefined);
  const isOwn = current.authorId === actor.participantId;
  if (change.kind === 'deleteRecord') {
    return isFacilitator || isOwn ? ok(undefined) : fail(`You can only delete your own ${words.plural}.`);
  }
  if (!isFacilitator) {
    if (!isOwn) return fail(`You can only edit your own ${words.plural}.`);
    if (!words.phases.includes(phase)) return fail(`${capitalise(words.plural)} can be edited in ${words.when}.`);
  }
  return checkFieldChange(change.map, change, current, ctx.records);
}

/**
 * After a batch: every comment created in it is about a note or group that exists in the comment's station, and a
 * reply answers an existing comment about the same thing; every hand-off sits at a station of its exercise.
 * Checked once the batch is known, so a note and a comment on it may arrive in one update.
 */
export function checkDiscussionPlacement(batch: BatchView): Result<void> {
  for (const id of batch.touched('comments', ['*created'])) {
    const comment = batch.get('comments', id);
    if (!comment) continue;
    const targetMap = comment.targetType === 'group' ? 'groups' : 'notes';
    const target = typeof comment.targetId === 'string' ? batch.get(targetMap, comment.targetId) : undefined;
    if (!target)
      return fail(
        `That ${comment.targetType === 'group' ? 'group' : 'note'} does not exist (it may just have been removed).`,
      );
    if (target.areaId !== comment.areaId)
      return fail('A comment belongs to the station of the note or group it is about.');
    if (comment.parentId === undefined || comment.parentId === null) continue;
    const parent = typeof comment.parentId === 'string' ? batch.get('comments', comment.parentId) : undefined;
    if (!parent) return fail('The comment you are answering does not exist (it may just have been deleted).');
    if (parent.targetId !== comment.targetId || parent.targetType !== comment.targetType) {
      return fail('A reply must be about the same note or group as the comment it answers.');
    }
  }
  for (const id of batch.touched('handoffs', ['*created'])) {
    const handoff = batch.get('handoffs', id);
    if (!handoff) continue;
    const area = typeof handoff.areaId === 'string' ? batch.get('areas', handoff.areaId) : undefined;
    if (!area) return fail('That station does not exist on this board.');
    if (area.exerciseId !== handoff.exerciseId) return fail('A hand-off belongs to the exercise of its station.');
  }
  return ok(undefined);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
