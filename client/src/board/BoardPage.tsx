// The page at /b/:boardId: settles who this browser is, then opens the board's connection.
import { useModule } from '../app/useModule.ts';
import { connectedBoardModule } from '../app/connectedBoardModule.ts';
import { JoinForm } from './JoinForm.tsx';
import { useIdentity } from './useIdentity.ts';

const connecting = (
  <main className="page narrow">
    <p role="status">Connecting…</p>
  </main>
);

export function BoardPage({ boardId }: { boardId: string }) {
  const { state, join, invalidate } = useIdentity(boardId, window.localStorage);
  // A failed fetch shows (app/LoadFailureBoundary.tsx) only once the board is opened, not over the join form.
  // The connected board (Yjs, the provider, the views) is its own chunk, fetched as soon as the page first draws (by
  // the entry, for a page that holds its token): beside the identity check for someone who returns, while a
  // newcomer types their name into the join form.
  const connected = useModule(connectedBoardModule, state.kind === 'ready');
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
      return connected ? (
        <connected.ConnectedBoard boardId={boardId} identity={state.identity} onIdentityInvalid={invalidate} />
      ) : (
        connecting
      );
  }
}
