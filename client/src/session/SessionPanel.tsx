// What every screen's side panel shows about the session: the instruction, my team's station, "I'm done", ground rules.
// The exercise, phase and countdown live in the top bar (board/TopBar.tsx), always in view.
import type { Board } from '@shared/doc/readBoard.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Role } from '@shared/model/Role.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import { GroundRules } from './GroundRules.tsx';
import { ParticipantActions } from './ParticipantActions.tsx';
import { currentExercise, describeTeamStation, rotationLabel, stationsOf, teamStation } from './sessionView.ts';
import type { CommandRunner } from './useCommand.ts';
import { useServerNow, type ServerClock } from './useServerClock.ts';
import { DecisionStage } from '../stages/DecisionStage.tsx';

export interface SessionPanelProps {
  board: Board;
  self: { participantId: string; role: Role };
  clock: ServerClock;
  /** The runner for this person's own commands (markDone, answerMoreTime). */
  commands: CommandRunner;
}

export function SessionPanel({ board, self, clock, commands }: SessionPanelProps) {
  const { session } = board;
  const exercise = currentExercise(board);
  const stations = stationsOf(board.areas, exercise?.id);
  // Ticks only while the "need more time?" poll is open, to close it on time.
  const now = useServerNow(clock, session.moreTimePoll !== null);
  const isParticipant = self.role === 'participant';
  const station = isParticipant ? teamStation(self.participantId, session, stations) : undefined;
  const rotation = rotationLabel(session, exercise);
  const poll = session.moreTimePoll && now < session.moreTimePoll.endsAt ? session.moreTimePoll : null;

  return (
    <section className="panel session-panel" aria-labelledby="session-heading">
      <h2 id="session-heading" className="session-heading">
        What to do now
      </h2>
      <DecisionStage board={board} />
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
