// Lays out one station's notes without overlaps: each group as a block of notes under its label, then the ungrouped.
import type { NoteGeometry, Point, Rect } from './geometry.ts';

export interface TidyNote {
  id: string;
  groupId?: string;
  /** Where the note is now: keeps the room's arrangement (top to bottom, left to right) in the tidy one. */
  x: number;
  y: number;
}

export interface TidyInput {
  /** The free part of the station: notes go from its top-left corner, as many per row as fit its width. */
  area: Rect;
  /** Group ids of this station (groups without notes take no room). */
  groupIds: readonly string[];
  notes: readonly TidyNote[];
  geometry: NoteGeometry;
}

export interface TidyResult {
  /** New top-left corner of every note, by id. */
  positions: Map<string, Point>;
  /** How far down the layout reaches (board y), to grow the station when needed. */
  bottom: number;
}

const byPlace = (a: TidyNote, b: TidyNote) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A tidy layout: groups first, ordered by where their topmost note is, each a block of notes under room for
 * its label; then ungrouped notes. Rows hold as many notes as fit `area.width` (at least one). Blocks never
 * overlap each other or other notes, and the result depends only on the input values, not their order.
 */
export function tidyLayout({ area, groupIds, notes, geometry }: TidyInput): TidyResult {
  const { stickyWidth: w, stickyHeight: h, stickyGap: gap, framePadding: pad, frameHeader: header } = geometry;
  const known = new Set(groupIds);
  const perRow = Math.max(1, Math.floor((area.width - 2 * pad + gap) / (w + gap)));
  const sorted = [...notes].sort(byPlace);
  const blocks = new Map<string, TidyNote[]>();
  const loose: TidyNote[] = [];
  for (const note of sorted) {
    if (note.groupId !== undefined && known.has(note.groupId)) {
      const block = blocks.get(note.groupId) ?? [];
      block.push(note);
      blocks.set(note.groupId, block);
    } else loose.push(note);
  }
  // Map iteration follows first insertion, i.e. each group's topmost (then leftmost) note: the room's order.
  const positions = new Map<string, Point>();
  let top = area.y;
  const place = (block: TidyNote[], left: number, firstRow: number) => {
    block.forEach((note, index) => {
      positions.set(note.id, {
        x: left + (index % perRow) * (w + gap),
        y: firstRow + Math.floor(index / perRow) * (h + gap),
      });
    });
    return firstRow + Math.ceil(block.length / perRow) * (h + gap) - gap;
  };
  for (const block of blocks.values()) {
    const last = place(block, area.x + pad, top + pad + header);
    top = last + pad + gap;
  }
  const bottom = loose.length > 0 ? place(loose, area.x + pad, top) : top - gap;
  return { positions, bottom };
}
