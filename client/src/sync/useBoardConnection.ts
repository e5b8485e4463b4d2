// React binding of BoardConnection: one connection per (board, token), its snapshot as state.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BoardConnection, type ConnectionSnapshot } from './BoardConnection.ts';
import { wsBaseFor } from './earlySocket.ts';

/** Waits at most this long for an idle moment. */
const IDLE_WAIT_MS = 1000;

/** Runs `fn` when the page is next idle, or after IDLE_WAIT_MS if it stays busy (Safari has no idle callback). */
function whenIdle(fn: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: IDLE_WAIT_MS });
  else window.setTimeout(fn, IDLE_WAIT_MS);
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
      whenIdle,
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
