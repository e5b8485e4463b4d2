// The visible Undo and Redo buttons; disabled with the reason as a tooltip when there is nothing the guard would take.
import type { LocalUndo } from './useLocalUndo.ts';

export function UndoButtons({ history }: { history: LocalUndo }) {
  return (
    <span className="undo-buttons" role="group" aria-label="History">
      <button
        type="button"
        onClick={history.undo}
        disabled={history.undoBlocked !== null}
        title={history.undoBlocked ?? 'Undo your last change (Ctrl+Z)'}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={history.redo}
        disabled={history.redoBlocked !== null}
        title={history.redoBlocked ?? 'Redo (Ctrl+Shift+Z)'}
      >
        Redo
      </button>
    </span>
  );
}
