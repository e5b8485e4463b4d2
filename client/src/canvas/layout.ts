// Pure board geometry: stations in a grid, notes at their stored position or auto-flowed in their station.
import type { Area } from '../../../shared/src/model/Area.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { NoteGeometry } from '../../../shared/src/ideas/geometry.ts';

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

const perRow = Math.max(
  1,
  Math.floor((GEOMETRY.stationWidth - 2 * GEOMETRY.padding + GEOMETRY.stickyGap) / (GEOMETRY.stickyWidth + GEOMETRY.stickyGap)),
);

/** Where the i-th auto-placed note of a station goes, relative to the station's top-left corner. */
export function flowOffset(index: number): { x: number; y: number } {
  const column = index % perRow;
  const row = Math.floor(index / perRow);
  return {
    x: GEOMETRY.padding + column * (GEOMETRY.stickyWidth + GEOMETRY.stickyGap),
    y: GEOMETRY.headerHeight + row * (GEOMETRY.stickyHeight + GEOMETRY.stickyGap),
  };
}

/**
 * Lays out the given areas (in order) and their notes. Notes with x/y stay where they were dropped; the others
 * flow in their station in the order given (readBoard sorts by createdAt), so every client places them alike.
 */
export function layoutBoard(areas: readonly Area[], notes: readonly Note[]): BoardLayout {
  const autoCount = new Map<string, number>();
  for (const note of notes) {
    if (note.x === undefined || note.y === undefined) autoCount.set(note.areaId, (autoCount.get(note.areaId) ?? 0) + 1);
  }
  // The lowest dropped (or tidied) note of each station, so the station grows to hold it.
  const lowest = new Map<string, number>();
  for (const note of notes) {
    if (note.y === undefined || note.x === undefined) continue;
    lowest.set(note.areaId, Math.max(lowest.get(note.areaId) ?? -Infinity, note.y + GEOMETRY.stickyHeight));
  }
  const heightOf = (area: Area, top: number) => {
    const count = autoCount.get(area.id) ?? 0;
    const rows = Math.ceil(count / perRow);
    const needed = GEOMETRY.headerHeight + rows * (GEOMETRY.stickyHeight + GEOMETRY.stickyGap) + GEOMETRY.padding;
    const placed = (lowest.get(area.id) ?? -Infinity) - top + GEOMETRY.padding;
    return Math.max(GEOMETRY.stationMinHeight, needed, placed);
  };
  const stations: StationBox[] = [];
  let rowTop = 0;
  for (let start = 0; start < areas.length; start += GEOMETRY.columns) {
    const row = areas.slice(start, start + GEOMETRY.columns);
    // A row is as tall as its tallest station, so rows below never overlap a growing station.
    const rowHeight = Math.max(...row.map((area) => heightOf(area, rowTop)));
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
  const byArea = new Map(stations.map((station) => [station.area.id, station]));
  const flowIndex = new Map<string, number>();
  const placed: PlacedNote[] = [];
  for (const note of notes) {
    const station = byArea.get(note.areaId);
    if (!station) continue;
    if (note.x !== undefined && note.y !== undefined) {
      placed.push({ note, x: note.x, y: note.y });
      continue;
    }
    const index = flowIndex.get(note.areaId) ?? 0;
    flowIndex.set(note.areaId, index + 1);
    const offset = flowOffset(index);
    placed.push({ note, x: station.x + offset.x, y: station.y + offset.y });
  }
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
