// Teams: balance those present, see who is where, and move people by drag and drop or with a "Move to team" select.
import { useState } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { Session } from '@shared/model/Session.ts';
import { balanceTeams } from '@shared/phases/balanceTeams.ts';
import { teamOf } from '@shared/phases/teamStations.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { SmallRoomNotice } from './PhaseControls.tsx';
import { moveToTeam, teamLabel, unassigned } from './teamEditing.ts';

export interface TeamsPanelProps {
  session: Session;
  stations: readonly Area[];
  /** Names of everyone who ever joined (removed people included, so old team entries still read). */
  names: ReadonlyMap<string, string>;
  /** Participants (not observers) connected now, in display order. */
  presentIds: readonly string[];
  minTeamSize: number;
  commands: CommandRunner;
  /** Moves focus to the minimum team size control, which the small-room warning names. */
  onShowTeamSize: () => void;
}

const DRAG_TYPE = 'text/plain';

export function TeamsPanel(props: TeamsPanelProps) {
  const { session, stations, names, presentIds, minTeamSize, commands, onShowTeamSize } = props;
  const [dropTarget, setDropTarget] = useState<number | 'none' | null>(null);
  const slots = Math.max(session.teams.length, stations.length);
  const teams = Array.from({ length: slots }, (_, i) => session.teams[i] ?? []);
  const loose = unassigned(teams, presentIds);
  const warning = commands.notice ?? balanceTeams(presentIds, stations.length, minTeamSize).warning ?? null;
  const nameOf = (id: string) => names.get(id) ?? 'Someone who left';

  const move = (participantId: string, target: number | null) => {
    if (teamOf(participantId, teams) === (target ?? undefined)) return;
    void commands.run({ type: 'assignTeams', teams: moveToTeam(teams, participantId, target, stations.length) });
  };
  const dropZone = (target: number | null) => ({
    onDragOver: (event: React.DragEvent) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(target ?? 'none');
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      setDropTarget(null);
      const id = event.dataTransfer.getData(DRAG_TYPE);
      if (id) move(id, target);
    },
  });

  const person = (id: string, current: number | null) => (
    <li key={id} className="team-member" draggable onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, id)}>
      <span className="drag-handle" aria-hidden="true">
        ⠿
      </span>
      <span className="person-name" dir="auto">
        {nameOf(id)}
      </span>
      {!presentIds.includes(id) && <span className="person-role"> (away)</span>}
      <select
        aria-label={`Move ${nameOf(id)} to team`}
        value={current === null ? 'none' : String(current)}
        disabled={commands.pending === 'assignTeams'}
        onChange={(event) => move(id, event.target.value === 'none' ? null : Number(event.target.value))}
      >
        {teams.map((_, i) => (
          <option key={i} value={String(i)}>
            Team {i + 1}
          </option>
        ))}
        <option value="none">No team</option>
      </select>
    </li>
  );

  return (
    <section className="panel teams-panel" aria-labelledby="teams-heading">
      <h2 id="teams-heading">Teams</h2>
      <div className="button-row">
        <button
          type="button"
          disabled={commands.pending === 'assignTeams'}
          onClick={() => void commands.run({ type: 'assignTeams' })}
        >
          Balance teams
        </button>
      </div>
      <p className="hint">
        Balance puts everyone here now into one team per station. Drag people between teams, or use “Move to team”.
      </p>
      <div aria-live="polite">
        {warning && <SmallRoomNotice notice={warning} onShowTeamSize={onShowTeamSize} />}
        {commands.error && (
          <p className="error" role="alert">
            {commands.error}
          </p>
        )}
      </div>
      <div className="teams">
        {teams.map((team, i) => {
          const label = teamLabel(i, session.stationOffset, stations);
          return (
            <div key={i} className={`team${dropTarget === i ? ' is-drop-target' : ''}`} {...dropZone(i)}>
              <h3 id={`team-${i}`}>{label}</h3>
              {team.length === 0 ? (
                <p className="hint">Nobody yet.</p>
              ) : (
                <ul aria-labelledby={`team-${i}`}>{team.map((id) => person(id, i))}</ul>
              )}
            </div>
          );
        })}
        <div className={`team team-none${dropTarget === 'none' ? ' is-drop-target' : ''}`} {...dropZone(null)}>
          <h3 id="team-none">Not in a team</h3>
          {loose.length === 0 ? (
            <p className="hint">Everyone here is in a team.</p>
          ) : (
            <ul aria-labelledby="team-none">{loose.map((id) => person(id, null))}</ul>
          )}
        </div>
      </div>
    </section>
  );
}
