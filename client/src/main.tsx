// The browser entry point: mounts the app for the current address.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './ui/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App pathname={window.location.pathname} />
    </StrictMode>,
  );
}
