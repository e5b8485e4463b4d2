// The facilitator's console: phase controls, run sheet, teams, people, options and links, each with its own errors.
import { useMemo } from 'react';
import type { Board } from '@shared/doc/readBoard.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import { currentExercise, stationsOf } from '../session/sessionView.ts';
import { useCommand } from '../session/useCommand.ts';
import { useServerNow, type ServerClock } from '../session/useServerClock.ts';
import { LinksPanel } from './LinksPanel.tsx';
import { OptionsPanel } from './OptionsPanel.tsx';
import { SealedOptions } from '../sealed/SealedOptions.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { PhaseControls } from './PhaseControls.tsx';
import { RunSheetPanel } from './RunSheetPanel.tsx';
import { TeamsPanel } from './TeamsPanel.tsx';

export interface FacilitatorConsoleProps {
  board: Board;
  boardId: string;
  token: string;
  clock: ServerClock;
  /** participantIds connected now (from awareness). */
  presentIds: ReadonlySet<string>;
  minTeamSize: number;
  origin: string;
  confirm: (question: string) => boolean;
}

export function FacilitatorConsole({
  board,
  boardId,
  token,
  clock,
  presentIds,
  minTeamSize,
  origin,
  confirm,
}: FacilitatorConsoleProps) {
  const target = { boardId, token };
  const phaseCommands = useCommand(target);
  const planCommands = useCommand(target);
  const teamCommands = useCommand(target);
  const peopleCommands = useCommand(target);
  const optionCommands = useCommand(target);
  const sealedCommands = useCommand(target);
  const linkCommands = useCommand(target);
  const { session } = board;
  // The run sheet's "actual" of a running phase grows; once a second is plenty.
  // Also while a phase change may still be undone, so the offer goes when its two minutes are up.
  const now = useServerNow(clock, isTimedPhase(session.phase) || session.beforeLastChange !== null, 1000);
  const exercise = currentExercise(board);
  const stations = stationsOf(board.areas, exercise?.id);

  const people = useMemo(
    () =>
      board.participants
        .filter((p) => p.role !== 'facilitator' && !p.isRemoved)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [board.participants],
  );
  const names = useMemo(() => new Map(board.participants.map((p) => [p.id, p.name])), [board.participants]);
  const presentParticipants = useMemo(
    () => people.filter((p) => p.role === 'participant' && presentIds.has(p.id)).map((p) => p.id),
    [people, presentIds],
  );

  return (
    <section className="facilitator-console" aria-labelledby="console-heading">
      <h2 id="console-heading" className="console-heading">
        Facilitator console
      </h2>
      <div className="panel">
        <PhaseControls
          session={session}
          exercises={board.exercises}
          exercise={exercise}
          commands={phaseCommands}
          now={now}
          confirm={confirm}
        />
      </div>
      {exercise && (
        <RunSheetPanel
          exercise={exercise}
          session={session}
          now={now}
          offsetMs={clock.offsetMs}
          commands={planCommands}
        />
      )}
      <TeamsPanel
        session={session}
        stations={stations}
        names={names}
        presentIds={presentParticipants}
        minTeamSize={minTeamSize}
        commands={teamCommands}
      />
      <ParticipantsPanel
        session={session}
        people={people}
        presentIds={presentIds}
        commands={peopleCommands}
        confirm={confirm}
      />
      <OptionsPanel session={session} commands={optionCommands} />
      <SealedOptions session={session} commands={sealedCommands} />
      <LinksPanel boardId={boardId} token={token} origin={origin} commands={linkCommands} />
    </section>
  );
}
