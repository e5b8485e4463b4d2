// Drag handling on the canvas: what a dropped note or frame means (move, group, leave, merge), and frame drags.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import type { Group } from '@shared/model/Group.ts';
import { contains } from '@shared/ideas/geometry.ts';
import { dropIntent, type DropIntent } from '@shared/ideas/dropIntent.ts';
import { groupFrames, type GroupFrame } from '@shared/ideas/groupFrames.ts';
import { placeBeside } from '@shared/ideas/placeBeside.ts';
import { GEOMETRY, NOTE_GEOMETRY, stationAt, type BoardLayout } from './layout.ts';

export type DropTo = { x: number; y: number; areaId: string };

export interface CanvasGroupingOptions {
  layout: BoardLayout;
  groups: readonly Group[];
  /** Whether this person may group now (the phase and role allow it). */
  canGroup: boolean;
  onDragging: (drag: { noteId: string; x: number; y: number } | null) => void;
  /** A plain move (no grouping meaning). Returns false when refused, so the note snaps back. */
  onMove: (noteId: string, to: DropTo) => boolean;
  /** A move with a grouping meaning. */
  onDrop?: ((noteId: string, to: DropTo, intent: DropIntent) => boolean) | undefined;
  /** A frame moved by (dx, dy), and merged into `intoGroupId` when dropped on another frame. */
  onMoveGroup?:
    ((groupId: string, delta: { dx: number; dy: number }, intoGroupId: string | undefined) => boolean) | undefined;
}

export type AreaFrame = GroupFrame & { areaId: string; label: string };

interface FrameDrag {
  groupId: string;
  dx: number;
  dy: number;
  /** Dropped: keep the offset until the new positions arrive (a new layout), so the notes do not flash back. */
  settledOn: BoardLayout | null;
}

const round = (value: number) => Math.round(value);

