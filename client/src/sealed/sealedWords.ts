// Plain words for sealed input: private-note counts per station and the dots a person has left.
import type { Area } from '@shared/model/Area.ts';

export function privateNotesText(count: number): string {
  return count === 1 ? '1 private note' : `${count} private notes`;
}

/** Stations of the exercise with their private-note counts, in station order; stations without any are left out. */
export function stationCounts(
  areas: readonly Area[],
  counts: Readonly<Record<string, number>>,
): { area: Area; count: number }[] {
  return areas.flatMap((area) => {
    const count = counts[area.id] ?? 0;
    return count > 0 ? [{ area, count }] : [];
  });
}

export function votesLeftText(remaining: number, votesPerPerson: number): string {
  return `${remaining} of ${votesPerPerson} ${votesPerPerson === 1 ? 'vote' : 'votes'} left`;
}

export function votersText(count: number): string {
  return count === 1 ? '1 person has voted so far.' : `${count} people have voted so far.`;
}

export function dotsText(count: number): string {
  return count === 1 ? '1 vote' : `${count} votes`;
}
