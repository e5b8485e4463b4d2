// Pure words for the facilitator: done counts, the poll, minutes and clock times.
import type { Participant } from '@shared/model/Participant.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { MoreTimePoll, PollOutcome, Session } from '@shared/model/Session.ts';

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

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** The last "need more time?" poll in words, or null when there was none in this phase. */
export function describeLastPoll(outcome: PollOutcome | null): string | null {
  if (!outcome) return null;
  const answers = outcome.yes + outcome.no;
  const asked =
    answers === 0
      ? 'Nobody answered the last "need more time?" poll'
      : `In the last "need more time?" poll, ${people(outcome.yes)} of ${answers} asked for more time`;
  return outcome.keptPhase
    ? `${asked}, so the phase was kept for you to decide: extend it or move on.`
    : `${asked}, so the room moved on.`;
}

/** The open poll in words for the facilitator. */
export function describeOpenPoll(poll: MoreTimePoll): string {
  return `Asking the room "need more time?": ${poll.yes.length} yes, ${poll.no.length} no so far.`;
}

/** Whole minutes for plans and run sheets: "15 min", "1 h 5 min"; below a minute, seconds. */
export function formatMinutes(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ''}` : `${m} min`;
}

/** A server epoch time as this device's wall clock shows it ("14:35"), given the offset to the server. */
export function formatClockTime(serverMs: number, offsetMs: number, locale?: string): string {
  return new Date(serverMs - offsetMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
