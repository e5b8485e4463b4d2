// Undoing a change of phase and reopening a closed board: both put back the session a snapshot remembers.
import type { PhaseRecord, Session } from '../model/Session.ts';
import { isTimedPhase } from '../model/Phase.ts';
import { PHASE_UNDO_WINDOW_MS, type PhaseSnapshot } from './phaseSnapshot.ts';
import { endLog, refuse, type Transition } from './transitions.ts';

/** What changing away from `session` at `now` would throw away: the snapshot to keep. */
export function snapshotOf(session: Session, now: number): PhaseSnapshot {
  const remainingMs = session.pausedRemainingMs ?? (session.endsAt === null ? null : Math.max(0, session.endsAt - now));
  return {
    at: now,
    exerciseId: session.exerciseId,
    phase: session.phase,
    rotation: session.rotation,
    stationOffset: session.stationOffset,
    teams: session.teams.map((team) => [...team]),
    remainingMs,
    wasPaused: session.pausedRemainingMs !== null,
  };
}

/** Whether `before` and `after` differ in phase, rotation or exercise: a change the facilitator may want to undo. */
export function isPhaseChange(before: Session, after: Session): boolean {
  return before.phase !== after.phase || before.rotation !== after.rotation || before.exerciseId !== after.exerciseId;
}

/**
 * The session put back as `snapshot` remembers it: phase, exercise, rotation, stations and teams, and the time that
 * was left (running again, or paused when `isPaused`). The log ends the current record and opens one for the
 * restored phase, so the session record shows the step back.
 */
function restore(session: Session, snapshot: PhaseSnapshot, now: number, isPaused: boolean): Session {
  const log: PhaseRecord[] = endLog(session.log, now);
  if (snapshot.exerciseId !== null && snapshot.phase !== 'closed') {
    const record: PhaseRecord = {
      exerciseId: snapshot.exerciseId,
      phase: snapshot.phase,
      startedAt: now,
      endedAt: null,
      plannedMs: snapshot.remainingMs,
    };
    if (snapshot.phase === 'rotate' && snapshot.rotation > 0) record.rotation = snapshot.rotation;
    log.push(record);
  }
  const hasClock = isTimedPhase(snapshot.phase) && snapshot.remainingMs !== null;
  const paused = hasClock && (isPaused || snapshot.wasPaused);
  return {
    ...session,
    exerciseId: snapshot.exerciseId,
    phase: snapshot.phase,
    rotation: snapshot.rotation,
    stationOffset: snapshot.stationOffset,
    teams: snapshot.teams.map((team) => [...team]),
    endsAt: hasClock && !paused ? now + snapshot.remainingMs! : null,
    pausedRemainingMs: paused ? snapshot.remainingMs : null,
    done: [],
    moreTimePoll: null,
    lastPoll: null,
    closedFromPhase: null,
    log,
    beforeLastChange: null,
  };
}

/** "Undo last phase change": within PHASE_UNDO_WINDOW_MS of the change, back to the session before it. */
export function undoPhaseChange(session: Session, now: number): Transition {
  const snapshot = session.beforeLastChange;
  if (!snapshot) return refuse('conflict', 'There is no change of phase to undo.');
  if (now - snapshot.at > PHASE_UNDO_WINDOW_MS) {
    return refuse(
      'conflict',
      'That change of phase was more than 2 minutes ago: it can no longer be undone. Choose the phase you want instead.',
    );
  }
  return { ok: true, session: restore(session, snapshot, now, false) };
}

/**
 * "Reopen board": back to the phase it was closed in, with the time that was left, paused so the room can settle
 * before the facilitator resumes. When the exercise was switched while closed (or nothing is remembered), its setup.
 */
export function reopenSession(session: Session, now: number, enterSetup: (session: Session) => Session): Transition {
  if (session.phase !== 'closed') return refuse('conflict', 'The board is not closed.');
  const snapshot = session.beforeLastChange;
  if (snapshot && snapshot.phase === session.closedFromPhase && snapshot.exerciseId === session.exerciseId) {
    return { ok: true, session: restore(session, snapshot, now, true) };
  }
  return { ok: true, session: { ...enterSetup(session), beforeLastChange: null } };
}
