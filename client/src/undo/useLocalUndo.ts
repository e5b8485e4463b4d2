// Undo and redo of this person's own changes on one board doc, offered only when the guard would accept them.
import { useCallback, useEffect, useReducer, useState } from 'react';
import type * as Y from 'yjs';
import { createLocalUndo, nextEffects } from '@shared/ideas/localUndo.ts';
import { useBoardState, useCapabilities } from '../board/boardHooks.ts';

export interface LocalUndo {
  /** Why undo is not offered now, or null when it is. */
  undoBlocked: string | null;
  redoBlocked: string | null;
  undo: () => void;
  redo: () => void;
}

/**
 * One UndoManager per doc (a refused update reloads the board into a new doc, which starts a fresh history).
 * The history is cleared when the phase changes: what was yours to change in one phase (moving someone's note
 * while grouping) may not be in the next, and the server would refuse it.
 */
export function useLocalUndo(doc: Y.Doc): LocalUndo {
  const { phase } = useBoardState().board.session;
  const can = useCapabilities();
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const created = createLocalUndo(doc);
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) created.on(event, changed);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- publishing the UndoManager this effect owns
    setManager(created);
    return () => {
      created.destroy();
      setManager((current) => (current === created ? null : current));
    };
  }, [doc]);
  useEffect(() => {
    manager?.clear();
  }, [manager, phase]);

  const undoBlocked = manager
    ? can.refusal({ kind: 'undo', effects: nextEffects(manager, 'undo') })
    : 'Nothing to undo.';
  const redoBlocked = manager
    ? manager.redoStack.length === 0
      ? 'Nothing to redo.'
      : can.refusal({ kind: 'undo', effects: nextEffects(manager, 'redo') })
    : 'Nothing to redo.';
  const undo = useCallback(() => {
    if (manager && undoBlocked === null) manager.undo();
  }, [manager, undoBlocked]);
  const redo = useCallback(() => {
    if (manager && redoBlocked === null) manager.redo();
  }, [manager, redoBlocked]);
  return { undoBlocked, redoBlocked, undo, redo };
}
