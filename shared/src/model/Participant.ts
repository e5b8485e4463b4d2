// A person who joined the board, as the server records them in the doc (never their token).
import { z } from 'zod';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { countField, idField, roleField, textField } from './fields.ts';
import { NAME_MAX } from './limits.ts';

export const ParticipantSchema = z
  .object({
    id: idField('participant id is missing'),
    name: textField(NAME_MAX, 'participant has no name'),
    role: roleField('participant role is unknown'),
    joinedAt: countField('participant join time is not a time').default(0).catch(0),
    /** Set when the facilitator removed them; their token no longer works. */
    isRemoved: z
      .boolean()
      .optional()
      .catch(undefined)
      .transform((removed) => removed || undefined),
  })
  .meta({ title: 'Participant', description: 'A person who joined the board (written by the server; never a token).' });

/** Participants are written by the server alone; no client may change one. */
export const ParticipantRecord = defineRecord({ noun: 'participant', schema: ParticipantSchema, mutable: [] });

export type Participant = RecordOf<typeof ParticipantSchema>;
export const parseParticipant = ParticipantRecord.parse;
