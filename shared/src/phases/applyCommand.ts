// The phase machine: applies one command to the session, or says why not (400 malformed, 403 not yours, 409 not now).
import type { PhasePlan } from '../model/Exercise.ts';
import { isTimedPhase } from '../model/Phase.ts';
import type { Session } from '../model/Session.ts';
import type { Actor } from '../rules/Change.ts';
import { balanceTeams } from './balanceTeams.ts';
import { PARTICIPANT_COMMANDS, type Command } from './Command.ts';
import { withSessionEvents } from './sessionEvents.ts';
import { isPhaseChange, reopenSession, snapshotOf, undoPhaseChange } from './phaseUndo.ts';
import { isLeftOutOfPlan, planRecord } from './planPhases.ts';
import {
  advance,
  currentExercise,
  enterClosed,
  enterSetup,
  enterTimedPhase,
  enterVote,
  MINUTE_MS,
  plannedMinutes,
  refuse,
  rotateTeams,
  type MachineState,
  type RefusalKind,
  type Transition,
} from './transitions.ts';

export type CommandResult =
  | {
      ok: true;
      session: Session;
      /** Plain words for the facilitator (a team-size warning, what happened at the end). */
      notice?: string;
      /** setPlan: the plan the server writes into that exercise's record (plans live in `exercises`, not `session`). */
      planChange?: { exerciseId: string; plan: PhasePlan };
    }
  | { ok: false; kind: RefusalKind; reason: string };

function unchanged(session: Session): Transition {
  return { ok: true, session };
}

function withoutPerson(ids: readonly string[], participantId: string): string[] {
  return ids.filter((id) => id !== participantId);
}

function clockCommand(
  state: MachineState,
  command: Extract<Command, { type: 'pause' | 'resume' | 'extend' }>,
  now: number,
): Transition {
  const { session } = state;
  if (!isTimedPhase(session.phase)) return refuse('conflict', `There is no clock in the ${session.phase} phase.`);
  // Any change to the clock ends an open "need more time?" poll: the facilitator has answered it.
  const base: Session = { ...session, moreTimePoll: null };
  if (command.type === 'pause') {
    if (session.pausedRemainingMs !== null) return refuse('conflict', 'The clock is already paused.');
    if (session.endsAt === null) return refuse('conflict', 'There is no clock running to pause.');
    return unchanged({ ...base, endsAt: null, pausedRemainingMs: Math.max(0, session.endsAt - now) });
  }
  if (command.type === 'resume') {
    if (session.pausedRemainingMs === null) return refuse('conflict', 'The clock is not paused.');
    return unchanged({ ...base, endsAt: now + session.pausedRemainingMs, pausedRemainingMs: null });
  }
  const ms = Math.round(command.minutes * MINUTE_MS);
  if (session.pausedRemainingMs !== null)
    return unchanged({ ...base, pausedRemainingMs: session.pausedRemainingMs + ms });
  // Time already up: the extension counts from now, not from the deadline that passed.
  const from = session.endsAt === null || session.endsAt < now ? now : session.endsAt;
  return unchanged({ ...base, endsAt: from + ms, lastPoll: null });
}

function startPhase(state: MachineState, command: Extract<Command, { type: 'startPhase' }>, now: number): Transition {
  if (state.session.phase === 'closed')
    return refuse('conflict', 'The board is closed: reopen it before starting a phase.');
  const exercise = command.exerciseId
    ? state.exercises.find((e) => e.id === command.exerciseId)
    : currentExercise(state);
  if (!exercise)
    return refuse(
      'invalid',
      command.exerciseId
        ? `There is no exercise "${command.exerciseId}" on this board.`
        : 'This board has no exercise to run.',
    );
  if (command.phase === 'vote') return enterVote(state, exercise, now);
  if (isLeftOutOfPlan(exercise.plan, command.phase)) {
    return refuse(
      'conflict',
      `The plan of "${exercise.title}" leaves out the ${command.phase} phase: add it to the plan in setup to run it.`,
    );
  }
  const minutes = command.minutes ?? plannedMinutes(exercise, command.phase);
  return enterTimedPhase(state, exercise, command.phase, Math.round(minutes * MINUTE_MS), now);
}

