// What the server's clock does when time runs out: with auto-advance on, ask "need more time?", then move on or hold.
import { isTimedPhase } from '../model/Phase.ts';
import type { Session } from '../model/Session.ts';
import { advance, currentExercise, rotateTeams, type MachineState } from './transitions.ts';

/** How long the "need more time?" poll stays open. */
export const MORE_TIME_POLL_MS = 20_000;

export type DeadlineResult = { changed: false } | { changed: true; session: Session; notice?: string };

/**
 * When the server should next call onDeadline (server epoch ms), or null when nothing is due: auto-advance off,
 * no clock running, or the room already asked for more time at this deadline (the facilitator decides then).
 */
export function nextDeadline(session: Session): number | null {
  if (!session.autoAdvance) return null;
  if (session.moreTimePoll) return session.moreTimePoll.endsAt;
  if (!isTimedPhase(session.phase) || session.endsAt === null) return null;
  if (session.lastPoll?.deadline === session.endsAt) return null;
  return session.endsAt;
}

/** Moves on as the facilitator would: the next rotation while rotations remain, otherwise the next phase. */
function moveOn(state: MachineState, now: number) {
  const { session } = state;
  const exercise = currentExercise(state);
  if (session.phase === 'rotate' && exercise && session.rotation < exercise.plan.rotations)
    return rotateTeams(state, now);
  return advance(state, now);
}

function answers(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/**
 * The server's clock, called at or after nextDeadline(session). Without auto-advance nothing happens. With it, the
 * end of time opens a 20 s poll; when the poll ends, a majority (more than half of the answers) for more time keeps
 * the phase, with time up, for the facilitator to decide; otherwise the room moves on.
 */
export function onDeadline(state: MachineState, now: number): DeadlineResult {
  const { session } = state;
  const poll = session.moreTimePoll;
  if (poll && (!session.autoAdvance || !isTimedPhase(session.phase) || session.endsAt === null)) {
    // The clock stopped or auto-advance was turned off while asking: the question no longer applies.
    return { changed: true, session: { ...session, moreTimePoll: null } };
  }
  const due = nextDeadline(session);
  if (due === null || now < due) return { changed: false };
  if (!poll) {
    return {
      changed: true,
      session: { ...session, moreTimePoll: { endsAt: now + MORE_TIME_POLL_MS, yes: [], no: [] } },
    };
  }
  const deadline = session.endsAt ?? now;
  const yes = poll.yes.length;
  const no = poll.no.length;
  const outcome = { deadline, yes, no, decidedAt: now };
  if (yes > (yes + no) / 2) {
    return {
      changed: true,
      session: { ...session, moreTimePoll: null, lastPoll: { ...outcome, keptPhase: true } },
      notice: `Time is up and ${answers(yes)} of ${yes + no} asked for more time: extend the phase or move on.`,
    };
  }
  const moved = moveOn({ ...state, session: { ...session, moreTimePoll: null } }, now);
  if (!moved.ok)
    return {
      changed: true,
      session: { ...session, moreTimePoll: null, lastPoll: { ...outcome, keptPhase: true } },
      notice: moved.reason,
    };
  const notice = `Time is up: moved on (${answers(yes)} of ${yes + no} asked for more time).`;
  return {
    changed: true,
    session: { ...moved.session, lastPoll: { ...outcome, keptPhase: false } },
    notice: moved.notice ? `${notice} ${moved.notice}` : notice,
  };
}
