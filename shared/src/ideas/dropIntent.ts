// What dropping a note means for grouping: join a note, join a group, leave its group, or just move. Pure geometry.
import { contains, type NoteGeometry, type Point } from './geometry.ts';
import { frameAround, type GroupFrame, type PlacedMember } from './groupFrames.ts';

export type DropIntent =
  /** Dropped onto another note: group the two (a new group, or the target's group). */
  | { kind: 'joinNote'; targetId: string; targetGroupId: string | undefined }
  /** Dropped onto a group's frame (not onto one of its notes). */
  | { kind: 'joinGroup'; groupId: string }
  /** Dragged out of its own group's frame. */
  | { kind: 'leaveGroup' }
  | { kind: 'move' };

export interface DropInput {
  /** The dragged note as it was before the drag. */
  note: PlacedMember & { areaId: string };
  /** Where the note's top-left corner is dropped. */
  at: Point;
  /** Notes of the board (the dragged one may be among them; it is ignored). */
  notes: readonly (PlacedMember & { areaId: string })[];
  /** Group frames, each with its area. */
  frames: readonly (GroupFrame & { areaId: string })[];
  geometry: NoteGeometry;
}

/**
 * Decides the grouping meaning of a drop, judged at the dropped note's centre: onto another note of the same
 * station (topmost first, i.e. last in `notes`), else onto a frame of the station, else out of its own group.
 * A note alone in its group keeps its group when moved (its frame follows it).
 */
export function dropIntent({ note, at, notes, frames, geometry }: DropInput): DropIntent {
  const center = { x: at.x + geometry.stickyWidth / 2, y: at.y + geometry.stickyHeight / 2 };
  for (let i = notes.length - 1; i >= 0; i -= 1) {
    const other = notes[i]!;
    if (other.id === note.id || other.areaId !== note.areaId) continue;
    if (contains({ x: other.x, y: other.y, width: geometry.stickyWidth, height: geometry.stickyHeight }, center)) {
      if (other.groupId !== undefined && other.groupId === note.groupId) return { kind: 'move' };
      return { kind: 'joinNote', targetId: other.id, targetGroupId: other.groupId };
    }
  }
  const siblings = notes.filter(
    (other) => other.id !== note.id && note.groupId !== undefined && other.groupId === note.groupId,
  );
  // The own frame is judged without the dragged note, which is no longer where it was.
  const ownFrame = frameAround(siblings, geometry);
  if (ownFrame && contains(ownFrame, center)) return { kind: 'move' };
  for (const frame of frames) {
    if (frame.areaId !== note.areaId || frame.groupId === note.groupId) continue;
    if (contains(frame, center)) return { kind: 'joinGroup', groupId: frame.groupId };
  }
  if (note.groupId !== undefined && siblings.length > 0) return { kind: 'leaveGroup' };
  return { kind: 'move' };
}
