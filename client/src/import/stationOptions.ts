// The stations a facilitator can import into, grouped by exercise and labelled as the posting form labels them.
import type { Board } from '@shared/doc/readBoard.ts';

export interface StationOption {
  areaId: string;
  label: string;
}

export interface StationGroup {
  exerciseId: string;
  exerciseTitle: string;
  stations: StationOption[];
}

/** Exercises and their stations in board order; the label numbers each station within its exercise. */
export function stationOptions(board: Board): StationGroup[] {
  const exercises = [...board.exercises].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return exercises
    .map((exercise) => ({
      exerciseId: exercise.id,
      exerciseTitle: exercise.title,
      stations: board.areas
        .filter((area) => area.exerciseId === exercise.id)
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
        .map((area, index) => ({
          areaId: area.id,
          label: `${index + 1}. ${area.title}${area.reference ? ` (${area.reference})` : ''}`,
        })),
    }))
    .filter((group) => group.stations.length > 0);
}
