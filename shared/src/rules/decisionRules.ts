// Decisions on notes and groups: the facilitator's alone, in any phase; each about a note or group that exists.
import { fail, ok, type Result } from '../model/Result.ts';
import type { BatchView } from './batchView.ts';
import type { RecordChecks } from './recordChecks.ts';
import type { RecordChange } from './noteRules.ts';
import { checkCreated, checkFieldChange } from './recordSpecs.ts';

/** Checks one facilitator change to `decisions` (the caller has refused everyone else). */
export function checkDecisionChange(change: RecordChange, batch: BatchView, records: RecordChecks): Result<void> {
  if (change.kind === 'createRecord') {
    if (batch.get('decisions', change.id)) return fail('That idea already has a decision: change it instead.');
    return checkCreated('decisions', change.id, change.fields);
  }
  if (change.kind === 'deleteRecord') return ok(undefined);
  const current = batch.get('decisions', change.id);
  if (!current) return ok(undefined);
  return checkFieldChange('decisions', change, current, records);
}

/** After a batch: each decision made or changed in it is about a note or group at its station, and merges stay there. */
export function checkDecisionPlacement(batch: BatchView): Result<void> {
  for (const id of batch.touched('decisions', ['targetId', 'areaId', 'mergedInto'])) {
    const decision = batch.get('decisions', id);
    if (!decision) continue;
    const map = decision.targetType === 'group' ? 'groups' : 'notes';
    const target = typeof decision.targetId === 'string' ? batch.get(map, decision.targetId) : undefined;
    if (!target || target.areaId !== decision.areaId)
      return fail('That decision is about a note or group that is not on this board.');
    if (typeof decision.mergedInto === 'string') {
      const into = batch.get(map, decision.mergedInto);
      if (!into || into.areaId !== decision.areaId)
        return fail('An idea can only be merged into one at the same station.');
    }
  }
  return ok(undefined);
}
