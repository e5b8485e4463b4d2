// The app's router: the start page at /, a board at /b/:boardId, and a plain not-found page otherwise.
import { BoardPage } from '../board/BoardPage.tsx';
import { StartPage } from '../start/StartPage.tsx';
import { parseRoute } from './route.ts';

export function App({ pathname }: { pathname: string }) {
  const route = parseRoute(pathname);
  switch (route.page) {
    case 'start':
      return <StartPage storage={window.localStorage} />;
    case 'board':
      // Keyed by board so moving between boards starts from a clean state.
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    case 'notFound':
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p><a href="/">Go to the start page</a></p>
        </main>
      );
  }
}
