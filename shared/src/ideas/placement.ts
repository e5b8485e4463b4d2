// Where every note of a station sits so that none covers another or hides in a group it is not in: one answer for all screens.
import type { NoteGeometry, Point, Rect } from './geometry.ts';
import { PlacedNotes, grown, noteRect } from './placedNotes.ts';

export interface PlacementNote {
  id: string;
  areaId: string;
  groupId?: string | undefined;
  /** Where the note was dropped or tidied to, when it was. */
  x?: number | undefined;
  y?: number | undefined;
}

/**
 * Rows searched for a group's first free slot before it gives up its frame and keeps only the note itself clear.
 * Ungrouped notes search until they find a slot: a station grows downwards without limit.
 */
const MAX_ROWS = 400;

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
  const board = new PlacedNotes(geometry);
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
      const point = placeOne(note, region, board);
      positions.set(note.id, point);
      board.add({ id: note.id, groupId: note.groupId, rect: noteRect(point, geometry) });
    }
  }
  return positions;
}

/** Whether `point` is free for `note`: it covers no note, no other group's frame, and its own frame covers no stranger. */
function isFree(note: PlacementNote, point: Point, board: PlacedNotes): boolean {
  const g = board.geometry;
  const rect = grown(noteRect(point, g), g.stickyGap);
  if (board.hasNoteIn(rect)) return false;
  if (board.hasOtherFrameIn(rect, note.groupId)) return false;
  if (note.groupId === undefined) return true;
  const taken = noteRect(point, g);
  // The frames first: a few dozen comparisons, where the notes under a far-grown frame are many cells.
  if (board.hasOtherFrameIn(board.frameOf(note.groupId, taken)!, note.groupId)) return false;
  return !board.frameWouldCover(note.groupId, taken);
}

function placeOne(note: PlacementNote, region: Rect, board: PlacedNotes): Point {
  if (note.x !== undefined && note.y !== undefined) {
    const dropped = { x: note.x, y: note.y };
    return isFree(note, dropped, board) ? dropped : nearestFree(note, dropped, region, board);
  }
  if (note.groupId !== undefined) {
    const first = board.firstOf(note.groupId);
    // Beside its group: start from the group's first note, so the block grows right, then down.
    if (first) return besideGroup(note, note.groupId, first.rect, region, board);
  }
  return firstFree(note, region, board);
}

/**
 * nearestFree from the group's first note, downwards. The slots tried are the same for every note of the group,
 * and a slot found taken stays taken, so each search starts where the group's last one ended, as firstFree does.
 */
function besideGroup(note: PlacementNote, groupId: string, first: Rect, region: Rect, board: PlacedNotes): Point {
  let byGroup = board.besides.get(region);
  if (!byGroup) board.besides.set(region, (byGroup = new Map()));
  let search = byGroup.get(groupId);
  if (!search) {
    search = { candidates: candidatesNear({ x: first.x, y: first.y }, region, board.geometry, true), next: 0 };
    byGroup.set(groupId, search);
  }
  for (; search.next < search.candidates.length; search.next += 1) {
    const point = search.candidates[search.next]!;
    if (isFree(note, point, board)) return point;
  }
  return firstFree(note, region, board);
}

/** Slot columns of a region: as many notes as fit its width side by side (at least one). */
function columnsOf(region: Rect, g: NoteGeometry): number {
  return Math.max(1, Math.floor((region.width + g.stickyGap) / (g.stickyWidth + g.stickyGap)));
}

/**
 * The first free slot of the region's grid, in reading order; a new group leaves room above for its label.
 * Whether a slot is free for a given group (or for ungrouped notes) only ever goes from yes to no as notes are
 * placed (notes and frames only grow), so each search starts where the last one of its kind ended.
 */
function firstFree(note: PlacementNote, region: Rect, board: PlacedNotes): Point {
  const g = board.geometry;
  const columns = columnsOf(region, g);
  const top = region.y + (note.groupId === undefined ? 0 : g.framePadding + g.frameHeader);
  const cursors = board.cursors.get(region) ?? new Map<string, number>();
  board.cursors.set(region, cursors);
  const key = `${top}|${note.groupId ?? ''}`;
  const limit = note.groupId === undefined ? Infinity : MAX_ROWS * columns;
  for (let slot = cursors.get(key) ?? 0; slot < limit; slot += 1) {
    const point = {
      x: region.x + (slot % columns) * (g.stickyWidth + g.stickyGap),
      y: top + Math.floor(slot / columns) * (g.stickyHeight + g.stickyGap),
    };
    if (isFree(note, point, board)) {
      cursors.set(key, slot);
      return point;
    }
  }
  cursors.set(key, limit);
  // A group spread far apart (its notes dropped in several places) cannot keep its frame clear: keep the note itself clear.
  return firstFree({ ...note, groupId: undefined }, region, board);
}

/** The free point nearest `from` (see candidatesNear); the region's first free slot when the neighbourhood is full. */
function nearestFree(note: PlacementNote, from: Point, region: Rect, board: PlacedNotes): Point {
  for (const point of candidatesNear(from, region, board.geometry, false)) if (isFree(note, point, board)) return point;
  return firstFree(note, region, board);
}

/**
 * Points on a note-sized grid through `from`, inside the region's width, nearest first; ties go up, then left.
 * `isDownOnly` keeps to `from`'s row and below (a group grows right, then down).
 */
function candidatesNear(from: Point, region: Rect, g: NoteGeometry, isDownOnly: boolean): Point[] {
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
  return candidates.sort(
    isDownOnly
      ? (a, b) => outside(a) - outside(b) || a.y - b.y || Math.abs(a.x - from.x) - Math.abs(b.x - from.x) || b.x - a.x
      : (a, b) => dist(a, from) - dist(b, from) || a.y - b.y || a.x - b.x,
  );
}

function dist(a: Point, b: Point): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
