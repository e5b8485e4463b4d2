// The board's header for the canvas and list views: title, phase, who you are, and the connection state.
import type { ReactNode } from 'react';
import type { Board } from '../../../shared/src/doc/readBoard.ts';
import type { Identity } from '../app/storage.ts';
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx';
import type { BoardConnection, ConnectionSnapshot } from '../sync/BoardConnection.ts';

/** The board's title; until the first sync there is none to show yet, which is not the same as having none. */
export function boardTitle(board: Board, isSynced: boolean): string {
  return board.meta?.title ?? (isSynced ? 'Untitled board' : 'Loading board…');
}

export interface BoardHeaderProps {
  board: Board;
  snapshot: ConnectionSnapshot;
  connection: BoardConnection;
  identity: Identity;
  /** The phase, in the words this view uses. */
  phase: ReactNode;
}

export function BoardHeader({ board, snapshot, connection, identity, phase }: BoardHeaderProps) {
  return (
    <header className="board-header">
      <div className="board-title">
        <h1 dir="auto">{boardTitle(board, snapshot.isSynced)}</h1>
        <p className="phase">
          Phase: <strong>{phase}</strong>
          {' · '}You are <span dir="auto">{identity.name}</span> ({identity.role})
        </p>
      </div>
      <ConnectionStatus status={snapshot.status} notice={snapshot.notice} onDismiss={() => connection.dismissNotice()} />
    </header>
  );
}
