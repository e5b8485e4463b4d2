// A station hand-off: the short summary a team leaves at its station for the team that arrives next.
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { countField, idField, textSchema } from './fields.ts';
import { NAME_MAX } from './limits.ts';

/** A hand-off is one short line: trimmed text of 1 to this many characters (code points). */
export const HANDOFF_TEXT_MAX = 280;

export const HandoffSchema = withMeta(
  z.object({
    id: idField('hand-off id is missing or malformed'),
    /** The station it was left at. */
    areaId: idField('hand-off has no station'),
    exerciseId: idField('hand-off has no exercise'),
    /** The session's rotation when it was written (1..rotations; 0 would be the group phase). */
    rotation: countField('hand-off rotation must be a whole number from 0'),
    text: textSchema(HANDOFF_TEXT_MAX, `hand-off text must be 1 to ${HANDOFF_TEXT_MAX} characters, trimmed`, {
      stored: true,
    }),
    authorId: idField('hand-off has no author'),
    authorName: textSchema(NAME_MAX, 'hand-off has no author name'),
    createdAt: countField('hand-off has no creation time'),
  }),
  { title: 'Handoff', description: 'The short summary a team leaves at its station for the next team.' },
);

/** Only the text of a hand-off may change (its author's or the facilitator's right). */
export const HandoffRecord = defineRecord({ noun: 'hand-off', schema: HandoffSchema, mutable: ['text'] });

export type Handoff = RecordOf<typeof HandoffSchema>;
export const parseHandoff = HandoffRecord.parse;
