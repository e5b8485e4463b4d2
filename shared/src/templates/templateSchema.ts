// The template format as one zod schema: the server validates with it, the TS type and the JSON Schema derive from it.
import { z } from '../model/zod.ts';
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX, TITLE_MAX } from '../model/limits.ts';
import { TIMED_PHASES } from '../model/Phase.ts';
import { DEFAULT_MIN_TEAM_SIZE } from '../model/Meta.ts';
import { documentDefaultsSchema } from './documentDefaults.ts';
import { deadlineSchema, id, optionalText, templateStageSchema, text } from './templateFields.ts';
import { GROUND_RULE_MAX, GROUND_RULES_MAX, MIN_TEAM_SIZE_MAX } from '../rules/structureRules.ts';

export const TEMPLATE_FORMAT = 'scopeboard-template';
export const TEMPLATE_VERSION = 1;
/** More exercises or stations than this is not a brainstorm any room can run. */
export const TEMPLATE_EXERCISES_MAX = 20;
export const TEMPLATE_AREAS_MAX = 40;
const ABOUT_MAX = 4000;

const minutes = z
  .number({ error: 'must be a number of minutes' })
  .check(z.gt(0, 'must be more than 0 minutes'), z.lte(600, 'must be at most 600 minutes'));

export const phasePlanSchema = z.strictObject({
  postMinutes: minutes,
  groupMinutes: minutes,
  rotateMinutes: minutes,
  rotations: z
    .number({ error: 'must be a whole number' })
    .check(z.int('must be a whole number'), z.gte(0), z.lte(20, 'must be at most 20')),
  /** The timed phases the exercise runs (post first); absent means post, group and rotate. */
  phases: z.optional(
    z.array(z.enum(TIMED_PHASES, { error: 'must be "post", "group" or "rotate"' })).check(
      z.minLength(1, 'must list at least "post"'),
      z.maxLength(TIMED_PHASES.length),
      z.refine((phases) => phases.includes('post'), 'must include "post": a session without posting has no notes'),
      z.refine((phases) => new Set(phases).size === phases.length, 'lists a phase twice'),
    ),
  ),
});

export const templateAreaSchema = z.strictObject({
  id,
  title: text(AREA_TITLE_MAX, 'the station title'),
  description: z._default(optionalText(AREA_DESCRIPTION_MAX, 'the description'), ''),
  /** Where the station comes from, e.g. "Bylaws 4.6(c)(ii)(A)". */
  reference: z.optional(optionalText(AREA_TITLE_MAX, 'the reference')),
  colour: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written like #1f77b4'))),
  /** Left out of the session: shown greyed, not visited by teams. */
  isLeftOut: z.optional(z.boolean()),
});

export const templateExerciseSchema = z.strictObject({
  id,
  title: text(AREA_TITLE_MAX, 'the exercise title'),
  question: z._default(optionalText(AREA_DESCRIPTION_MAX, 'the question'), ''),
  plan: phasePlanSchema,
  /** The decision stage the exercise belongs to (an id from `stages`). */
  stage: z.optional(id),
  areas: z
    .array(templateAreaSchema)
    .check(z.maxLength(TEMPLATE_AREAS_MAX, `must have at most ${TEMPLATE_AREAS_MAX} stations`)),
});

/** Another set of stations for one exercise, chosen when the board is made. */
export const stationSetSchema = z.strictObject({
  id,
  title: text(AREA_TITLE_MAX, 'the station set title'),
  about: z._default(optionalText(ABOUT_MAX, 'about'), ''),
  exerciseId: id,
  areas: z
    .array(templateAreaSchema)
    .check(z.minLength(1, 'must have at least one station'), z.maxLength(TEMPLATE_AREAS_MAX)),
});

export const templateOptionsSchema = z.strictObject({
  observersMayPost: z.optional(z.boolean()),
  privatePosting: z.optional(z.boolean()),
  votingEnabled: z.optional(z.boolean()),
});

