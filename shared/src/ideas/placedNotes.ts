// The notes placed so far on a board being laid out, indexed by grid cell, with each group's frame: placement.ts's state.
import { overlaps, type NoteGeometry, type Point, type Rect } from './geometry.ts';
import { frameOfBounds } from './groupFrames.ts';

export interface Placed {
  id: string;
  groupId: string | undefined;
  rect: Rect;
}

export function noteRect(point: Point, g: NoteGeometry): Rect {
  return { x: point.x, y: point.y, width: g.stickyWidth, height: g.stickyHeight };
}

/** The rectangle grown by `margin` on every side: neighbours closer than that count as touching. */
export function grown(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** Grid cell size of the index, about one note: a query touches a handful of cells. */
const CELL = 128;
/** Cells per grid row in a cell's numeric key; boards are far smaller than 2^20 cells across. */
const ROW = 2 ** 21;

/** A cell's key as one number (a string key would be built for every cell of every query). */
function cellKey(cx: number, cy: number): number {
  return cy * ROW + cx;
}

interface Group {
  first: Placed;
  /** Bounds of the group's notes. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The frame around them, kept up to date as notes join. */
  frame: Rect;
  /**
   * Whether the frame covers no note of another group: undefined until asked. Once false it stays false (frames
   * only grow and notes never leave), and a note of another group placed over the frame makes it false.
   */
  isClear: boolean | undefined;
}

/**
 * The notes placed so far, with a grid index of their rectangles and each group's frame kept as notes join it, so
 * checking a slot costs what is near it instead of the whole board (a 20,000-note board took minutes before).
 */
export class PlacedNotes {
  private readonly cells = new Map<number, Placed[]>();
  private readonly count = { notes: 0 };
  /** Per group: its first placed note, the bounds of its notes' rectangles and its frame. */
  private readonly groups = new Map<string, Group>();
  /** The groups again, as an array walked by hasOtherFrameIn (a Map's iterator allocates). */
  private readonly groupList: { id: string; group: Group }[] = [];
  /** Per region, slot grid top and group: the first slot not yet found taken (slots only ever fill up). */
  readonly cursors = new Map<Rect, Map<string, number>>();
  /** Per region and group: the slots beside the group's first note, in the order tried, and the first not found taken. */
  readonly besides = new Map<Rect, Map<string, { candidates: Point[]; next: number }>>();

  constructor(readonly geometry: NoteGeometry) {}

  add(placed: Placed): void {
    const { x, y, width, height } = placed.rect;
    const right = Math.floor((x + width) / CELL);
    const bottom = Math.floor((y + height) / CELL);
    for (let cy = Math.floor(y / CELL); cy <= bottom; cy += 1) {
      for (let cx = Math.floor(x / CELL); cx <= right; cx += 1) {
        const key = cellKey(cx, cy);
        const cell = this.cells.get(key);
        if (cell) cell.push(placed);
        else this.cells.set(key, [placed]);
      }
    }
    this.count.notes += 1;
    for (const { id, group } of this.groupList)
      if (id !== placed.groupId && group.isClear && overlaps(placed.rect, group.frame)) group.isClear = false;
    if (placed.groupId === undefined) return;
    const group = this.groups.get(placed.groupId);
    if (!group) {
      const bounds = { left: x, top: y, right: x + width, bottom: y + height };
      const created = { first: placed, ...bounds, frame: this.frameAround(bounds), isClear: undefined };
      this.groups.set(placed.groupId, created);
      this.groupList.push({ id: placed.groupId, group: created });
      return;
    }
    group.left = Math.min(group.left, x);
    group.top = Math.min(group.top, y);
    group.right = Math.max(group.right, x + width);
    group.bottom = Math.max(group.bottom, y + height);
    group.frame = this.frameAround(group);
    if (group.isClear) group.isClear = undefined;
  }

  /** The first placed note of a group. */
  firstOf(groupId: string): Placed | undefined {
    return this.groups.get(groupId)?.first;
  }

  /** A group's frame around its notes and `extra` (a note it may take), the frame groupFrames.ts draws. */
  frameOf(groupId: string, extra?: Rect): Rect | undefined {
    const group = this.groups.get(groupId);
    if (!extra) return group?.frame;
    return this.frameAround({
      left: Math.min(group?.left ?? Infinity, extra.x),
      top: Math.min(group?.top ?? Infinity, extra.y),
      right: Math.max(group?.right ?? -Infinity, extra.x + extra.width),
      bottom: Math.max(group?.bottom ?? -Infinity, extra.y + extra.height),
    });
  }

  private frameAround(b: { left: number; top: number; right: number; bottom: number }): Rect {
    return frameOfBounds({ x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top }, this.geometry);
  }

  /** Whether a placed note outside `exceptGroup` (every note when undefined) overlaps `rect`. */
  hasNoteIn(rect: Rect, exceptGroup?: string): boolean {
    const left = Math.floor(rect.x / CELL);
    const right = Math.floor((rect.x + rect.width) / CELL);
    const top = Math.floor(rect.y / CELL);
    const bottom = Math.floor((rect.y + rect.height) / CELL);
    // A frame spread over a huge area: cheaper to look at every note than at every cell.
    if ((right - left + 1) * (bottom - top + 1) > this.count.notes) {
      for (const cell of this.cells.values()) if (hasStrangerIn(cell, rect, exceptGroup)) return true;
      return false;
    }
    for (let cy = top; cy <= bottom; cy += 1) {
      for (let cx = left; cx <= right; cx += 1) {
        const cell = this.cells.get(cellKey(cx, cy));
        if (cell && hasStrangerIn(cell, rect, exceptGroup)) return true;
      }
    }
    return false;
  }

  /**
   * Whether the group's frame, grown to take `extra`, would cover a note of another group: hasNoteIn(frameOf(groupId,
   * extra), groupId), answered from the cells the frame gains when its current frame is known clear (a note that
   * overlaps the grown frame but not the clear one overlaps what it gains, so it is indexed in one of those cells).
   */
  frameWouldCover(groupId: string, extra: Rect): boolean {
    const frame = this.frameOf(groupId, extra)!;
    const group = this.groups.get(groupId);
    if (!group) return this.hasNoteIn(frame, groupId);
    group.isClear ??= !this.hasNoteIn(group.frame, groupId);
    if (!group.isClear) return true;
    const left = Math.floor(frame.x / CELL);
    const right = Math.floor((frame.x + frame.width) / CELL);
    const top = Math.floor(frame.y / CELL);
    const bottom = Math.floor((frame.y + frame.height) / CELL);
    // The cells wholly inside the clear frame, which hold nothing new to find.
    const old = group.frame;
    const innerLeft = Math.ceil(old.x / CELL);
    const innerRight = Math.floor((old.x + old.width) / CELL) - 1;
    const innerTop = Math.ceil(old.y / CELL);
    const innerBottom = Math.floor((old.y + old.height) / CELL) - 1;
    for (let cy = top; cy <= bottom; cy += 1) {
      const isInnerRow = cy >= innerTop && cy <= innerBottom;
      for (let cx = left; cx <= right; cx += 1) {
        if (isInnerRow && cx === innerLeft && innerLeft <= innerRight) cx = innerRight + 1;
        if (cx > right) break;
        const cell = this.cells.get(cellKey(cx, cy));
        if (cell && hasStrangerIn(cell, frame, groupId)) return true;
      }
    }
    return false;
  }

  /** Whether the frame of a group other than `groupId` overlaps `rect`. */
  hasOtherFrameIn(rect: Rect, groupId: string | undefined): boolean {
    for (const { id, group } of this.groupList) if (id !== groupId && overlaps(rect, group.frame)) return true;
    return false;
  }
}

/** Whether a note of `cell` outside `exceptGroup` (every note when undefined) overlaps `rect`. */
function hasStrangerIn(cell: readonly Placed[], rect: Rect, exceptGroup: string | undefined): boolean {
  for (const p of cell)
    if ((exceptGroup === undefined || p.groupId !== exceptGroup) && overlaps(rect, p.rect)) return true;
  return false;
}
