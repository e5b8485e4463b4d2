// Finds a free spot next to a group's notes for a note just added to it, so grouped notes never pile up.
import { contains, overlaps, type NoteGeometry, type Point, type Rect } from './geometry.ts';

/**
 * The first spot, scanning right of, then below, then left of and above each member (in the given order), where
 * a note fits inside `within` without overlapping any of `occupied` (other notes' top-left corners). Falls back
 * to `fallback` when nothing is free. Deterministic.
 */
export function placeBeside(
  members: readonly Point[],
  occupied: readonly Point[],
  within: Rect,
  geometry: NoteGeometry,
  fallback: Point,
): Point {
  const { stickyWidth: w, stickyHeight: h, stickyGap: gap } = geometry;
  // A frame's label strip sits above its notes: keep a header's room between rows of one group.
  const stepX = w + gap;
  const stepY = h + gap;
  const isFree = (spot: Point) => {
    const rect = { ...spot, width: w, height: h };
    if (!contains(within, spot) || !contains(within, { x: spot.x + w, y: spot.y + h })) return false;
    return !occupied.some((o) => overlaps(rect, { ...o, width: w, height: h }));
  };
  for (const member of members) {
    const candidates = [
      { x: member.x + stepX, y: member.y },
      { x: member.x, y: member.y + stepY },
      { x: member.x - stepX, y: member.y },
      { x: member.x, y: member.y - stepY },
      { x: member.x + stepX, y: member.y + stepY },
      { x: member.x - stepX, y: member.y + stepY },
    ];
    for (const spot of candidates) if (isFree(spot)) return spot;
  }
  return fallback;
}
