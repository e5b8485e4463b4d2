// The page at /b/:boardId: settles who this browser is, then opens the board's connection.
import { lazy, Suspense, useEffect } from 'react';
import type { Identity } from '../app/storage.ts';
import { useBoardConnection, useConnectionSnapshot } from '../sync/useBoardConnection.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { BoardViews } from '../list/BoardViews.tsx';
import { ServerClockProvider } from '../session/ServerClockContext.tsx';
import { BoardProvider } from './BoardContext.tsx';
import { JoinForm } from './JoinForm.tsx';
import { useIdentity } from './useIdentity.ts';

// The canvas (Konva) loads only when the board view is shown: a phone posting notes never downloads it.
const BoardView = lazy(() => import('./BoardView.tsx').then((m) => ({ default: m.BoardView })));
const loadingCanvas = (
  <main className="page narrow">
    <p role="status">Loading the board…</p>
  </main>
);

export function BoardPage({ boardId }: { boardId: string }) {
  const { state, join, invalidate } = useIdentity(boardId, window.localStorage);
  switch (state.kind) {
    case 'checking':
      return (
        <main className="page narrow">
          <p role="status">Opening the board…</p>
        </main>
      );
    case 'blocked':
      return (
        <main className="page narrow">
          <h1>Cannot open this board</h1>
          <p className="banner banner-error" role="alert">
            {state.message}
          </p>
          <p>
            <a href="/">Go to the start page</a>
          </p>
        </main>
      );
    case 'join':
      return <JoinForm role={state.role} explanation={state.explanation} onJoin={join} />;
    case 'ready':
      return <ConnectedBoard boardId={boardId} identity={state.identity} onIdentityInvalid={invalidate} />;
  }
}

function ConnectedBoard(props: { boardId: string; identity: Identity; onIdentityInvalid: () => void }) {
  const connection = useBoardConnection(props.boardId, props.identity.token, props.identity.participantId);
  if (!connection)
    return (
      <main className="page narrow">
        <p role="status">Connecting…</p>
      </main>
    );
  return <WatchedBoard connection={connection} {...props} />;
}

/** Leaves the board for the join form when the server refuses our token (4401). */
function WatchedBoard(props: {
  boardId: string;
  connection: BoardConnection;
  identity: Identity;
  onIdentityInvalid: () => void;
}) {
  const { boardId, connection, identity, onIdentityInvalid } = props;
  const { isIdentityInvalid } = useConnectionSnapshot(connection);
  useEffect(() => {
    if (isIdentityInvalid) onIdentityInvalid();
  }, [isIdentityInvalid, onIdentityInvalid]);
  // One clock offset for the page: switching views keeps it, and every countdown and record time agrees.
  return (
    <ServerClockProvider>
      <BoardProvider boardId={boardId} connection={connection} identity={identity}>
        <BoardViews
          renderBoard={() => (
            <Suspense fallback={loadingCanvas}>
              <BoardView />
            </Suspense>
          )}
        />
      </BoardProvider>
    </ServerClockProvider>
  );
}
