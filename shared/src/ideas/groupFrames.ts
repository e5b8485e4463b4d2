// Where each group's frame is drawn: around its notes' current positions, with room for the label above them.
import { boundsOf, type NoteGeometry, type Rect } from './geometry.ts';

export interface PlacedMember {
  id: string;
  groupId?: string;
  x: number;
  y: number;
}

export interface GroupFrame extends Rect {
  groupId: string;
  noteIds: string[];
}

/** The frame around the given note positions, or undefined when there are none. */
export function frameAround(positions: readonly { x: number; y: number }[], geometry: NoteGeometry): Rect | undefined {
  const bounds = boundsOf(
    positions.map((p) => ({ x: p.x, y: p.y, width: geometry.stickyWidth, height: geometry.stickyHeight })),
  );
  return bounds && frameOfBounds(bounds, geometry);
}

/** The frame around the bounds of a group's notes: padded, with room for the label above. */
export function frameOfBounds(bounds: Rect, geometry: NoteGeometry): Rect {
  const pad = geometry.framePadding;
  return {
    x: bounds.x - pad,
    y: bounds.y - pad - geometry.frameHeader,
    width: bounds.width + 2 * pad,
    height: bounds.height + 2 * pad + geometry.frameHeader,
  };
}

/**
 * One frame per group that has notes, in the order of `groupIds`; groups without notes get no frame
 * (they are listed, not drawn). `notes` are placed notes; a note's groupId must be one of `groupIds` to count.
 */
export function groupFrames(
  groupIds: readonly string[],
  notes: readonly PlacedMember[],
  geometry: NoteGeometry,
): GroupFrame[] {
  const members = new Map<string, PlacedMember[]>(groupIds.map((id) => [id, []]));
  for (const note of notes) if (note.groupId !== undefined) members.get(note.groupId)?.push(note);
  const frames: GroupFrame[] = [];
  for (const groupId of groupIds) {
    const inGroup = members.get(groupId) ?? [];
    const rect = frameAround(inGroup, geometry);
    if (rect) frames.push({ groupId, noteIds: inGroup.map((n) => n.id), ...rect });
  }
  return frames;
}
