// React binding of BoardConnection: one connection per (board, token), its snapshot as state.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BoardConnection, type ConnectionSnapshot } from './BoardConnection.ts';
import { wsBaseFor } from './earlySocket.ts';

/** Waits at most this long for a paint (a hidden tab paints nothing). */
const PAINT_WAIT_MS = 1000;

/** Runs `fn` once, in the task after the next frame, or after PAINT_WAIT_MS if no frame comes. */
function afterPaint(fn: () => void): void {
  let hasRun = false;
  const run = () => {
    if (hasRun) return;
    hasRun = true;
    fn();
  };
  window.requestAnimationFrame(() => window.setTimeout(run, 0));
  window.setTimeout(run, PAINT_WAIT_MS);
}

/** Opens the board's connection while mounted; null until it exists. */
export function useBoardConnection(boardId: string, token: string, participantId: string): BoardConnection | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const created = new BoardConnection({
      wsBase: wsBaseFor(window.location),
      boardId,
      token,
      offlineKey: `${boardId}:${participantId}`,
      defer: (fn) => window.setTimeout(fn, 0),
      afterPaint,
    });
    // The connection lives exactly as long as this effect (StrictMode mounts twice): state, not a ref, so the
    // views re-render with it.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- publishing the resource this effect owns
    setConnection(created);
    return () => {
      created.destroy();
      setConnection((current) => (current === created ? null : current));
    };
  }, [boardId, token, participantId]);
  return connection;
}

export function useConnectionSnapshot(connection: BoardConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
