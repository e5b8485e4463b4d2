// Pure reading of the session for screens: the current exercise and its stations, my team's station, the rotation, words.
import type { Area } from '@shared/model/Area.ts';
import type { Exercise } from '@shared/model/Exercise.ts';
import type { Phase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';
import { stationIndexForTeam, teamOf } from '@shared/phases/teamStations.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';

/** Phase names as people say them; keyed by string so a phase added later reads as its own name until named here. */
const PHASE_NAMES: Readonly<Record<string, string>> = {
  setup: 'Getting ready',
  post: 'Posting',
  group: 'Grouping',
  rotate: 'Rotating',
  vote: 'Voting',
  closed: 'Closed',
};

export function phaseName(phase: Phase): string {
  return PHASE_NAMES[phase] ?? phase;
}

/** The session's exercise, or the first one (by order) when none is chosen yet: the server's own reading. */
export { currentExercise } from '@shared/model/exerciseOrder.ts';

/** The stations of one exercise in station order (readBoard sorts areas by order); left-out stations are not visited. */
export function stationsOf(areas: readonly Area[], exerciseId: string | undefined): Area[] {
  return exerciseId === undefined ? [] : areas.filter((area) => area.exerciseId === exerciseId && !area.isLeftOut);
}

/** Where one participant's team is working now. */
export interface TeamStation {
  teamIndex: number;
  /** 0-based index into the exercise's stations. */
  stationIndex: number;
  /** 1-based, as the canvas numbers stations. */
  stationNumber: number;
  area: Area;
}

/**
 * The station of `participantId`'s team during group and rotate; undefined in other phases, when they are in no
 * team, or when the exercise has no stations.
 */
export function teamStation(
  participantId: string,
  session: Session,
  stations: readonly Area[],
): TeamStation | undefined {
  if (!isGroupingPhase(session.phase)) return undefined;
  const teamIndex = teamOf(participantId, session.teams);
  if (teamIndex === undefined) return undefined;
  const stationIndex = stationIndexForTeam(teamIndex, session.stationOffset, stations.length);
  const area = stations[stationIndex];
  if (!area) return undefined;
  return { teamIndex, stationIndex, stationNumber: stationIndex + 1, area };
}

/** "Your team: station 2, Security contingency planning". */
export function describeTeamStation(station: TeamStation): string {
  return `Your team: station ${station.stationNumber}, ${station.area.title}`;
}

/** "rotation 1 of 2" during rotate; null otherwise. */
export function rotationLabel(
  session: Pick<Session, 'phase' | 'rotation'>,
  exercise: Pick<Exercise, 'plan'> | undefined,
): string | null {
  if (session.phase !== 'rotate' || session.rotation < 1) return null;
  const planned = exercise?.plan.rotations ?? session.rotation;
  return `rotation ${session.rotation} of ${Math.max(planned, session.rotation)}`;
}

/** The phase in words, with the rotation during rotate: "Rotating, rotation 1 of 2". */
export function phaseLine(
  session: Pick<Session, 'phase' | 'rotation'>,
  exercise: Pick<Exercise, 'plan'> | undefined,
): string {
  const rotation = rotationLabel(session, exercise);
  return phaseName(session.phase) + (rotation ? `, ${rotation}` : '');
}
