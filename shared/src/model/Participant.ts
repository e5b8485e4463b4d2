// A person who joined the board, as the server records them in the doc (never their token).
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { countField, idField, roleField, textSchema } from './fields.ts';
import { NAME_MAX } from './limits.ts';

export const ParticipantSchema = withMeta(
  z.object({
    id: idField('participant id is missing'),
    name: textSchema(NAME_MAX, 'participant has no name'),
    role: roleField('participant role is unknown'),
    joinedAt: z.catch(z._default(countField('participant join time is not a time'), 0), 0),
    /** Set when the facilitator removed them; their token no longer works. */
    isRemoved: z.pipe(
      z.catch(z.optional(z.boolean()), undefined),
      z.transform((removed: boolean | undefined) => removed || undefined),
    ),
  }),
  { title: 'Participant', description: 'A person who joined the board (written by the server; never a token).' },
);

/** Participants are written by the server alone; no client may change one. */
export const ParticipantRecord = defineRecord({ noun: 'participant', schema: ParticipantSchema, mutable: [] });

export type Participant = RecordOf<typeof ParticipantSchema>;
export const parseParticipant = ParticipantRecord.parse;
