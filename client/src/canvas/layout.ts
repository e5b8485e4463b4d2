// Pure board geometry: stations in a grid, every note in a free place of its station (shared placement).
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import type { NoteGeometry, Rect } from '@shared/ideas/geometry.ts';
import { placeNotes } from '@shared/ideas/placement.ts';

/** Sizes in board coordinates. Every client uses the same ones, so stored x/y mean the same place everywhere. */
export const GEOMETRY = {
  columns: 5,
  stationWidth: 320,
  stationGap: 24,
  headerHeight: 240,
  stationMinHeight: 720,
  padding: 14,
  stickyWidth: 139,
  stickyHeight: 112,
  stickyGap: 14,
  /** A group frame's margin around its notes, and its label strip above them. */
  framePadding: 6,
  frameHeader: 24,
} as const;

/** The sizes the shared grouping helpers (frames, drops, tidy layout) work with. */
export const NOTE_GEOMETRY: NoteGeometry = GEOMETRY;

export interface StationBox {
  area: Area;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNote {
  note: Note;
  x: number;
  y: number;
}

export interface BoardLayout {
  stations: StationBox[];
  notes: PlacedNote[];
  width: number;
  height: number;
}

/** The part of a station notes may use: below its header, inside its padding; it grows downwards. */
function noteRegion(x: number, y: number): Rect {
  return {
    x: x + GEOMETRY.padding,
    y: y + GEOMETRY.headerHeight,
    width: GEOMETRY.stationWidth - 2 * GEOMETRY.padding,
    height: 0,
  };
}

/**
 * Lays out the given areas (in order) and their notes, row of stations by row: shared/src/ideas/placement.ts puts
 * every note where it covers no other note and no group it is not in (dropped notes stay where they were dropped
 * when that place is free), and each row is as tall as its tallest station, so rows below never overlap it.
 */
export function layoutBoard(areas: readonly Area[], notes: readonly Note[]): BoardLayout {
  const stations: StationBox[] = [];
  const placed: PlacedNote[] = [];
  const byId = new Map(notes.map((note) => [note.id, note]));
  let rowTop = 0;
  for (let start = 0; start < areas.length; start += GEOMETRY.columns) {
    const row = areas.slice(start, start + GEOMETRY.columns);
    const regions = new Map(
      row.map((area, column) => [area.id, noteRegion(column * (GEOMETRY.stationWidth + GEOMETRY.stationGap), rowTop)]),
    );
    const positions = placeNotes(
      regions,
      notes.filter((note) => regions.has(note.areaId)),
      NOTE_GEOMETRY,
    );
    const lowest = new Map<string, number>();
    for (const [id, point] of positions) {
      const note = byId.get(id)!;
      placed.push({ note, x: point.x, y: point.y });
      lowest.set(note.areaId, Math.max(lowest.get(note.areaId) ?? -Infinity, point.y + GEOMETRY.stickyHeight));
    }
    const heightOf = (area: Area) =>
      Math.max(GEOMETRY.stationMinHeight, (lowest.get(area.id) ?? -Infinity) - rowTop + GEOMETRY.padding);
    const rowHeight = Math.max(...row.map(heightOf));
    row.forEach((area, column) => {
      stations.push({
        area,
        x: column * (GEOMETRY.stationWidth + GEOMETRY.stationGap),
        y: rowTop,
        width: GEOMETRY.stationWidth,
        height: rowHeight,
      });
    });
    rowTop += rowHeight + GEOMETRY.stationGap;
  }
  // Drawn in the board's order (by creation), whatever order they were placed in: every screen stacks them alike.
  const order = new Map(notes.map((note, index) => [note.id, index]));
  placed.sort((a, b) => order.get(a.note.id)! - order.get(b.note.id)!);
  const columns = Math.min(areas.length, GEOMETRY.columns);
  return {
    stations,
    notes: placed,
    width: Math.max(0, columns * (GEOMETRY.stationWidth + GEOMETRY.stationGap) - GEOMETRY.stationGap),
    height: Math.max(0, rowTop - GEOMETRY.stationGap),
  };
}

/** The station under a board point, if any. */
export function stationAt(stations: readonly StationBox[], x: number, y: number): StationBox | undefined {
  return stations.find((s) => x >= s.x && x <= s.x + s.width && y >= s.y && y <= s.y + s.height);
}
