// A sticky note: one idea, posted by one person into one area (station).
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { coordField, countField, idField, optionalTextField, roleField, textSchema } from './fields.ts';
import { NAME_MAX, NOTE_TEXT_MAX, SOURCE_MAX } from './limits.ts';
import type { Result } from './Result.ts';
import { quickNote } from './quickNote.ts';

export { SOURCE_MAX };

export const NoteSchema = withMeta(
  z.object({
    id: idField('note id is missing or malformed'),
    areaId: idField('note has no area'),
    text: textSchema(NOTE_TEXT_MAX, `note text must be 1 to ${NOTE_TEXT_MAX} characters, trimmed`, { stored: true }),
    authorId: idField('note has no author'),
    authorName: textSchema(NAME_MAX, 'note has no author name'),
    authorRole: roleField('note author role is unknown'),
    createdAt: countField('note has no creation time'),
    groupId: z.nullish(idField('note group id is malformed')),
    x: z.optional(coordField('note x is not a finite coordinate')),
    y: z.optional(coordField('note y is not a finite coordinate')),
    /** Where imported input came from ("Public consultation, 12 March 2017"); absent for notes posted in the room. */
    source: withMeta(
      z.pipe(
        z.optional(optionalTextField(SOURCE_MAX, `note source must be at most ${SOURCE_MAX} characters`)),
        z.transform((source: string | undefined) => source || undefined),
      ),
      { description: 'Where imported input came from; absent for notes posted in the room.' },
    ),
    /** Dots the note received in a dot vote, written by the server when the facilitator reveals the votes. */
    votes: z.optional(countField('note votes must be a whole number of 0 or more')),
  }),
  { title: 'Note', description: 'One idea, posted by one person into one station.' },
);

const NOTE_KEY_SET: ReadonlySet<string> = new Set(Object.keys(NoteSchema.shape));

/**
 * Notes are parsed by every board read and by the server's guard for every note posted: the plain, valid ones are
 * checked by hand (quickNote.ts, the same answer, faster), the rest by the schema.
 */
export const NoteRecord = defineRecord({
  noun: 'note',
  schema: NoteSchema,
  immutable: ['id', 'authorId', 'authorName', 'authorRole', 'createdAt', 'source'],
  quick: (raw) => quickNote(raw, NOTE_KEY_SET),
});

export type Note = RecordOf<typeof NoteSchema>;
export const NOTE_KEYS = NoteRecord.keys;

/** Validates a raw note (NoteRecord.parse). */
export function parseNote(raw: Record<string, unknown>): Result<Note> {
  return NoteRecord.parse(raw);
}
