// What every screen shows about the session: exercise and phase, the countdown, the instruction, my team's station.
import { useEffect, useState } from 'react';
import type { Board } from '@shared/doc/readBoard.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Role } from '@shared/model/Role.ts';
import { remainingMs } from '@shared/phases/clock.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import type { Chime } from './chime.ts';
import { Countdown } from './Countdown.tsx';
import { GroundRules } from './GroundRules.tsx';
import { ParticipantActions } from './ParticipantActions.tsx';
import {
  currentExercise,
  describeTeamStation,
  phaseLine,
  rotationLabel,
  stationsOf,
  teamStation,
} from './sessionView.ts';
import { useChime } from './useChime.ts';
import type { CommandRunner } from './useCommand.ts';
import { useServerNow, type ServerClock } from './useServerClock.ts';

export interface SessionPanelProps {
  board: Board;
  self: { participantId: string; role: Role };
  clock: ServerClock;
  chime: Chime;
  /** The runner for this person's own commands (markDone, answerMoreTime). */
  commands: CommandRunner;
}

export function SessionPanel({ board, self, clock, chime, commands }: SessionPanelProps) {
  const { session } = board;
  const exercise = currentExercise(board);
  const stations = stationsOf(board.areas, exercise?.id);
  const isTicking = session.endsAt !== null || session.moreTimePoll !== null;
  const now = useServerNow(clock, isTicking);
  const [isMuted, setMuted] = useState(false);
  const [joinedAt, setJoinedAt] = useState<number | null>(null);
  useEffect(() => {
    // "Joined" is when this screen first knew the server's time: a screen opened after the deadline stays quiet.
    if (clock.isReady && joinedAt === null) setJoinedAt(clock.now());
  }, [clock, joinedAt]);
  const chimedFor = useChime(chime, { endsAt: session.endsAt, now, joinedAt, isMuted });

  // Until the offset is known, a device with a wrong clock would flash a wrong countdown: show none instead.
  const remaining = clock.isReady || session.pausedRemainingMs !== null ? remainingMs(session, now) : null;
  const isParticipant = self.role === 'participant';
  const station = isParticipant ? teamStation(self.participantId, session, stations) : undefined;
  const rotation = rotationLabel(session, exercise);
  const poll = session.moreTimePoll && now < session.moreTimePoll.endsAt ? session.moreTimePoll : null;

  return (
    <section className="panel session-panel" aria-labelledby="session-heading" data-chimed-for={chimedFor ?? undefined}>
      <h2 id="session-heading" className="sr-only">
        Session
      </h2>
      <p className="session-headline" aria-live="polite">
        <span className="session-exercise">{exercise?.title ?? 'No exercise'}</span>
        <span className="session-phase" data-phase={session.phase}>
          {phaseLine(session, exercise)}
        </span>
      </p>
      <Countdown remaining={remaining} isPaused={session.pausedRemainingMs !== null} />
      <div className="chime-toggle">
        <button type="button" className="quiet-button" aria-pressed={isMuted} onClick={() => setMuted((m) => !m)}>
          Mute chime
        </button>
      </div>
      <p className="instruction">{phaseInstruction(session.phase, exercise)}</p>
      {isParticipant && isGroupingPhase(session.phase) && (
        <p className="team-station" role="status" data-station={station?.stationNumber ?? ''}>
          {station ? describeTeamStation(station) : 'You are not in a team yet: the facilitator will put you in one.'}
          {station && rotation ? ` · ${rotation}` : ''}
        </p>
      )}
      {isParticipant && (
        <ParticipantActions
          participantId={self.participantId}
          isTimedPhase={isTimedPhase(session.phase)}
          done={session.done}
          poll={poll}
          commands={commands}
        />
      )}
      <GroundRules rules={board.groundRules} />
    </section>
  );
}