export function useCanvasGrouping({
  layout,
  groups,
  canGroup,
  onDragging,
  onMove,
  onDrop,
  onMoveGroup,
}: CanvasGroupingOptions) {
  const frames = useMemo<AreaFrame[]>(() => {
    const byId = new Map(groups.map((g) => [g.id, g]));
    const placed = layout.notes.map((p) => ({ id: p.note.id, groupId: p.note.groupId, x: p.x, y: p.y }));
    return groupFrames(
      groups.map((g) => g.id),
      placed,
      NOTE_GEOMETRY,
    ).map((frame) => ({
      ...frame,
      areaId: byId.get(frame.groupId)!.areaId,
      label: byId.get(frame.groupId)!.label,
    }));
  }, [layout, groups]);
  const [dragState, setFrameDrag] = useState<FrameDrag | null>(null);
  const frameDrag = dragState?.settledOn && dragState.settledOn !== layout ? null : dragState;
  const [target, setTarget] = useState<string | null>(null);

  const latest = useRef({ layout, frames, canGroup, onDragging, onMove, onDrop, onMoveGroup });
  useLayoutEffect(() => {
    latest.current = { layout, frames, canGroup, onDragging, onMove, onDrop, onMoveGroup };
  });

  /** The grouping meaning of a note dropped with its top-left corner at (x, y), and the station it lands in. */
  const intentAt = useCallback((noteId: string, x: number, y: number) => {
    const { layout: current, frames: currentFrames, canGroup: isGrouping } = latest.current;
    const placed = current.notes.find((p) => p.note.id === noteId);
    const station = stationAt(current.stations, x + GEOMETRY.stickyWidth / 2, y + GEOMETRY.stickyHeight / 2);
    if (!placed || !station) return { station, intent: null };
    if (!isGrouping) return { station, intent: { kind: 'move' } as DropIntent };
    const sameArea = station.area.id === placed.note.areaId;
    const note = {
      id: noteId,
      areaId: station.area.id,
      x: placed.x,
      y: placed.y,
      groupId: sameArea ? placed.note.groupId : undefined,
    };
    const notes = current.notes.map((p) => ({
      id: p.note.id,
      areaId: p.note.areaId,
      groupId: p.note.groupId,
      x: p.x,
      y: p.y,
    }));
    return {
      station,
      intent: dropIntent({ note, at: { x, y }, notes, frames: currentFrames, geometry: NOTE_GEOMETRY }),
    };
  }, []);

  const handleNoteDragMove = useCallback(
    (noteId: string, x: number, y: number) => {
      latest.current.onDragging({ noteId, x, y });
      const { intent } = intentAt(noteId, x, y);
      const next =
        intent?.kind === 'joinGroup'
          ? intent.groupId
          : intent?.kind === 'joinNote'
            ? (intent.targetGroupId ?? `note:${intent.targetId}`)
            : null;
      setTarget((current) => (current === next ? current : next));
    },
    [intentAt],
  );

  const handleNoteDragEnd = useCallback(
    (noteId: string, node: Konva.Node) => {
      const current = latest.current;
      current.onDragging(null);
      setTarget(null);
      const { station, intent } = intentAt(noteId, node.x(), node.y());
      const before = current.layout.notes.find((p) => p.note.id === noteId);
      let isMoved = false;
      let written = { x: node.x(), y: node.y() };
      if (station && intent) {
        let to: DropTo = { x: round(node.x()), y: round(node.y()), areaId: station.area.id };
        if ((intent.kind === 'joinNote' || intent.kind === 'joinGroup') && current.onDrop) {
          const groupId = intent.kind === 'joinGroup' ? intent.groupId : intent.targetGroupId;
          const members = current.layout.notes.filter(
            (p) =>
              p.note.id !== noteId &&
              (groupId !== undefined
                ? p.note.groupId === groupId
                : intent.kind === 'joinNote' && p.note.id === intent.targetId),
          );
          const occupied = current.layout.notes.filter(
            (p) => p.note.id !== noteId && p.note.areaId === station.area.id,
          );
          const within = {
            x: station.x,
            y: station.y + GEOMETRY.headerHeight,
            width: station.width,
            height: station.height - GEOMETRY.headerHeight,
          };
          // Beside the group rather than on top of a note: grouped notes stay readable without a tidy.
          const spot = placeBeside(members, occupied, within, NOTE_GEOMETRY, to);
          to = { ...to, x: round(spot.x), y: round(spot.y) };
          isMoved = current.onDrop(noteId, to, intent);
        } else if (intent.kind === 'leaveGroup' && current.onDrop) {
          isMoved = current.onDrop(noteId, to, intent);
        } else {
          isMoved = current.onMove(noteId, to);
        }
        written = to;
      }
      // Put the node where the note was written (or back): when that equals its old props, React would not.
      if (isMoved) node.position({ x: written.x, y: written.y });
      else if (before) node.position({ x: before.x, y: before.y });
    },
    [intentAt],
  );

  const frameTargetAt = useCallback((groupId: string, node: Konva.Node) => {
    const frame = latest.current.frames.find((f) => f.groupId === groupId);
    const pointer = node.getLayer()?.getRelativePointerPosition();
    if (!frame || !pointer) return undefined;
    return latest.current.frames.find((f) => f.groupId !== groupId && f.areaId === frame.areaId && contains(f, pointer))
      ?.groupId;
  }, []);

  const handleFrameDragMove = useCallback(
    (groupId: string, node: Konva.Node) => {
      const frame = latest.current.frames.find((f) => f.groupId === groupId);
      if (!frame) return;
      setFrameDrag({ groupId, dx: node.x() - frame.x, dy: node.y() - frame.y, settledOn: null });
      const into = frameTargetAt(groupId, node) ?? null;
      setTarget((current) => (current === into ? current : into));
    },
    [frameTargetAt],
  );

  const handleFrameDragEnd = useCallback(
    (groupId: string, node: Konva.Node) => {
      const current = latest.current;
      setTarget(null);
      const frame = current.frames.find((f) => f.groupId === groupId);
      if (!frame || !current.onMoveGroup) return;
      const dx = round(node.x() - frame.x);
      const dy = round(node.y() - frame.y);
      const into = frameTargetAt(groupId, node);
      // A frame stays in its station: moving it elsewhere would take its notes out of the group.
      const station = stationAt(
        current.layout.stations,
        node.x() + frame.width / 2,
        node.y() + GEOMETRY.frameHeader / 2,
      );
      const isMoved = station?.area.id === frame.areaId && current.onMoveGroup(groupId, { dx, dy }, into);
      if (isMoved) {
        setFrameDrag({ groupId, dx, dy, settledOn: current.layout });
      } else {
        node.position({ x: frame.x, y: frame.y });
        setFrameDrag(null);
      }
    },
    [frameTargetAt],
  );

  /** Where a note is drawn now: its place, shifted while its frame is dragged. */
  const offsetOf = useCallback(
    (groupId: string | undefined) =>
      frameDrag && groupId === frameDrag.groupId ? { dx: frameDrag.dx, dy: frameDrag.dy } : null,
    [frameDrag],
  );

  return { frames, target, offsetOf, handleNoteDragMove, handleNoteDragEnd, handleFrameDragMove, handleFrameDragEnd };
}
