// A sticky note: one idea, posted by one person into one area (station).
import { z } from 'zod';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { coordField, countField, idField, optionalTextField, roleField, textField } from './fields.ts';
import { NAME_MAX, NOTE_TEXT_MAX } from './limits.ts';

export const SOURCE_MAX = 120;

export const NoteSchema = z
  .object({
    id: idField('note id is missing or malformed'),
    areaId: idField('note has no area'),
    text: textField(NOTE_TEXT_MAX, `note text must be 1 to ${NOTE_TEXT_MAX} characters, trimmed`, { stored: true }),
    authorId: idField('note has no author'),
    authorName: textField(NAME_MAX, 'note has no author name'),
    authorRole: roleField('note author role is unknown'),
    createdAt: countField('note has no creation time'),
    groupId: idField('note group id is malformed').nullish(),
    x: coordField('note x is not a finite coordinate').optional(),
    y: coordField('note y is not a finite coordinate').optional(),
    /** Where imported input came from ("Public consultation, 12 March 2017"); absent for notes posted in the room. */
    source: optionalTextField(SOURCE_MAX, `note source must be at most ${SOURCE_MAX} characters`)
      .optional()
      .transform((source) => source || undefined)
      .meta({ description: 'Where imported input came from; absent for notes posted in the room.' }),
    /** Dots the note received in a dot vote, written by the server when the facilitator reveals the votes. */
    votes: countField('note votes must be a whole number of 0 or more').optional(),
  })
  .meta({ title: 'Note', description: 'One idea, posted by one person into one station.' });

export const NoteRecord = defineRecord({
  noun: 'note',
  schema: NoteSchema,
  immutable: ['id', 'authorId', 'authorName', 'authorRole', 'createdAt', 'source'],
});

export type Note = RecordOf<typeof NoteSchema>;
export const NOTE_KEYS = NoteRecord.keys;
export const parseNote = NoteRecord.parse;
