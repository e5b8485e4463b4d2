// Where every note of a station sits so that none covers another or hides in a group it is not in: one answer for all screens.
import { frameAround } from './groupFrames.ts';
import { overlaps, type NoteGeometry, type Point, type Rect } from './geometry.ts';

export interface PlacementNote {
  id: string;
  areaId: string;
  groupId?: string | undefined;
  /** Where the note was dropped or tidied to, when it was. */
  x?: number | undefined;
  y?: number | undefined;
}

/** Rows searched below a station's last note before giving up on a nearer slot (a station grows downwards). */
const MAX_ROWS = 400;

interface Placed {
  id: string;
  groupId: string | undefined;
  rect: Rect;
}

/**
 * Places the notes of some stations. `regions` is, per station id, the part of the station notes may use (its left,
 * top and width; it grows downwards). Notes are taken in the given order (readBoard's, by creation), in four rounds
 * so groups settle first: dropped grouped notes, then grouped notes without a place (beside their group), then
 * dropped ungrouped notes, then the rest (the first free slot, reading order). A dropped note stays where it was
 * dropped unless that covers a note or another group's frame; then it takes the nearest free slot. The result
 * depends only on the input, so every screen draws the same board.
 */
export function placeNotes(
  regions: ReadonlyMap<string, Rect>,
  notes: readonly PlacementNote[],
  geometry: NoteGeometry,
): Map<string, Point> {
  const placed: Placed[] = [];
  const positions = new Map<string, Point>();
  const inRegion = notes.filter((note) => regions.has(note.areaId));
  const isDropped = (note: PlacementNote) => note.x !== undefined && note.y !== undefined;
  const rounds = [
    inRegion.filter((n) => n.groupId !== undefined && isDropped(n)),
    inRegion.filter((n) => n.groupId !== undefined && !isDropped(n)),
    inRegion.filter((n) => n.groupId === undefined && isDropped(n)),
    inRegion.filter((n) => n.groupId === undefined && !isDropped(n)),
  ];
  for (const round of rounds) {
    for (const note of round) {
      const region = regions.get(note.areaId)!;
      const point = placeOne(note, region, placed, geometry);
      positions.set(note.id, point);
      placed.push({ id: note.id, groupId: note.groupId, rect: noteRect(point, geometry) });
    }
  }
  return positions;
}

function noteRect(point: Point, g: NoteGeometry): Rect {
  return { x: point.x, y: point.y, width: g.stickyWidth, height: g.stickyHeight };
}

