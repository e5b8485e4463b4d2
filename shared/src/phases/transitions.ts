// The moves between phases that commands and the deadline share: enter a phase, rotate, advance, close; each logged.
import type { Exercise } from '../model/Exercise.ts';
import type { TimedPhase } from '../model/Phase.ts';
import type { PhaseRecord, Session } from '../model/Session.ts';
import { balanceTeams } from './balanceTeams.ts';
import { nextPlannedPhase } from './planPhases.ts';
import { currentExercise, orderedExercises } from '../model/exerciseOrder.ts';

export { currentExercise, orderedExercises };

export const MINUTE_MS = 60_000;

/** What the phase machine needs to know beyond the session; the server passes it in with every call. */
export interface MachineState {
  session: Session;
  exercises: readonly Exercise[];
  /** Stations (areas) of the current exercise. */
  stationCount: number;
  /** Participants connected right now (for auto-balanced teams). */
  presentParticipantIds: readonly string[];
  minTeamSize: number;
}

export type Transition =
  { ok: true; session: Session; notice?: string } | { ok: false; kind: RefusalKind; reason: string };

/** Why a command is refused, in the domain's words (the HTTP edge picks the status). */
export type RefusalKind = 'invalid' | 'forbidden' | 'conflict';

export function refuse(kind: RefusalKind, reason: string): Transition {
  return { ok: false, kind, reason };
}

export function plannedMinutes(exercise: Exercise, phase: TimedPhase): number {
  const { plan } = exercise;
  return phase === 'post' ? plan.postMinutes : phase === 'group' ? plan.groupMinutes : plan.rotateMinutes;
}

/** Ends whatever log record is still open. */
export function endLog(log: readonly PhaseRecord[], now: number): PhaseRecord[] {
  return log.map((record) => (record.endedAt === null ? { ...record, endedAt: now } : record));
}

/** What every change of phase or rotation resets: the clock, the done marks and the poll. */
function fresh(session: Session, now: number): Session {
  return {
    ...session,
    endsAt: null,
    pausedRemainingMs: null,
    done: [],
    moreTimePoll: null,
    lastPoll: null,
    closedFromPhase: null,
    log: endLog(session.log, now),
  };
}

/** Starts a timed phase of `exercise` for `durationMs`; group and rotate get auto-balanced teams if none are set. */
export function enterTimedPhase(
  state: MachineState,
  exercise: Exercise,
  phase: TimedPhase,
  durationMs: number,
  now: number,
): Transition {
  const base = fresh(state.session, now);
  let teams = base.teams;
  let notice: string | undefined;
  if (phase !== 'post' && teams.every((team) => team.length === 0)) {
    const balanced = balanceTeams(state.presentParticipantIds, state.stationCount, state.minTeamSize);
    teams = balanced.teams;
    notice = balanced.warning;
  }
  const rotation = phase === 'rotate' ? 1 : 0;
  const record: PhaseRecord = { exerciseId: exercise.id, phase, startedAt: now, endedAt: null, plannedMs: durationMs };
  if (rotation > 0) record.rotation = rotation;
  const session: Session = {
    ...base,
    exerciseId: exercise.id,
    phase,
    endsAt: now + durationMs,
    rotation,
    stationOffset: phase === 'rotate' ? wrap(1, state.stationCount) : 0,
    teams,
    log: [...base.log, record],
  };
  return notice ? { ok: true, session, notice } : { ok: true, session };
}

function wrap(offset: number, stationCount: number): number {
  return stationCount > 0 ? offset % stationCount : offset;
}

/** Moves every team one station on and restarts the clock; only while rotations of the plan remain. */
export function rotateTeams(state: MachineState, now: number): Transition {
  const { session } = state;
  const exercise = currentExercise(state);
  if (session.phase !== 'rotate' || !exercise) return refuse('conflict', 'Teams rotate only in the rotate phase.');
  const planned = exercise.plan.rotations;
  if (session.rotation >= planned) {
    return refuse(
      'conflict',
      `All ${planned} planned rotations are done: move on to the next phase, or extend this one.`,
    );
  }
  const base = fresh(session, now);
  const rotation = session.rotation + 1;
  const durationMs = exercise.plan.rotateMinutes * MINUTE_MS;
  return {
    ok: true,
    session: {
      ...base,
      endsAt: now + durationMs,
      rotation,
      stationOffset: wrap(session.stationOffset + 1, state.stationCount),
      log: [
        ...base.log,
        { exerciseId: exercise.id, phase: 'rotate', rotation, startedAt: now, endedAt: null, plannedMs: durationMs },
      ],
    },
  };
}

/** The setup of an exercise: no clock, teams back at their first stations. */
export function enterSetup(session: Session, exerciseId: string | null, now: number): Session {
  return { ...fresh(session, now), exerciseId, phase: 'setup', rotation: 0, stationOffset: 0 };
}

/**
 * The closing dot vote of `exercise`: no clock (it ends when the facilitator moves on), a fresh count of voters and
 * totals sealed until the facilitator reveals them. Only when the facilitator has enabled voting.
 */
export function enterVote(state: MachineState, exercise: Exercise, now: number): Transition {
  if (!state.session.votingEnabled) return refuse('conflict', 'Dot voting is off for this board: enable it first.');
  const base = fresh(state.session, now);
  return {
    ok: true,
    session: {
      ...base,
      exerciseId: exercise.id,
      phase: 'vote',
      votesRevealed: false,
      votersCount: 0,
      log: [...base.log, { exerciseId: exercise.id, phase: 'vote', startedAt: now, endedAt: null, plannedMs: null }],
    },
  };
}

export function enterClosed(session: Session, now: number): Session {
  return { ...fresh(session, now), phase: 'closed', closedFromPhase: session.phase };
}

/**
 * The facilitator's "next": setup -> post -> group -> rotate (the phases the plan keeps) -> (vote, when voting is on)
 * -> next exercise's setup, or closed after the last.
 */
export function advance(state: MachineState, now: number): Transition {
  const { session } = state;
  if (session.phase === 'closed') return refuse('conflict', 'The board is closed: reopen it to continue.');
  const exercise = currentExercise(state);
  if (!exercise) return refuse('conflict', 'This board has no exercise to run.');
  const start = (phase: TimedPhase) =>
    enterTimedPhase(state, exercise, phase, plannedMinutes(exercise, phase) * MINUTE_MS, now);
  // The plan may leave phases out (post only; post then rotate): "next" walks the phases it keeps.
  const following = nextPlannedPhase(exercise.plan, session.phase);
  if (following) return start(following);
  if (session.phase !== 'setup' && session.phase !== 'vote' && session.votingEnabled)
    return enterVote(state, exercise, now);
  const ordered = orderedExercises(state.exercises);
  const next = ordered[ordered.findIndex((e) => e.id === exercise.id) + 1];
  if (next) return { ok: true, session: enterSetup(session, next.id, now) };
  return {
    ok: true,
    session: enterClosed(session, now),
    notice: 'That was the last exercise: the board is now closed.',
  };
}
