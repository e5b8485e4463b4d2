// The app's router: the start page at /, a board at /b/:boardId, and a plain not-found page otherwise.
import { lazy, Suspense } from 'react';
import { parseRoute } from './route.ts';

// Each page is its own chunk: a phone opening a board never downloads the start page's board management.
const BoardPage = lazy(() => import('../board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
const StartPage = lazy(() => import('../start/StartPage.tsx').then((m) => ({ default: m.StartPage })));
const loading = (
  <main className="page narrow">
    <p role="status">Loading…</p>
  </main>
);

export function App({ pathname }: { pathname: string }) {
  const route = parseRoute(pathname);
  switch (route.page) {
    case 'start':
      return (
        <Suspense fallback={loading}>
          <StartPage storage={window.localStorage} />
        </Suspense>
      );
    case 'board':
      // Keyed by board so moving between boards starts from a clean state.
      return (
        <Suspense fallback={loading}>
          <BoardPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      );
    case 'notFound':
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p>
            <a href="/">Go to the start page</a>
          </p>
        </main>
      );
  }
}
