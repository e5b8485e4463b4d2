// Who may create, relabel, move and delete groups, in which phase.
import { fail, ok, type Result } from '../model/Result.ts';
import type { BatchView } from './batchView.ts';
import type { RecordChange, RuleContext } from './noteRules.ts';
import { GROUPING_PHASES } from './phaseSets.ts';
import { checkCreated, checkFieldChange } from './recordSpecs.ts';

/** Checks one change to the groups map; observers never reach here (the caller refuses them). */
export function checkGroupChange(change: RecordChange, ctx: RuleContext): Result<void> {
  const { actor, phase, batch } = ctx;
  if (actor.role !== 'facilitator' && !GROUPING_PHASES.includes(phase)) {
    return fail(`Groups can be made and changed in the group and rotate phases; the room is in the ${phase} phase.`);
  }
  if (change.kind === 'createRecord') {
    if (batch.get('groups', change.id)) return fail('A group with that id exists already.');
    return checkCreated('groups', change.id, change.fields);
  }
  if (change.kind === 'deleteRecord') return ok(undefined);
  const current = batch.get('groups', change.id);
  if (!current) return ok(undefined);
  return checkFieldChange('groups', change, current, ctx.records);
}

/** After a batch: every group created in it belongs to an existing station. */
export function checkGroupPlacement(batch: BatchView): Result<void> {
  for (const id of batch.touched('groups', ['areaId'])) {
    const group = batch.get('groups', id);
    if (!group) continue;
    if (typeof group.areaId !== 'string' || !batch.get('areas', group.areaId)) {
      return fail("That group's station does not exist on this board.");
    }
  }
  return ok(undefined);
}
