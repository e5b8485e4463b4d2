// A facilitator's decision on a note or group: in scope, out of scope, parked, or merged into another; and a priority.
import { NAME_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanText, cleanTime } from './validate.ts';

export const DECISION_STATUSES = ['inScope', 'outOfScope', 'parked', 'merged'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DECISION_TARGET_TYPES = ['note', 'group'] as const;
export type DecisionTargetType = (typeof DECISION_TARGET_TYPES)[number];

/** Words a facilitator reads, for the UI and the document. */
export const STATUS_LABELS: Record<DecisionStatus, string> = {
  inScope: 'In scope',
  outOfScope: 'Out of scope',
  parked: 'Parked',
  merged: 'Merged',
};
export const PRIORITY_LABELS: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export interface Decision {
  /** `<targetType>-<targetId>`: one decision per note or group, so two facilitators cannot make two. */
  id: string;
  targetType: DecisionTargetType;
  targetId: string;
  /** The station of the note or group. */
  areaId: string;
  status: DecisionStatus;
  /** merged: the note or group (same type, same station) it was merged into. */
  mergedInto?: string;
  priority?: Priority;
  decidedBy: string;
  decidedAt: number;
}

export const DECISION_KEYS = [
  'id', 'targetType', 'targetId', 'areaId', 'status', 'mergedInto', 'priority', 'decidedBy', 'decidedAt',
] as const;

export function decisionId(targetType: DecisionTargetType, targetId: string): string {
  return `${targetType}-${targetId}`;
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** Validates a raw decision record (as read from the doc). */
export function parseDecision(raw: Record<string, unknown>): Result<Decision> {
  const id = cleanId(raw.id);
  if (!id) return fail('decision id is missing or malformed');
  if (!isOneOf(DECISION_TARGET_TYPES, raw.targetType)) return fail('a decision is about a "note" or a "group"');
  const targetId = cleanId(raw.targetId);
  if (!targetId) return fail('decision has no note or group');
  if (id !== decisionId(raw.targetType, targetId)) return fail('decision id must be its target type and id');
  const areaId = cleanId(raw.areaId);
  if (!areaId) return fail('decision has no station');
  if (!isOneOf(DECISION_STATUSES, raw.status)) return fail('decision must be in scope, out of scope, parked or merged');
  const decidedBy = cleanText(raw.decidedBy, NAME_MAX);
  if (decidedBy === undefined) return fail('decision has no facilitator name');
  const decidedAt = cleanTime(raw.decidedAt);
  if (decidedAt === undefined) return fail('decision has no time');
  const decision: Decision = { id, targetType: raw.targetType, targetId, areaId, status: raw.status, decidedBy, decidedAt };
  if (raw.status === 'merged') {
    const into = cleanId(raw.mergedInto);
    if (!into) return fail('a merged idea needs the note or group it was merged into');
    if (into === targetId) return fail('an idea cannot be merged into itself');
    decision.mergedInto = into;
  } else if (raw.mergedInto !== undefined) {
    return fail('only a merged idea names what it was merged into');
  }
  if (raw.priority !== undefined) {
    if (!isOneOf(PRIORITIES, raw.priority)) return fail('priority must be high, medium or low');
    decision.priority = raw.priority;
  }
  return ok(decision);
}
