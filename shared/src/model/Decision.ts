// A facilitator's decision on a note or group: in scope, out of scope, parked, or merged into another; and a priority.
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { countField, idField, textSchema } from './fields.ts';
import { NAME_MAX } from './limits.ts';

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

/** `<targetType>-<targetId>`: one decision per note or group, so two facilitators cannot make two. */
export function decisionId(targetType: DecisionTargetType, targetId: string): string {
  return `${targetType}-${targetId}`;
}

export const DecisionSchema = withMeta(
  z
    .object({
      /** `<targetType>-<targetId>`. */
      id: idField('decision id is missing or malformed'),
      targetType: z.enum(DECISION_TARGET_TYPES, { error: 'a decision is about a "note" or a "group"' }),
      targetId: idField('decision has no note or group'),
      /** The station of the note or group. */
      areaId: idField('decision has no station'),
      status: z.enum(DECISION_STATUSES, { error: 'decision must be in scope, out of scope, parked or merged' }),
      /** merged: the note or group (same type, same station) it was merged into. */
      mergedInto: z.optional(idField('a merged idea needs the note or group it was merged into')),
      priority: z.optional(z.enum(PRIORITIES, { error: 'priority must be high, medium or low' })),
      decidedBy: textSchema(NAME_MAX, 'decision has no facilitator name'),
      decidedAt: countField('decision has no time'),
    })
    .check(
      z.superRefine((d, ctx) => {
        const problem =
          d.id !== decisionId(d.targetType, d.targetId)
            ? 'decision id must be its target type and id'
            : d.status === 'merged' && d.mergedInto === undefined
              ? 'a merged idea needs the note or group it was merged into'
              : d.status === 'merged' && d.mergedInto === d.targetId
                ? 'an idea cannot be merged into itself'
                : d.status !== 'merged' && d.mergedInto !== undefined
                  ? 'only a merged idea names what it was merged into'
                  : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
  { title: 'Decision', description: "The facilitator's decision on a note or group (extension)." },
);

// A decision stays about the same note or group; its status, merge target and priority may change.
export const DecisionRecord = defineRecord({
  noun: 'decision',
  schema: DecisionSchema,
  immutable: ['id', 'targetType', 'targetId', 'areaId'],
});

export type Decision = RecordOf<typeof DecisionSchema>;
export const DECISION_KEYS = DecisionRecord.keys;
export const parseDecision = DecisionRecord.parse;
