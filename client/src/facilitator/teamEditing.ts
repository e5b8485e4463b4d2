// Pure team editing for the console: move a person between teams, who is in none, and labels for teams.
import type { Area } from '@shared/model/Area.ts';
import { stationIndexForTeam } from '@shared/phases/teamStations.ts';

/**
 * The teams after moving `participantId` to team `target` (0-based), or out of every team when target is null.
 * The list keeps one slot per station (`stationCount`), so team i stays at station i's slot; input is not changed.
 */
export function moveToTeam(
  teams: readonly (readonly string[])[],
  participantId: string,
  target: number | null,
  stationCount: number,
): string[][] {
  const size = Math.max(teams.length, stationCount, target === null ? 0 : target + 1);
  const next = Array.from({ length: size }, (_, i) => (teams[i] ?? []).filter((id) => id !== participantId));
  if (target !== null) next[target]!.push(participantId);
  return next;
}

/** Present participants who are in no team, in the order given. */
export function unassigned(teams: readonly (readonly string[])[], participantIds: readonly string[]): string[] {
  const inTeams = new Set(teams.flat());
  return participantIds.filter((id) => !inTeams.has(id));
}

/** "Team 1 · station 3, Risk management": where team `teamIndex` works now. */
export function teamLabel(teamIndex: number, stationOffset: number, stations: readonly Area[]): string {
  const stationIndex = stationIndexForTeam(teamIndex, stationOffset, stations.length);
  const area = stations[stationIndex];
  return area ? `Team ${teamIndex + 1} · station ${stationIndex + 1}, ${area.title}` : `Team ${teamIndex + 1}`;
}
