// One connected board for every view below it: the connection, the board as records and who this browser is.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import type { Identity } from '../app/storage.ts';
import type { PeerUser } from '../presence/awarenessState.ts';
import { useLocalUser } from '../presence/usePresence.ts';
import type { BoardConnection, ConnectionSnapshot } from '../sync/BoardConnection.ts';
import { useBoard } from '../sync/useBoard.ts';
import { useConnectionSnapshot } from '../sync/useBoardConnection.ts';

export interface BoardContextValue {
  boardId: string;
  connection: BoardConnection;
  snapshot: ConnectionSnapshot;
  doc: Y.Doc;
  board: Board;
  identity: Identity;
  /** Who this browser is, as awareness and the shared ops need it. */
  self: PeerUser;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export interface BoardProviderProps {
  boardId: string;
  connection: BoardConnection;
  identity: Identity;
  children: ReactNode;
}

/** Reads the board once for the page and announces this person in awareness, so "Here now" is right on every view. */
export function BoardProvider({ boardId, connection, identity, children }: BoardProviderProps) {
  const snapshot = useConnectionSnapshot(connection);
  const board = useBoard(snapshot.doc);
  const self: PeerUser = useMemo(
    () => ({ participantId: identity.participantId, name: identity.name, role: identity.role }),
    [identity.participantId, identity.name, identity.role],
  );
  useLocalUser(snapshot.provider.awareness, self);
  const value = useMemo(
    () => ({ boardId, connection, snapshot, doc: snapshot.doc, board, identity, self }),
    [boardId, connection, snapshot, board, identity, self],
  );
  return <BoardContext.Provider value={value}>{children}</BoardContext.Provider>;
}

/** The connected board; only inside a BoardProvider (a view outside one is a programming error). */
export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext needs a BoardProvider above it.');
  return value;
}
