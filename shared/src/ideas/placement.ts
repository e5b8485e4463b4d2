// Where every note of a station sits so that none covers another or hides in a group it is not in: one answer for all screens.
import { overlaps, type NoteGeometry, type Point, type Rect } from './geometry.ts';

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

function noteRect(point: Point, g: NoteGeometry): Rect {
  return { x: point.x, y: point.y, width: g.stickyWidth, height: g.stickyHeight };
}

/** The rectangle grown by `margin` on every side: neighbours closer than that count as touching. */
function grown(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** Grid cell size of the index, about one note: a query touches a handful of cells. */
const CELL = 128;

/**
 * The notes placed so far, with a grid index of their rectangles and each group's frame kept as notes join it, so
 * checking a slot costs what is near it instead of the whole board (a 20,000-note board took minutes before).
 */
class PlacedNotes {
  private readonly cells = new Map<string, Placed[]>();
  private readonly count = { notes: 0 };
  /** Per group: its first placed note and the bounds of its notes' rectangles. */
  private readonly groups = new Map<
    string,
    { first: Placed; left: number; top: number; right: number; bottom: number }
  >();
  /** Per region, slot grid top and group: the first slot not yet found taken (slots only ever fill up). */
  readonly cursors = new Map<Rect, Map<string, number>>();

  constructor(readonly geometry: NoteGeometry) {}

  add(placed: Placed): void {
    this.forCells(placed.rect, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(placed);
      else this.cells.set(key, [placed]);
    });
    this.count.notes += 1;
    if (placed.groupId === undefined) return;
    const { x, y, width, height } = placed.rect;
    const group = this.groups.get(placed.groupId);
    if (!group) {
      this.groups.set(placed.groupId, { first: placed, left: x, top: y, right: x + width, bottom: y + height });
      return;
    }
    group.left = Math.min(group.left, x);
    group.top = Math.min(group.top, y);
    group.right = Math.max(group.right, x + width);
    group.bottom = Math.max(group.bottom, y + height);
  }

  /** The first placed note of a group. */
  firstOf(groupId: string): Placed | undefined {
    return this.groups.get(groupId)?.first;
  }

  /** A group's frame around its notes and `extra` (a note it may take), computed as groupFrames.ts's frameAround. */
  frameOf(groupId: string, extra?: Rect): Rect | undefined {
    const group = this.groups.get(groupId);
    if (!group && !extra) return undefined;
    let left = group?.left ?? Infinity;
    let top = group?.top ?? Infinity;
    let right = group?.right ?? -Infinity;
    let bottom = group?.bottom ?? -Infinity;
    if (extra) {
      left = Math.min(left, extra.x);
      top = Math.min(top, extra.y);
      right = Math.max(right, extra.x + extra.width);
      bottom = Math.max(bottom, extra.y + extra.height);
    }
    const pad = this.geometry.framePadding;
    return {
      x: left - pad,
      y: top - pad - this.geometry.frameHeader,
      width: right - left + 2 * pad,
      height: bottom - top + 2 * pad + this.geometry.frameHeader,
    };
  }

  /** Whether a placed note outside `exceptGroup` (every note when undefined) overlaps `rect`. */
  hasNoteIn(rect: Rect, exceptGroup?: string): boolean {
    const isStranger = (p: Placed) => exceptGroup === undefined || p.groupId !== exceptGroup;
    const columns = Math.floor((rect.x + rect.width) / CELL) - Math.floor(rect.x / CELL) + 1;
    const rows = Math.floor((rect.y + rect.height) / CELL) - Math.floor(rect.y / CELL) + 1;
    // A frame spread over a huge area: cheaper to look at every note than at every cell.
    if (columns * rows > this.count.notes) {
      for (const cell of this.cells.values())
        if (cell.some((p) => isStranger(p) && overlaps(rect, p.rect))) return true;
      return false;
    }
    let isFound = false;
    this.forCells(rect, (key) => {
      isFound ||= this.cells.get(key)?.some((p) => isStranger(p) && overlaps(rect, p.rect)) ?? false;
    });
    return isFound;
  }

  /** Whether the frame of a group other than `groupId` overlaps `rect`. */
  hasOtherFrameIn(rect: Rect, groupId: string | undefined): boolean {
    for (const id of this.groups.keys()) if (id !== groupId && overlaps(rect, this.frameOf(id)!)) return true;
    return false;
  }

  private forCells(rect: Rect, visit: (key: string) => void): void {
    const right = Math.floor((rect.x + rect.width) / CELL);
    const bottom = Math.floor((rect.y + rect.height) / CELL);
    for (let cx = Math.floor(rect.x / CELL); cx <= right; cx += 1)
      for (let cy = Math.floor(rect.y / CELL); cy <= bottom; cy += 1) visit(`${cx},${cy}`);
  }
}

/** Whether `point` is free for `note`: it covers no note, no other group's frame, and its own frame covers no stranger. */
function isFree(note: PlacementNote, point: Point, board: PlacedNotes): boolean {
  const g = board.geometry;
  const rect = grown(noteRect(point, g), g.stickyGap);
  if (board.hasNoteIn(rect)) return false;
  if (board.hasOtherFrameIn(rect, note.groupId)) return false;
  if (note.groupId === undefined) return true;
  const frame = board.frameOf(note.groupId, noteRect(point, g))!;
  if (board.hasNoteIn(frame, note.groupId)) return false;
  return !board.hasOtherFrameIn(frame, note.groupId);
}

function placeOne(note: PlacementNote, region: Rect, board: PlacedNotes): Point {
  if (note.x !== undefined && note.y !== undefined) {
    const dropped = { x: note.x, y: note.y };
    return isFree(note, dropped, board) ? dropped : nearestFree(note, dropped, region, board);
  }
  if (note.groupId !== undefined) {
    const first = board.firstOf(note.groupId);
    // Beside its group: start from the group's first note, so the block grows right, then down.
    if (first) return nearestFree(note, { x: first.rect.x, y: first.rect.y }, region, board, true);
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

/**
 * The free point nearest `from` on a note-sized grid through it, inside the region's width; ties go up, then left.
 * `isDownOnly` keeps to `from`'s row and below (a group grows right, then down).
 * Falls back to the region's first free slot when the neighbourhood is full.
 */
function nearestFree(note: PlacementNote, from: Point, region: Rect, board: PlacedNotes, isDownOnly = false): Point {
  const g = board.geometry;
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
  for (const point of candidates) if (isFree(note, point, board)) return point;
  return firstFree(note, region, board);
}

function dist(a: Point, b: Point): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