/** The rectangle grown by `margin` on every side: neighbours closer than that count as touching. */
function grown(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

function framesOf(placed: readonly Placed[], g: NoteGeometry): Map<string, Rect> {
  const members = new Map<string, Point[]>();
  for (const p of placed)
    if (p.groupId !== undefined) members.set(p.groupId, [...(members.get(p.groupId) ?? []), p.rect]);
  const frames = new Map<string, Rect>();
  for (const [groupId, points] of members) frames.set(groupId, frameAround(points, g)!);
  return frames;
}

/** Whether `point` is free for `note`: it covers no note, no other group's frame, and its own frame covers no stranger. */
function isFree(note: PlacementNote, point: Point, placed: readonly Placed[], g: NoteGeometry): boolean {
  const rect = grown(noteRect(point, g), g.stickyGap);
  if (placed.some((p) => overlaps(rect, p.rect))) return false;
  const frames = framesOf(placed, g);
  for (const [groupId, frame] of frames) if (groupId !== note.groupId && overlaps(rect, frame)) return false;
  if (note.groupId === undefined) return true;
  const own = placed.filter((p) => p.groupId === note.groupId).map((p) => p.rect);
  const frame = frameAround([...own, point], g)!;
  if (placed.some((p) => p.groupId !== note.groupId && overlaps(frame, p.rect))) return false;
  for (const [groupId, other] of frames) if (groupId !== note.groupId && overlaps(frame, other)) return false;
  return true;
}

function placeOne(note: PlacementNote, region: Rect, placed: readonly Placed[], g: NoteGeometry): Point {
  if (note.x !== undefined && note.y !== undefined) {
    const dropped = { x: note.x, y: note.y };
    return isFree(note, dropped, placed, g) ? dropped : nearestFree(note, dropped, region, placed, g);
  }
  if (note.groupId !== undefined) {
    const own = placed.filter((p) => p.groupId === note.groupId);
    // Beside its group: start from the group's first note, so the block grows right, then down.
    if (own.length > 0) return nearestFree(note, { x: own[0]!.rect.x, y: own[0]!.rect.y }, region, placed, g, true);
  }
  return firstFree(note, region, placed, g);
}

/** Slot columns of a region: as many notes as fit its width side by side (at least one). */
function columnsOf(region: Rect, g: NoteGeometry): number {
  return Math.max(1, Math.floor((region.width + g.stickyGap) / (g.stickyWidth + g.stickyGap)));
}

/** The first free slot of the region's grid, in reading order; a new group leaves room above for its label. */
function firstFree(note: PlacementNote, region: Rect, placed: readonly Placed[], g: NoteGeometry): Point {
  const columns = columnsOf(region, g);
  const top = region.y + (note.groupId === undefined ? 0 : g.framePadding + g.frameHeader);
  for (let row = 0; row < MAX_ROWS; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const point = {
        x: region.x + column * (g.stickyWidth + g.stickyGap),
        y: top + row * (g.stickyHeight + g.stickyGap),
      };
      if (isFree(note, point, placed, g)) return point;
    }
  }
  // A group spread far apart (its notes dropped in several places) cannot keep its frame clear: keep the note itself clear.
  if (note.groupId !== undefined) return firstFree({ ...note, groupId: undefined }, region, placed, g);
  return { x: region.x, y: top + MAX_ROWS * (g.stickyHeight + g.stickyGap) };
}

/**
 * The free point nearest `from` on a note-sized grid through it, inside the region's width; ties go up, then left.
 * `isDownOnly` keeps to `from`'s row and below (a group grows right, then down).
 * Falls back to the region's first free slot when the neighbourhood is full.
 */
function nearestFree(
  note: PlacementNote,
  from: Point,
  region: Rect,
  placed: readonly Placed[],
  g: NoteGeometry,
  isDownOnly = false,
): Point {
  const stepX = g.stickyWidth + g.stickyGap;
  const stepY = g.stickyHeight + g.stickyGap;
  const right = region.x + region.width - g.stickyWidth;
  const candidates: Point[] = [];
  // Columns: the grid through `from`, clamped into the region so a note dropped on the edge stays inside it.
  const xs = new Set<number>();
  for (let i = -4; i <= 4; i += 1) {
    xs.add(Math.min(right, Math.max(region.x, from.x + i * stepX)));
    // A group whose notes were put outside the station grows where they are.
    if (isDownOnly) xs.add(from.x + i * stepX);
  }
  for (let j = isDownOnly ? 0 : -8; j <= 24; j += 1) {
    const y = from.y + j * stepY;
    // Never above the station's notes area, unless the note itself was put there.
    if (y < Math.min(region.y, from.y)) continue;
    for (const x of xs) candidates.push({ x, y });
  }
  const outside = (p: Point) => (p.x < region.x || p.x > right ? 1 : 0);
  candidates.sort(
    isDownOnly
      ? (a, b) => outside(a) - outside(b) || a.y - b.y || Math.abs(a.x - from.x) - Math.abs(b.x - from.x) || b.x - a.x
      : (a, b) => dist(a, from) - dist(b, from) || a.y - b.y || a.x - b.x,
  );
  for (const point of candidates) if (isFree(note, point, placed, g)) return point;
  return firstFree(note, region, placed, g);
}

function dist(a: Point, b: Point): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
