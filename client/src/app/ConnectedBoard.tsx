// The board page once this browser knows who it is: opens the board's connection and shows its views. Its own chunk
// (with Yjs, the provider and every view's first screen): board/BoardPage.tsx loads it beside the identity check.
import { useEffect } from 'react';
import type { Identity } from './storage.ts';
import { useBoardConnection, useConnectionSnapshot } from '../sync/useBoardConnection.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { BoardViews } from '../list/BoardViews.tsx';
import { ServerClockProvider } from '../session/ServerClockContext.tsx';
import { BoardProvider } from '../board/BoardContext.tsx';
import { useModule } from './useModule.ts';
import { canvasModule } from '../board/canvasModule.ts';

const loadingCanvas = (
  <main className="page narrow">
    <p role="status">Loading the board…</p>
  </main>
);

export interface ConnectedBoardProps {
  boardId: string;
  identity: Identity;
  onIdentityInvalid: () => void;
}

export function ConnectedBoard(props: ConnectedBoardProps) {
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
function WatchedBoard(props: ConnectedBoardProps & { connection: BoardConnection }) {
  const { boardId, connection, identity, onIdentityInvalid } = props;
  const { isIdentityInvalid } = useConnectionSnapshot(connection);
  useEffect(() => {
    if (isIdentityInvalid) onIdentityInvalid();
  }, [isIdentityInvalid, onIdentityInvalid]);
  // One clock offset for the page: switching views keeps it, and every countdown and record time agrees.
  return (
    <ServerClockProvider>
      <BoardProvider boardId={boardId} connection={connection} identity={identity}>
        <BoardViews renderBoard={() => <CanvasView />} />
      </BoardProvider>
    </ServerClockProvider>
  );
}

function CanvasView() {
  const view = useModule(canvasModule);
  return view ? <view.BoardView /> : loadingCanvas;
}
