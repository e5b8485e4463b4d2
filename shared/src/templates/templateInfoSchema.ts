// The schema of what a board keeps of its template (meta.templateInfo), apart from the catalogue: the board's reader
// (Meta.ts) needs the schema, not the templates, so a phone reading a board downloads no template text.
import { z } from '../model/zod.ts';
import { withMeta } from '../model/zod.ts';
import { documentDefaultsSchema } from './documentDefaults.ts';
import { deadlineSchema, id, optionalText, templateStageSchema } from './templateFields.ts';

const ABOUT_MAX = 4000;

export const templateInfoSchema = withMeta(
  z.strictObject({
    about: z._default(optionalText(ABOUT_MAX, 'about'), ''),
    mandate: z._default(optionalText(ABOUT_MAX, 'the mandate'), ''),
    deadline: z.optional(deadlineSchema),
    stages: z.optional(z.array(templateStageSchema).check(z.maxLength(10))),
    /** Exercise id -> the id of its decision stage. */
    exerciseStages: z.optional(z.record(id, id)),
    documentDefaults: z.optional(documentDefaultsSchema),
  }),
  {
    title: 'TemplateInfo',
    description:
      "The template's scope-document facts, decision stages and exercise stages, kept on the board when it is made.",
  },
);

export type TemplateInfo = z.output<typeof templateInfoSchema>;