const templateShape = z.strictObject({
  format: z.optional(z.literal(TEMPLATE_FORMAT, { error: `must be "${TEMPLATE_FORMAT}"` })),
  version: z.optional(
    z
      .number()
      .check(
        z.int(),
        z.gte(1),
        z.lte(
          TEMPLATE_VERSION,
          `this server reads template version ${TEMPLATE_VERSION}; the file is newer: update Scopeboard`,
        ),
      ),
  ),
  id,
  title: text(TITLE_MAX, 'the template title'),
  /** One paragraph on where the template comes from. */
  about: z._default(optionalText(ABOUT_MAX, 'about'), ''),
  groundRules: z._default(
    z
      .array(text(GROUND_RULE_MAX, 'a ground rule'))
      .check(z.maxLength(GROUND_RULES_MAX, `must have at most ${GROUND_RULES_MAX} ground rules`)),
    [],
  ),
  /** Minimum people per team (the ground rule ">3" means 4); the facilitator may change it. */
  minTeamSize: z._default(
    z.number().check(z.int('must be a whole number'), z.gte(1), z.lte(MIN_TEAM_SIZE_MAX)),
    DEFAULT_MIN_TEAM_SIZE,
  ),
  /** Text of the scope document's Mandate section; empty leaves it to be drafted. */
  mandate: z._default(optionalText(ABOUT_MAX, 'the mandate'), ''),
  deadline: z.optional(deadlineSchema),
  stages: z.optional(z.array(templateStageSchema).check(z.maxLength(10))),
  options: z.optional(templateOptionsSchema),
  exercises: z
    .array(templateExerciseSchema)
    .check(
      z.minLength(1, 'must have at least one exercise'),
      z.maxLength(TEMPLATE_EXERCISES_MAX, `must have at most ${TEMPLATE_EXERCISES_MAX} exercises`),
    ),
  stationSets: z.optional(z.array(stationSetSchema).check(z.maxLength(10))),
  /** The scope document's pre-filled facts; absent for a blank template (everything is then to be drafted). */
  documentDefaults: z.optional(documentDefaultsSchema),
});

/** Ids unique across exercises and stations; stages and station sets point at what exists. */
export const templateSchema = templateShape.check(
  z.superRefine((template, ctx) => {
    const seen = new Set<string>();
    const exerciseIds = new Set(template.exercises.map((e) => e.id));
    const stageIds = new Set((template.stages ?? []).map((s) => s.id));
    const claim = (value: string, path: (string | number)[]) => {
      if (seen.has(value))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `the id "${value}" is used twice: every exercise and station needs its own`,
        });
      seen.add(value);
    };
    template.exercises.forEach((exercise, e) => {
      claim(exercise.id, ['exercises', e, 'id']);
      exercise.areas.forEach((area, a) => claim(area.id, ['exercises', e, 'areas', a, 'id']));
      if (exercise.stage !== undefined && !stageIds.has(exercise.stage)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exercises', e, 'stage'],
          message: `there is no stage "${exercise.stage}" in stages`,
        });
      }
    });
    (template.stationSets ?? []).forEach((set, s) => {
      if (!exerciseIds.has(set.exerciseId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stationSets', s, 'exerciseId'],
          message: `there is no exercise "${set.exerciseId}" in this template`,
        });
      }
      const ids = new Set<string>();
      set.areas.forEach((area, a) => {
        if (ids.has(area.id))
          ctx.addIssue({
            code: 'custom',
            path: ['stationSets', s, 'areas', a, 'id'],
            message: `the id "${area.id}" is used twice`,
          });
        ids.add(area.id);
      });
    });
  }),
);

export type Template = z.output<typeof templateSchema>;
/** What a template file may leave out (defaults fill it in). */
export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateExercise = Template['exercises'][number];
export type TemplateArea = TemplateExercise['areas'][number];
export type TemplateStage = NonNullable<Template['stages']>[number];
export type StationSet = NonNullable<Template['stationSets']>[number];

export interface TemplateIssue {
  path: string;
  message: string;
}

/** Validates untrusted template JSON: the template, or every issue as a path ("exercises.0.areas.2.title") and words. */
export function parseTemplate(raw: unknown): { ok: true; value: Template } | { ok: false; issues: TemplateIssue[] } {
  const result = templateSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

/** One sentence listing what is wrong, for a 400 or the start page. */
export function describeIssues(issues: readonly TemplateIssue[], prefix = 'template'): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path ? `${prefix}.${issue.path}` : prefix}: ${issue.message}`)
    .join('; ');
}

/** The JSON Schema of template files (docs/schema/template.schema.json), from the same schema. */
export function templateJsonSchema(): Record<string, unknown> {
  return {
    title: 'Scopeboard template',
    ...z.toJSONSchema(templateShape, { io: 'input', target: 'draft-2020-12' }),
  };
}

/** The JSON Schema as the committed file holds it: two-space indented, one trailing newline. */
export function templateJsonSchemaText(): string {
  return `${JSON.stringify(templateJsonSchema(), null, 2)}\n`;
}
