// An exercise: one question the room answers, with its own stations and phase plan.
import { withMeta, z } from './zod.ts';
import { defineRecord, parseWith, type RecordOf } from './defineRecord.ts';
import { emptyByDefault, idField, optionalTextField, textSchema } from './fields.ts';
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX } from './limits.ts';
import { TIMED_PHASES, type TimedPhase } from './Phase.ts';

const minutes = z.number().check(z.gt(0), z.lte(600));

/** Minutes planned per timed phase; rotate is per rotation. */
export const PhasePlanSchema = withMeta(
  z.object({
    postMinutes: minutes,
    groupMinutes: minutes,
    rotateMinutes: minutes,
    rotations: z.number().check(z.int(), z.gte(0), z.lte(20)),
    /**
     * The timed phases this exercise runs, in the room's order (post first); absent means all three. Rotate also
     * needs rotations above 0. "post" alone is a single round of posting; "post" and "rotate" skip grouping.
     */
    phases: z.optional(
      z.pipe(
        z
          .array(z.enum(TIMED_PHASES))
          .check(z.refine((phases) => phases.includes('post'), 'the plan must include posting')),
        z.transform((phases: TimedPhase[]) => inRoomOrder(phases)),
      ),
    ),
  }),
  { title: 'PhasePlan', description: 'Minutes planned per timed phase; rotate is per rotation.' },
);
export type PhasePlan = z.output<typeof PhasePlanSchema>;
/** The plan's numbers (minutes and rotations), which the console's plan form edits. */
export type PlanNumberKey = Exclude<keyof PhasePlan, 'phases'>;

/** Each phase once, in the order the room runs them (post, group, rotate). */
function inRoomOrder(phases: readonly TimedPhase[]): TimedPhase[] {
  return TIMED_PHASES.filter((phase) => phases.includes(phase));
}

export const DEFAULT_PLAN: PhasePlan = { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2 };

export function parsePlan(raw: unknown): PhasePlan | undefined {
  const result = parseWith(PhasePlanSchema, raw);
  return result.ok ? result.value : undefined;
}

export const ExerciseSchema = withMeta(
  z.object({
    id: idField('exercise id is missing or malformed'),
    title: textSchema(AREA_TITLE_MAX, 'exercise has no title'),
    question: z.catch(emptyByDefault(optionalTextField(AREA_DESCRIPTION_MAX, 'exercise question is too long')), ''),
    order: z.catch(z._default(z.number(), 0), 0),
    // An exercise without a readable plan still works: it falls back to the Copenhagen timings.
    plan: z.catch(z._default(PhasePlanSchema, DEFAULT_PLAN), DEFAULT_PLAN),
  }),
  { title: 'Exercise', description: 'One question the room answers, with its own stations and phase plan.' },
);

export const ExerciseRecord = defineRecord({ noun: 'exercise', schema: ExerciseSchema, immutable: ['id'] });

export type Exercise = RecordOf<typeof ExerciseSchema>;
export const parseExercise = ExerciseRecord.parse;
