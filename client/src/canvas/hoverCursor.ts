// The mouse cursor over a draggable canvas shape: shown on enter while it may be dragged, cleared on leave.
import type Konva from 'konva';

type MouseHandler = (event: Konva.KonvaEventObject<MouseEvent>) => void;

/** Handlers to spread on a Konva shape; `cursor` is the CSS cursor while `isDraggable`. */
export function hoverCursor(
  cursor: string,
  isDraggable: boolean,
): { onMouseEnter: MouseHandler; onMouseLeave: MouseHandler } {
  return {
    onMouseEnter: (event) => {
      const stage = event.target.getStage();
      if (stage && isDraggable) stage.container().style.cursor = cursor;
    },
    onMouseLeave: (event) => {
      const stage = event.target.getStage();
      if (stage) stage.container().style.cursor = '';
    },
  };
}
