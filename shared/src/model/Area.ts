// An area: one station of an exercise (for SSR2, one issue of Bylaws Section 4.6(c)).
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { emptyByDefault, idField, optionalTextField, textSchema } from './fields.ts';
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX } from './limits.ts';

export const AreaSchema = withMeta(
  z.object({
    id: idField('area id is missing or malformed'),
    exerciseId: idField('area has no exercise'),
    title: textSchema(AREA_TITLE_MAX, 'area has no title'),
    description: emptyByDefault(optionalTextField(AREA_DESCRIPTION_MAX, 'area description is too long')),
    order: z.catch(z._default(z.number(), 0), 0),
    /** Where the area comes from, e.g. "Bylaws 4.6(c)(ii)(A)"; optional, and dropped (not refused) when unreadable. */
    reference: z.pipe(
      z.catch(z.optional(optionalTextField(AREA_TITLE_MAX, 'area reference is too long')), undefined),
      z.transform((reference: string | undefined) => reference || undefined),
    ),
    /** Station colour as #rrggbb; optional. */
    colour: z.optional(
      z
        .string({ error: 'area colour must be written like #1f77b4' })
        .check(z.regex(/^#[0-9a-fA-F]{6}$/, 'area colour must be written like #1f77b4')),
    ),
    /** Left out of this session: its notes stay and are exported, but teams do not visit it. */
    isLeftOut: z.pipe(
      z.optional(z.boolean({ error: 'area isLeftOut must be true or false' })),
      z.transform((value: boolean | undefined) => (value === true ? true : undefined)),
    ),
  }),
  { title: 'Area', description: 'A station of an exercise: one part of the question, with its own notes.' },
);

export const AreaRecord = defineRecord({ noun: 'station', schema: AreaSchema, immutable: ['id'] });

export type Area = RecordOf<typeof AreaSchema>;
export const parseArea = AreaRecord.parse;
