// Fair teams for a room, and how many stations it can staff (which team is where: teamStations.ts).

export interface BalancedTeams {
  teams: string[][];
  /** Plain words for the facilitator when the room is too small for the minimum team size. */
  warning?: string;
}

/**
 * Splits the people present into one team per station, sizes differing by at most one.
 * The same set of ids always gives the same teams (ids are sorted first), whatever order they arrive in.
 */
export function balanceTeams(
  participantIds: readonly string[],
  stationCount: number,
  minTeamSize: number,
): BalancedTeams {
  const ids = [...new Set(participantIds)].sort();
  const count = Math.max(0, Math.floor(stationCount));
  if (count === 0) {
    return ids.length > 0
      ? { teams: [], warning: 'This exercise has no stations, so nobody can be put in a team.' }
      : { teams: [] };
  }
  const teams: string[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, index) => teams[index % count]?.push(id));
  const smallest = Math.floor(ids.length / count);
  if (smallest >= minTeamSize) return { teams };
  const largest = Math.ceil(ids.length / count);
  const sizes = smallest === largest ? `${smallest}` : `${smallest} to ${largest}`;
  const people = ids.length === 1 ? '1 person' : `${ids.length} people`;
  return {
    teams,
    warning:
      `${people} for ${count} stations makes teams of ${sizes}; the ground rules ask for at least ${minTeamSize} per team. ` +
      `Ask more people to join, lower the minimum team size or leave stations out (Teams, in the console).`,
  };
}

/** How many stations the people present fill, at `minTeamSize` each (at least 1, at most `stationCount`). */
export function stationsForRoom(people: number, stationCount: number, minTeamSize: number): number {
  const count = Math.max(0, Math.floor(stationCount));
  if (count === 0) return 0;
  const fit = Math.floor(Math.max(0, people) / Math.max(1, minTeamSize));
  return Math.min(count, Math.max(1, fit));
}

/**
 * The stations to leave out so the room fills the rest: the last ones in order, keeping the first that fit.
 * Empty when every station gets a full team (or there is nobody to count yet).
 */
export function stationsToLeaveOut<T>(included: readonly T[], people: number, minTeamSize: number): T[] {
  if (people === 0) return [];
  return included.slice(stationsForRoom(people, included.length, minTeamSize));
}
