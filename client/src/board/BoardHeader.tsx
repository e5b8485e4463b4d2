// The board's header for the canvas and list views: title, phase, who you are, and the connection state.
import type { Board } from '@shared/doc/readBoard.ts';
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx';
import { useBoardState, useCurrentExercise, useIdentityContext } from './boardHooks.ts';

/** The board's title; until the first sync there is none to show yet, which is not the same as having none. */
export function boardTitle(board: Board, isSynced: boolean): string {
  return board.meta?.title ?? (isSynced ? 'Untitled board' : 'Loading board…');
}

export function BoardHeader() {
  const { board, snapshot, connection } = useBoardState();
  const { identity } = useIdentityContext();
  const { phase } = useCurrentExercise();
  return (
    <header className="board-header">
      <div className="board-title">
        <h1 dir="auto">{boardTitle(board, snapshot.isSynced)}</h1>
        <p className="phase">
          Phase: <strong>{phase}</strong>
          {' · '}You are <bdi>{identity.name}</bdi> ({identity.role})
        </p>
      </div>
      <ConnectionStatus
        status={snapshot.status}
        notice={snapshot.notice}
        onDismiss={() => connection.dismissNotice()}
      />
    </header>
  );
}
