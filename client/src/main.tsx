// The browser entry point: mounts the app for the current address.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LoadFailureBoundary } from './app/LoadFailureBoundary.tsx';
import './ui/styles.css';

// A stylesheet of a lazily loaded view that could not be fetched (the network dropped) must not stop the view's
// code from loading: Vite throws unless the event is cancelled, and then goes on to import the code itself.
window.addEventListener('vite:preloadError', (event) => event.preventDefault());

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
