// The board canvas: stations, notes and remote drags in react-konva, with pan (drag the background) and wheel zoom.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import type Konva from 'konva';
import type { Area } from '../../../shared/src/model/Area.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { RemoteDrag } from '../presence/awarenessState.ts';
import { GEOMETRY, layoutBoard, stationAt } from './layout.ts';
import { NoteSticky } from './NoteSticky.tsx';
import { RemoteDragLayer } from './RemoteDragLayer.tsx';
import { StationShape } from './StationShape.tsx';
import { fitView, useViewport } from './useViewport.ts';

export interface BoardCanvasProps {
  areas: Area[];
  notes: Note[];
  remoteDrags: RemoteDrag[];
  canMove: (note: Note) => boolean;
  /** Live position while dragging (board coordinates); null when the drag ends. */
  onDragging: (drag: { noteId: string; x: number; y: number } | null) => void;
  /** The drop: write the new position once. Returns false when the move was refused, so the note snaps back. */
  onMove: (noteId: string, to: { x: number; y: number; areaId: string }) => boolean;
}

function useElementSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    setSize({ width: element.clientWidth, height: element.clientHeight });
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function BoardCanvas({ areas, notes, remoteDrags, canMove, onDragging, onMove }: BoardCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const layout = useMemo(() => layoutBoard(areas, notes), [areas, notes]);
  const { view, setView, zoom } = useViewport();
  const notesById = useMemo(() => new Map(notes.map((note) => [note.id, note])), [notes]);
  const positions = useMemo(() => new Map(layout.notes.map((p) => [p.note.id, p])), [layout]);

  const fit = useCallback(() => setView(fitView(layout.width, layout.height, size.width, size.height)), [layout, size, setView]);
  // Fit once, when the stage first has a size and there is a board to show.
  const hasFitted = useRef(false);
  useEffect(() => {
    if (hasFitted.current || size.width === 0 || layout.width === 0) return;
    hasFitted.current = true;
    // Phones keep a readable scale and pan instead; anything wider sees all stations at once.
    if (size.width >= 700) fit();
  }, [size, layout, fit]);

  // Handlers read the latest layout through a ref, so their identity never changes and memoised notes skip re-renders.
  const latest = useRef({ layout, positions, onDragging, onMove });
  latest.current = { layout, positions, onDragging, onMove };
  const handleDragMove = useCallback(
    (noteId: string, x: number, y: number) => latest.current.onDragging({ noteId, x, y }),
    [],
  );
  const handleDragEnd = useCallback((noteId: string, node: Konva.Node) => {
    const current = latest.current;
    current.onDragging(null);
    const centerX = node.x() + GEOMETRY.stickyWidth / 2;
    const centerY = node.y() + GEOMETRY.stickyHeight / 2;
    const station = stationAt(current.layout.stations, centerX, centerY);
    const isMoved = station ? current.onMove(noteId, { x: node.x(), y: node.y(), areaId: station.area.id }) : false;
    if (!isMoved) {
      const before = current.positions.get(noteId);
      if (before) node.position({ x: before.x, y: before.y });
    }
  }, []);

  const onWheel = useCallback(
    (event: Konva.KonvaEventObject<WheelEvent>) => {
      event.evt.preventDefault();
      const stage = event.target.getStage();
      const pointer = stage?.getPointerPosition();
      if (!pointer) return;
      zoom(event.evt.deltaY < 0 ? 1.1 : 1 / 1.1, pointer.x, pointer.y);
    },
    [zoom],
  );

  const zoomCenter = (factor: number) => zoom(factor, size.width / 2, size.height / 2);

  return (
    <div className="canvas-wrap">
      <div className="canvas-tools" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomCenter(1.2)}>Zoom in</button>
        <button type="button" onClick={() => zoomCenter(1 / 1.2)}>Zoom out</button>
        <button type="button" onClick={fit}>Fit board</button>
      </div>
      <div ref={containerRef} className="canvas" aria-hidden="true">
        {size.width > 0 && (
          <Stage
            width={size.width}
            height={size.height}
            scaleX={view.scale}
            scaleY={view.scale}
            x={view.x}
            y={view.y}
            draggable
            onDragEnd={(event) => {
              // Only the stage's own drag pans; note drags bubble here too.
              if (event.target === event.target.getStage()) setView((v) => ({ ...v, x: event.target.x(), y: event.target.y() }));
            }}
            onWheel={onWheel}
          >
            <Layer listening={false}>
              {layout.stations.map((station, index) => (
                <StationShape key={station.area.id} station={station} number={index + 1} />
              ))}
            </Layer>
            <Layer>
              {layout.notes.map(({ note, x, y }) => (
                <NoteSticky
                  key={note.id}
                  note={note}
                  x={x}
                  y={y}
                  isDraggable={canMove(note)}
                  onDragMove={handleDragMove}
                  onDragEnd={handleDragEnd}
                />
              ))}
            </Layer>
            <RemoteDragLayer drags={remoteDrags} notesById={notesById} />
          </Stage>
        )}
      </div>
    </div>
  );
}
