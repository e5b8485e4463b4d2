// The facilitator's console: four sections (Run, Teams, People, Options) as tabs over one scrolling panel.
// The clock and the one next action live in the top bar, so no section ever pushes them out of view.
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import { currentExercise, phaseName, stationsOf } from '../session/sessionView.ts';
import { useCommand } from '../session/useCommand.ts';
import { useServerNow, type ServerClock } from '../session/useServerClock.ts';
import type { PeerUser } from '../presence/awarenessState.ts';
import { PresenceList } from '../presence/PresenceList.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { LinksPanel } from './LinksPanel.tsx';
import { OptionsPanel } from './OptionsPanel.tsx';
import { SealedOptions } from '../sealed/SealedOptions.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { PhaseControls } from './PhaseControls.tsx';
import { RunSheetPanel } from './RunSheetPanel.tsx';
import { StationInclusion } from './StationInclusion.tsx';
import { TeamSizeControl } from './TeamSizeControl.tsx';
import { TeamsPanel } from './TeamsPanel.tsx';

export type ConsoleSection = 'run' | 'teams' | 'people' | 'options';

export interface FacilitatorConsoleProps {
  doc: Y.Doc;
  board: Board;
  boardId: string;
  token: string;
  clock: ServerClock;
  /** Who is connected now (awareness). */
  people: readonly PeerUser[];
  selfId: string;
  origin: string;
  confirm: (question: string) => boolean;
  /** The setup editor, in Run: near the top while getting ready or closed, at the end while a phase runs. */
  setup: ReactNode;
  /** More of the Run section: instruction, posting form, discussion tools. */
  children?: ReactNode;
}

export function FacilitatorConsole(props: FacilitatorConsoleProps) {
  const { doc, board, boardId, token, clock, people: here, selfId, origin, confirm, setup, children } = props;
  const target = { boardId, token };
  const phaseCommands = useCommand(target);
  const planCommands = useCommand(target);
  const teamCommands = useCommand(target);
  const peopleCommands = useCommand(target);
  const optionCommands = useCommand(target);
  const sealedCommands = useCommand(target);
  const linkCommands = useCommand(target);
  const [section, setSection] = useState<ConsoleSection>('run');
  const teamSizeId = useId();
  const { session } = board;
  // The run sheet's "actual" of a running phase grows; once a second is plenty.
  // Also while a phase change may still be undone, so the offer goes when its two minutes are up.
  const now = useServerNow(clock, isTimedPhase(session.phase) || session.beforeLastChange !== null, 1000);
  const exercise = currentExercise(board);
  const stations = stationsOf(board.areas, exercise?.id);
  const allStations = useMemo(
    () => board.areas.filter((area) => area.exerciseId === exercise?.id),
    [board.areas, exercise?.id],
  );
  const presentIds = useMemo(() => new Set(here.map((person) => person.participantId)), [here]);

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
  const isRunning = session.phase !== 'setup' && session.phase !== 'closed';
  const lockedReason = isRunning
    ? `The ${phaseName(session.phase).toLowerCase()} phase of this exercise is running: stations can be left out or brought back while getting ready, after closing, or for another exercise.`
    : null;

  /** Opens the Teams section at the minimum team size: where the small-room warning sends the facilitator. */
  const showTeamSize = useCallback(() => {
    setSection('teams');
    // After React shows the Teams section (a click's update commits before the next frame).
    requestAnimationFrame(() => document.getElementById(teamSizeId)?.focus());
  }, [teamSizeId]);

  const run = (
    <>
      <div className="panel">
        <PhaseControls
          session={session}
          exercises={board.exercises}
          exercise={exercise}
          commands={phaseCommands}
          now={now}
          confirm={confirm}
          onShowTeamSize={showTeamSize}
        />
      </div>
      {!isRunning && setup}
      {exercise && (
        <RunSheetPanel
          exercise={exercise}
          session={session}
          now={now}
          offsetMs={clock.offsetMs}
          commands={planCommands}
        />
      )}
      {children}
      {isRunning && setup}
    </>
  );
  const teams = (
    <>
      <div className="panel">
        <TeamSizeControl key={board.minTeamSize} doc={doc} value={board.minTeamSize} inputId={teamSizeId} />
      </div>
      <TeamsPanel
        session={session}
        stations={stations}
        names={names}
        presentIds={presentParticipants}
        minTeamSize={board.minTeamSize}
        commands={teamCommands}
        onShowTeamSize={showTeamSize}
      />
      <div className="panel">
        <StationInclusion
          doc={doc}
          stations={allStations}
          people={presentParticipants.length}
          minTeamSize={board.minTeamSize}
          lockedReason={lockedReason}
        />
      </div>
    </>
  );
  const peopleSection = (
    <>
      <ParticipantsPanel session={session} people={people} presentIds={presentIds} commands={peopleCommands} />
      <PresenceList people={[...here]} selfId={selfId} />
    </>
  );
  const options = (
    <>
      <OptionsPanel session={session} commands={optionCommands} />
      <SealedOptions session={session} commands={sealedCommands} />
      <LinksPanel boardId={boardId} token={token} origin={origin} commands={linkCommands} confirm={confirm} />
    </>
  );

  return (
    <section className="facilitator-console" aria-labelledby="console-heading">
      <h2 id="console-heading" className="console-heading sr-only">
        Facilitator console
      </h2>
      <Tabs
        label="Console sections"
        selected={section}
        onSelect={setSection}
        tabs={[
          { key: 'run', label: 'Run', panel: run },
          { key: 'teams', label: 'Teams', panel: teams },
          { key: 'people', label: `People (${people.length})`, panel: peopleSection },
          { key: 'options', label: 'Options', panel: options },
        ]}
      />
    </section>
  );
}