function participantCommand(
  state: MachineState,
  command: Extract<Command, { type: 'markDone' | 'answerMoreTime' }>,
  actor: Actor,
  now: number,
): Transition {
  const { session } = state;
  const me = actor.participantId;
  if (command.type === 'markDone') {
    if (!isTimedPhase(session.phase)) return refuse('conflict', 'Nothing to be done with: no phase is running.');
    const done = withoutPerson(session.done, me);
    return unchanged({ ...session, done: command.done ? [...done, me] : done });
  }
  const poll = session.moreTimePoll;
  if (!poll || now >= poll.endsAt) return refuse('conflict', 'Nobody is asking about more time right now.');
  const yes = withoutPerson(poll.yes, me);
  const no = withoutPerson(poll.no, me);
  (command.needMoreTime ? yes : no).push(me);
  return unchanged({ ...session, moreTimePoll: { ...poll, yes, no } });
}

function assignTeams(state: MachineState, teams: string[][] | undefined): Transition {
  const { session, stationCount } = state;
  if (session.phase === 'closed') return refuse('conflict', 'The board is closed: reopen it before changing teams.');
  if (!teams) {
    const balanced = balanceTeams(state.presentParticipantIds, stationCount, state.minTeamSize);
    const result: Transition = { ok: true, session: { ...session, teams: balanced.teams } };
    return balanced.warning ? { ...result, notice: balanced.warning } : result;
  }
  if (teams.length > stationCount) {
    return refuse('invalid', `There are ${stationCount} stations, so there can be at most ${stationCount} teams.`);
  }
  // Team i belongs at station i: pad with empty teams so every station has its slot.
  const padded = [...teams.map((team) => [...team]), ...Array.from({ length: stationCount - teams.length }, () => [])];
  return unchanged({ ...session, teams: padded });
}

function setPlan(state: MachineState, exerciseId: string, plan: PhasePlan): CommandResult {
  const { session } = state;
  const exercise = state.exercises.find((e) => e.id === exerciseId);
  if (!exercise) return refuse('invalid', `There is no exercise "${exerciseId}" on this board.`);
  const isRunning = session.exerciseId === exerciseId && isTimedPhase(session.phase);
  if (isRunning || session.log.some((record) => record.exerciseId === exerciseId)) {
    return refuse(
      'conflict',
      'That exercise has already started: its plan can no longer change. Extend the running phase instead.',
    );
  }
  // A plan sent without `phases` (minutes only, as older consoles send it) keeps the exercise's choice of phases.
  const phases = plan.phases ?? exercise.plan.phases;
  return { ok: true, session, planChange: { exerciseId, plan: planRecord(phases ? { ...plan, phases } : plan) } };
}

