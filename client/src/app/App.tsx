// The app's router: the start page at /, a board at /b/:boardId, and a plain not-found page otherwise.
import { parseRoute } from './route.ts';
import { lazyModule, useModule } from './useModule.ts';

// Each page is its own chunk: a phone opening a board never downloads the start page's board management.
const boardPage = lazyModule('the board page', () => import('../board/BoardPage.tsx'));
const startPage = lazyModule('the start page', () => import('../start/StartPage.tsx'));
const loading = (
  <main className="page narrow">
    <p role="status">Loading…</p>
  </main>
);

export function App({ pathname }: { pathname: string }) {
  const route = parseRoute(pathname);
  switch (route.page) {
    case 'start':
      return <StartRoute />;
    case 'board':
      // Keyed by board so moving between boards starts from a clean state.
      return <BoardRoute key={route.boardId} boardId={route.boardId} />;
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

function StartRoute() {
  const page = useModule(startPage);
  return page ? <page.StartPage storage={window.localStorage} /> : loading;
}

function BoardRoute({ boardId }: { boardId: string }) {
  const page = useModule(boardPage);
  return page ? <page.BoardPage boardId={boardId} /> : loading;
}
