// Where each team works, for the projector during group and rotate: "Team 1 → 2. Security contingency planning: Ana, Bo".
import type { Area } from '@shared/model/Area.ts';
import type { Participant } from '@shared/model/Participant.ts';
import type { Session } from '@shared/model/Session.ts';
import { stationIndexForTeam } from '@shared/phases/balanceTeams.ts';

export interface TeamsLineProps {
  session: Pick<Session, 'phase' | 'teams' | 'stationOffset'>;
  stations: readonly Area[];
  participants: readonly Participant[];
}

export function TeamsLine({ session, stations, participants }: TeamsLineProps) {
  if ((session.phase !== 'group' && session.phase !== 'rotate') || session.teams.length === 0 || stations.length === 0)
    return null;
  const names = new Map(participants.map((p) => [p.id, p.name]));
  return (
    <section aria-labelledby="projector-teams">
      <h2 id="projector-teams" className="projector-rules-title">
        Teams
      </h2>
      <ul className="projector-teams">
        {session.teams.map((team, teamIndex) => {
          const stationIndex = stationIndexForTeam(teamIndex, session.stationOffset, stations.length);
          const station = stations[stationIndex];
          const members = team.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
          return (
            <li key={teamIndex}>
              <strong>Team {teamIndex + 1}</strong> → {station ? `${stationIndex + 1}. ${station.title}` : 'no station'}
              {members.length > 0 && (
                <span className="projector-members" dir="auto">
                  : {members.join(', ')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
