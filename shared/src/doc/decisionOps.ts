// Writes and reads of the facilitator's decisions (in scope, out of scope, parked, merged; priority) on notes and groups.
import type * as Y from 'yjs';
import {
  decisionId,
  parseDecision,
  type Decision,
  type DecisionStatus,
  type DecisionTargetType,
  type Priority,
} from '../model/Decision.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { boardMaps, toRecordMap, type Origin } from './boardDoc.ts';

export interface SetDecisionInput {
  targetType: DecisionTargetType;
  targetId: string;
  status: DecisionStatus;
  mergedInto?: string;
  priority?: Priority;
  /** The facilitator's name. */
  decidedBy: string;
  decidedAt: number;
}

/**
 * Marks a note or group. An existing decision is changed field by field (so concurrent edits of status and priority
 * both survive); a merge must point at another note or group of the same type at the same station.
 */
export function setDecision(doc: Y.Doc, input: SetDecisionInput, origin: Origin = 'local'): Result<Decision> {
  const maps = boardMaps(doc);
  const targets = input.targetType === 'note' ? maps.notes : maps.groups;
  const target = targets.get(input.targetId);
  if (!target) return fail(`that ${input.targetType} no longer exists`);
  if (input.status === 'merged') {
    const into = input.mergedInto === undefined ? undefined : targets.get(input.mergedInto);
    if (!into) return fail(`choose the ${input.targetType} it was merged into`);
    if (into.get('areaId') !== target.get('areaId'))
      return fail(`an idea can only be merged into a ${input.targetType} at the same station`);
  }
  const parsed = parseDecision({
    id: decisionId(input.targetType, input.targetId),
    targetType: input.targetType,
    targetId: input.targetId,
    areaId: target.get('areaId'),
    status: input.status,
    mergedInto: input.status === 'merged' ? input.mergedInto : undefined,
    priority: input.priority,
    decidedBy: input.decidedBy,
    decidedAt: input.decidedAt,
  });
  if (!parsed.ok) return parsed;
  const decision = parsed.value;
  const existing = maps.decisions.get(decision.id);
  doc.transact(() => {
    if (!existing) {
      maps.decisions.set(decision.id, toRecordMap({ ...decision }));
      return;
    }
    for (const key of ['status', 'mergedInto', 'priority', 'decidedBy', 'decidedAt'] as const) {
      const value = decision[key];
      if (value === undefined) {
        if (existing.has(key)) existing.delete(key);
      } else if (existing.get(key) !== value) existing.set(key, value);
    }
  }, origin);
  return ok(decision);
}

/** Removes the decision on a note or group (it reads as undecided again). */
export function clearDecision(
  doc: Y.Doc,
  targetType: DecisionTargetType,
  targetId: string,
  origin: Origin = 'local',
): Result<void> {
  const decisions = boardMaps(doc).decisions;
  const id = decisionId(targetType, targetId);
  if (!decisions.has(id)) return fail('that idea has no decision to clear');
  doc.transact(() => decisions.delete(id), origin);
  return ok(undefined);
}
