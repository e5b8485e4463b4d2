// The page at /b/:boardId: settles who this browser is, then opens the board's connection.
import { lazy, Suspense, useEffect } from 'react';
import { JoinForm } from './JoinForm.tsx';
import { useIdentity } from './useIdentity.ts';

// The connected board (Yjs, the provider, the views) is its own chunk, fetched as soon as the page first draws:
// beside the identity check for someone who returns, while a newcomer types their name into the join form.
const loadConnectedBoard = () => import('../app/ConnectedBoard.tsx');
const ConnectedBoard = lazy(() => loadConnectedBoard().then((m) => ({ default: m.ConnectedBoard })));
const connecting = (
  <main className="page narrow">
    <p role="status">Connecting…</p>
  </main>
);

export function BoardPage({ boardId }: { boardId: string }) {
  const { state, join, invalidate } = useIdentity(boardId, window.localStorage);
  useEffect(() => {
    // A failed fetch shows through the Suspense boundary (app/LoadFailureBoundary.tsx) when the board is opened.
    loadConnectedBoard().catch(() => undefined);
  }, []);
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
      return (
        <Suspense fallback={connecting}>
          <ConnectedBoard boardId={boardId} identity={state.identity} onIdentityInvalid={invalidate} />
        </Suspense>
      );
  }
}
