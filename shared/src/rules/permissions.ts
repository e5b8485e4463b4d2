// The guard's rules: may this actor make these changes to the board as it is now? Pure; the server enforces.
import type { Phase } from '../model/Phase.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { batchView, type BatchView } from './batchView.ts';
import { recordChecks } from './recordChecks.ts';
import type { Actor, BoardView, Change } from './Change.ts';
import { checkDiscussionChange, checkDiscussionPlacement } from './commentRules.ts';
import { checkDecisionChange, checkDecisionPlacement } from './decisionRules.ts';
import { checkGroupChange, checkGroupPlacement } from './groupRules.ts';
import { checkNoteChange, checkNotePlacement, type RuleContext } from './noteRules.ts';
import { checkAreaPlacement, checkMetaChange, checkStructureChange } from './structureRules.ts';

/**
 * Whether the actor may write anything at all now. The guard applies it to every update that adds
 * structs or deletes, even one that describes no board change: such updates still grow the doc.
 */
export function checkMayWrite(actor: Actor, view: Pick<BoardView, 'phase' | 'observersMayPost'>): Result<void> {
  if (actor.role === 'facilitator') return ok(undefined);
  if (actor.role === 'observer' && !view.observersMayPost) return fail('Observers can only read this board.');
  if (view.phase === 'closed') return fail('The board is closed: only the facilitator can change it now.');
  if (view.phase === 'setup') return fail('The session has not started yet: wait for the facilitator to open posting.');
  // Notes must not change under the dots people place on them.
  if (view.phase === 'vote')
    return fail('Voting is under way: the board stays as it is until the facilitator moves on.');
  return ok(undefined);
}

/** Refuses what the actor's role may never write in this phase, before looking at the change in detail. */
function checkRoleAndPhase(change: Change, actor: Actor, view: BoardView): Result<void> {
  if (change.kind === 'unsupported') return fail(`The board cannot hold that change (${change.reason}).`);
  if (change.map === 'session') return fail('Only the server changes the session; facilitators use the controls.');
  if (change.map === 'participants') return fail('Only the server changes the list of people on the board.');
  if (actor.role === 'facilitator') return ok(undefined);
  if (change.map === 'decisions') return fail('Only the facilitator decides what is in scope.');
  const mayWrite = checkMayWrite(actor, view);
  if (!mayWrite.ok) return mayWrite;
  if (change.map === 'meta' || change.map === 'exercises' || change.map === 'areas') {
    return fail("Only the facilitator can change the board's title, exercises and stations.");
  }
  if (change.map === 'groups' && actor.role === 'observer') return fail('Observers cannot make or change groups.');
  return ok(undefined);
}

function checkOne(change: Change, ctx: RuleContext, view: BoardView): Result<void> {
  const gate = checkRoleAndPhase(change, ctx.actor, view);
  if (!gate.ok) return gate;
  switch (change.kind) {
    case 'unsupported':
      return fail('The board cannot hold that change.');
    case 'setValue':
    case 'deleteValue':
      return checkMetaChange(change);
    default:
      switch (change.map) {
        case 'notes':
          return checkNoteChange(change, ctx);
        case 'groups':
          return checkGroupChange(change, ctx);
        case 'comments':
        case 'handoffs':
          return checkDiscussionChange({ ...change, map: change.map }, ctx);
        case 'decisions':
          return checkDecisionChange(change, ctx.batch, ctx.records);
        case 'exercises':
        case 'areas':
          return checkStructureChange({ ...change, map: change.map }, ctx.batch, ctx.records, view);
        default:
          return fail('Only the server changes the list of people on the board.');
      }
  }
}

/** Cross-record rules, checked once the whole batch is known (a client may send a move's fields in any order). */
function checkPlacement(batch: BatchView): Result<void> {
  for (const check of [
    checkNotePlacement,
    checkGroupPlacement,
    checkAreaPlacement,
    checkDiscussionPlacement,
    checkDecisionPlacement,
  ]) {
    const result = check(batch);
    if (!result.ok) return result;
  }
  return ok(undefined);
}

/**
 * Decides whether `actor` may make all of `changes` (one Yjs update) to the board in `view`.
 * Every change must pass; each is judged against the view plus the changes before it in the batch,
 * then notes, groups and stations touched by the batch must sit somewhere that exists.
 * The reason of a refusal is plain words for the person whose update was refused.
 */
export function checkChanges(changes: Change[], actor: Actor, view: BoardView): Result<void> {
  const batch = batchView(view);
  const ctx: RuleContext = {
    actor,
    phase: view.phase,
    batch,
    records: recordChecks(),
    privatePosting: view.privatePosting,
    exerciseId: view.exerciseId,
  };
  for (const change of changes) {
    const result = checkOne(change, ctx, view);
    if (!result.ok) return result;
    batch.apply(change);
  }
  const records = ctx.records.check(batch);
  if (!records.ok) return records;
  return checkPlacement(batch);
}

/** Phases in which a role may write anything at all (facilitators: every phase). For the client's read-only hints. */
export function canWriteInPhase(role: Actor['role'], phase: Phase, observersMayPost: boolean): boolean {
  return checkMayWrite({ participantId: '', name: '', role }, { phase, observersMayPost }).ok;
}
