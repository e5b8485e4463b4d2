// A station hand-off: the short summary a team leaves at its station for the team that arrives next.
import { NAME_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanText, cleanTime } from './validate.ts';

/** A hand-off is one short line: trimmed text of 1 to this many characters (code points). */
export const HANDOFF_TEXT_MAX = 280;

export interface Handoff {
  id: string;
  /** The station it was left at. */
  areaId: string;
  exerciseId: string;
  /** The session's rotation when it was written (1..rotations; 0 would be the group phase). */
  rotation: number;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
}

/** Keys a hand-off record may carry; anything else is refused by the server. */
export const HANDOFF_KEYS = ['id', 'areaId', 'exerciseId', 'rotation', 'text', 'authorId', 'authorName', 'createdAt'] as const;

/** Validates a raw hand-off record (as read from the doc). Text must be stored trimmed. */
export function parseHandoff(raw: Record<string, unknown>): Result<Handoff> {
  const id = cleanId(raw.id);
  if (!id) return fail('hand-off id is missing or malformed');
  const areaId = cleanId(raw.areaId);
  if (!areaId) return fail('hand-off has no station');
  const exerciseId = cleanId(raw.exerciseId);
  if (!exerciseId) return fail('hand-off has no exercise');
  const rotation = cleanTime(raw.rotation);
  if (rotation === undefined) return fail('hand-off rotation must be a whole number from 0');
  const text = cleanText(raw.text, HANDOFF_TEXT_MAX);
  if (text === undefined || text !== raw.text) return fail(`hand-off text must be 1 to ${HANDOFF_TEXT_MAX} characters, trimmed`);
  const authorId = cleanId(raw.authorId);
  if (!authorId) return fail('hand-off has no author');
  const authorName = cleanText(raw.authorName, NAME_MAX);
  if (authorName === undefined) return fail('hand-off has no author name');
  const createdAt = cleanTime(raw.createdAt);
  if (createdAt === undefined) return fail('hand-off has no creation time');
  return ok({ id, areaId, exerciseId, rotation, text, authorId, authorName, createdAt });
}