function facilitatorCommand(state: MachineState, command: Command, now: number): CommandResult {
  const { session } = state;
  switch (command.type) {
    case 'startPhase':
      return startPhase(state, command, now);
    case 'pause':
    case 'resume':
    case 'extend':
      return clockCommand(state, command, now);
    case 'nextPhase':
      return advance(state, now);
    case 'rotate':
      return rotateTeams(state, now);
    case 'setExercise': {
      if (!state.exercises.some((e) => e.id === command.exerciseId)) {
        return refuse('invalid', `There is no exercise "${command.exerciseId}" on this board.`);
      }
      // Switching mid-phase would strand a running clock; in closed the choice is where "reopen" will lead.
      if (isTimedPhase(session.phase))
        return refuse('conflict', `Finish the ${session.phase} phase (or close the board) before switching exercises.`);
      return unchanged(
        session.phase === 'setup'
          ? enterSetup(session, command.exerciseId, now)
          : { ...session, exerciseId: command.exerciseId },
      );
    }
    case 'close':
      if (session.phase === 'closed') return refuse('conflict', 'The board is already closed.');
      return unchanged(enterClosed(session, now));
    case 'reopen':
      return reopenSession(session, now, (closed) => enterSetup(closed, closed.exerciseId, now));
    case 'undoPhaseChange':
      return undoPhaseChange(session, now);
    case 'removeParticipant': {
      const id = command.participantId;
      const poll = session.moreTimePoll;
      return unchanged({
        ...session,
        teams: session.teams.map((team) => withoutPerson(team, id)),
        done: withoutPerson(session.done, id),
        moreTimePoll: poll ? { ...poll, yes: withoutPerson(poll.yes, id), no: withoutPerson(poll.no, id) } : null,
      });
    }
    case 'renewJoinCode':
      // The code itself lives with the server's tokens; the session only says when it changed, so screens
      // showing the link (the projector) know to fetch it again.
      return unchanged({ ...session, joinCodeRenewedAt: now });
    case 'renewObserverCode':
      // The observer code lives with the server's tokens, and no screen shows it to the room: nothing to change.
      return unchanged(session);
    case 'setObserversMayPost':
      return unchanged({ ...session, observersMayPost: command.allowed });
    case 'setParticipantsMayExport':
      return unchanged({ ...session, participantsMayExport: command.allowed });
    case 'setAutoAdvance':
      return unchanged({
        ...session,
        autoAdvance: command.enabled,
        moreTimePoll: command.enabled ? session.moreTimePoll : null,
      });
    case 'setPlan':
      return setPlan(state, command.exerciseId, command.plan);
    case 'setPrivatePosting':
      // Switching on mid-post seals only notes posted from now on; switching off lets the server reveal the sealed ones.
      return unchanged({ ...session, privatePosting: command.enabled });
    case 'setVoting':
      if (session.phase === 'vote')
        return refuse('conflict', 'A vote is under way: move on before changing the voting options.');
      return unchanged({
        ...session,
        votingEnabled: command.enabled,
        votesPerPerson: command.votesPerPerson ?? session.votesPerPerson,
      });
    case 'revealVotes':
      if (session.phase !== 'vote') return refuse('conflict', 'Votes can be revealed only in the vote phase.');
      if (session.votesRevealed) return refuse('conflict', 'The votes are already revealed.');
      return unchanged({ ...session, votesRevealed: true });
    case 'assignTeams':
      return assignTeams(state, command.teams);
    case 'markDone':
    case 'answerMoreTime':
      return refuse('conflict', 'That is for participants.');
  }
}

/**
 * Applies one command from `actor` at server time `now`. Pure: returns the new session (and, for setPlan, the plan
 * to write into the exercise) or a refusal with its kind (the server maps it to a status).
 * Participants and observers may only send PARTICIPANT_COMMANDS (forbidden otherwise; the server checks first).
 */
export function applyCommand(state: MachineState, command: Command, actor: Actor, now: number): CommandResult {
  if (PARTICIPANT_COMMANDS.has(command.type)) {
    return participantCommand(state, command as Extract<Command, { type: 'markDone' | 'answerMoreTime' }>, actor, now);
  }
  if (actor.role !== 'facilitator')
    return { ok: false, kind: 'forbidden', reason: 'Only the facilitator can do that.' };
  const result = facilitatorCommand(state, command, now);
  // Pauses, extensions, setup and closing are kept for the export's session record.
  const logged = result.ok
    ? { ...result, session: withSessionEvents(state.session, result.session, command, now) }
    : result;
  return rememberPhaseChange(state.session, command, logged, now);
}

/** Keeps what a change of phase replaced, so it can be undone for a while (the undo itself is not undoable). */
function rememberPhaseChange(before: Session, command: Command, result: CommandResult, now: number): CommandResult {
  if (!result.ok || command.type === 'undoPhaseChange' || command.type === 'reopen') return result;
  if (!isPhaseChange(before, result.session)) return result;
  return { ...result, session: { ...result.session, beforeLastChange: snapshotOf(before, now) } };
}
