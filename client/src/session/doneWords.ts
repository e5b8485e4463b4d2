// "3 of 5 done": the done counts the top bar and the facilitator's People section show, counted the same way.
import type { Participant } from '@shared/model/Participant.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';

/** "7 of 12 done": of the participants counted, how many marked themselves done. */
export function doneSummary(done: readonly string[], participantIds: readonly string[]): string {
  const doneSet = new Set(done);
  const count = participantIds.filter((id) => doneSet.has(id)).length;
  return `${count} of ${participantIds.length} done`;
}

/**
 * The top bar's "3 of 5 done" while a timed phase runs: participants here now, and anyone who said they were done
 * before stepping away (the console's People section counts the same way). Null when no phase runs.
 */
export function doneLine(
  session: Pick<Session, 'phase' | 'done'>,
  participants: readonly Pick<Participant, 'id' | 'role' | 'isRemoved'>[],
  presentIds: ReadonlySet<string>,
): string | null {
  if (!isTimedPhase(session.phase)) return null;
  const done = new Set(session.done);
  const counted = participants
    .filter((p) => p.role === 'participant' && !p.isRemoved && (presentIds.has(p.id) || done.has(p.id)))
    .map((p) => p.id);
  return doneSummary(session.done, counted);
}
