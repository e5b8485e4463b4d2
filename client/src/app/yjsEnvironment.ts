// lib0/environment for the browser bundle. lib0's own also reads Node's argv and process.env, and at load works out
// `production` and terminal colours from the page's query and localStorage (with lib0/storage's fallback store):
// about 0.5 KiB gzipped on every board view for what the bundle uses, which is this: Yjs reads `node_env` (its dev
// checks), y-websocket and lib0/buffer ask whether they run in Node or a browser. client/vite.config.ts resolves
// `lib0/environment` here; a module that imports another of lib0's names fails the build, it does not break quietly.
export const isNode = false;

export const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

/**
 * Every variable unset, storage never read. Yjs's one reader is ContentAny's module, as the connected board's chunk
 * loads: `node_env` set to 'development' in localStorage makes Yjs deep-freeze the values it stores, a check for
 * code that mutates them. In a fresh tab that read was the page's first storage access, a synchronous round trip to
 * the browser process on the cold join's path (0.6-1.6 ms quiet, 33 and 265 ms in two traces under load); no one
 * using a board sees the freeze, so the bundle goes without it (the unit tests run Yjs in Node, unfrozen too).
 */
export function getVariable(_name: string): string | null {
  return null;
}
