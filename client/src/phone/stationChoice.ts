// Which station the phone's posting form points at: the person's pick while it still makes sense, else their team's.

/** A pick made while `forDefault` was the suggested station. */
export interface StationPick {
  areaId: string;
  forDefault: string | undefined;
}

/**
 * The station to show selected. A pick counts while it exists and the suggestion has not moved since it was made:
 * when the facilitator rotates the teams, the form follows the team to its new station.
 */
export function chosenStation(
  pick: StationPick | null,
  suggested: string | undefined,
  areaIds: readonly string[],
): string {
  if (pick && pick.forDefault === suggested && areaIds.includes(pick.areaId)) return pick.areaId;
  if (suggested !== undefined && areaIds.includes(suggested)) return suggested;
  return areaIds[0] ?? '';
}
