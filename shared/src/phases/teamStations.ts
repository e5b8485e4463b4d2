// Which team a participant is in and which station a team is at (apart from balanceTeams, for the phone's first load).

/**
 * The station a team is at: team i starts (group phase, offset 0) at station i and each rotation moves it one on,
 * wrapping. Returns -1 when there are no stations.
 */
export function stationIndexForTeam(teamIndex: number, stationOffset: number, stationCount: number): number {
  if (stationCount <= 0) return -1;
  return (((teamIndex + stationOffset) % stationCount) + stationCount) % stationCount;
}

/** The index of the participant's team, or undefined when they are in none. */
export function teamOf(participantId: string, teams: readonly (readonly string[])[]): number | undefined {
  const index = teams.findIndex((team) => team.includes(participantId));
  return index === -1 ? undefined : index;
}
