// The browser entry point: mounts the app for the current address.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LoadFailureBoundary } from './app/LoadFailureBoundary.tsx';
import { openBoardSocketFirst } from './app/boardSocketFirst.ts';
import './ui/styles.css';

// A stylesheet of a lazily loaded view that could not be fetched (the network dropped) must not stop the view's
// code from loading: Vite throws unless the event is cancelled, and then goes on to import the code itself. Only
// stylesheets: cancelling the failure of the code's own import would make it resolve to nothing instead of failing.
window.addEventListener('vite:preloadError', (event) => {
  const { payload } = event as Event & { payload?: unknown };
  if (payload instanceof Error && payload.message.startsWith('Unable to preload CSS')) event.preventDefault();
});

try {
  openBoardSocketFirst(window.location, () => window.localStorage);
} catch {
  // Storage not allowed here: the board page opens the socket once it knows the token.
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LoadFailureBoundary>
        <App pathname={window.location.pathname} />
      </LoadFailureBoundary>
    </StrictMode>,
  );
}
