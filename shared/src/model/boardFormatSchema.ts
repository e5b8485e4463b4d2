// The board format as one JSON Schema, generated from the record schemas (docs/schema/board-format.schema.json).
import { withMeta, z } from './zod.ts';
import { AreaSchema } from './Area.ts';
import { CommentSchema } from './Comment.ts';
import { ExerciseSchema } from './Exercise.ts';
import { GroupSchema } from './Group.ts';
import { HandoffSchema } from './Handoff.ts';
import { MetaSchema } from './Meta.ts';
import { NoteSchema } from './Note.ts';
import { ParticipantSchema } from './Participant.ts';
import { SessionSchema } from './Session.ts';

/** One map of records keyed by id; each record's `id` equals its key. */
const recordsOf = (record: z.ZodMiniType, description: string) =>
  withMeta(z.record(z.string(), record), { description });

export const BoardFormatSchema = withMeta(
  z.object({
    meta: MetaSchema,
    exercises: recordsOf(ExerciseSchema, 'Exercises by id.'),
    areas: recordsOf(AreaSchema, 'Stations by id.'),
    notes: recordsOf(NoteSchema, 'Notes by id.'),
    groups: recordsOf(GroupSchema, 'Groups by id.'),
    session: SessionSchema,
    participants: recordsOf(ParticipantSchema, 'People who joined, by id (server only).'),
    comments: z.optional(recordsOf(CommentSchema, 'Discussion comments by id (extension).')),
    handoffs: z.optional(recordsOf(HandoffSchema, 'Station hand-offs by id (extension).')),
  }),
  {
    title: 'Scopeboard board, format version 1',
    description:
      "A board's Y.Doc as JSON (each top-level map's toJSON()). Readers skip or repair records that do not match; " +
      'fields are only ever added, never changed in meaning. See docs/board-format.md.',
  },
);

/** What `npm run schemas` writes; a unit test keeps the committed file equal to it. */
export function boardFormatJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(BoardFormatSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
