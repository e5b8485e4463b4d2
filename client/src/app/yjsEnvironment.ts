// lib0/environment for the browser bundle. lib0's own also reads Node's argv and process.env, and at load works out
// `production` and terminal colours from the page's query and localStorage (with lib0/storage's fallback store):
// about 0.5 KiB gzipped on every board view for what the bundle uses, which is this: Yjs reads `node_env` (its dev
// checks), y-websocket and lib0/buffer ask whether they run in Node or a browser. client/vite.config.ts resolves
// `lib0/environment` here; a module that imports another of lib0's names fails the build, it does not break quietly.
export const isNode = false;

export const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

/** As lib0 reads a variable in a browser: from localStorage, null when unset or when storage is not allowed. */
export function getVariable(name: string): string | null {
  try {
    return window.localStorage.getItem(name);
  } catch {
    return null;
  }
}
