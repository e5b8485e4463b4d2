// A person who joined the board, as the server records them in the doc (never their token).
import { NAME_MAX } from './limits.ts';
import { isRole, type Role } from './Role.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanText, cleanTime } from './validate.ts';

export interface Participant {
  id: string;
  name: string;
  role: Role;
  joinedAt: number;
  /** Set when the facilitator removed them; their token no longer works. */
  isRemoved?: boolean;
}

export function parseParticipant(raw: Record<string, unknown>): Result<Participant> {
  const id = cleanId(raw.id);
  if (!id) return fail('participant id is missing');
  const name = cleanText(raw.name, NAME_MAX);
  if (name === undefined) return fail('participant has no name');
  if (!isRole(raw.role)) return fail('participant role is unknown');
  const joinedAt = cleanTime(raw.joinedAt) ?? 0;
  const participant: Participant = { id, name, role: raw.role, joinedAt };
  if (raw.isRemoved === true) participant.isRemoved = true;
  return ok(participant);
}
