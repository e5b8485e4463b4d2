// A page chunk loaded as state instead of React.lazy + Suspense: React 19 holds a Suspense boundary's reveal about
// 300 ms after its fallback showed ("throttled reveal"), which a cold join would wait through for every chunk.
import { useSyncExternalStore } from 'react';

type Loading<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; error: unknown };

/** One dynamic import, started on first use and shared by every component that asks for it. */
export interface LazyModule<T> {
  /** Starts the import unless it has started; never rejects (a failure is kept in the state). */
  start(): void;
  state(): Loading<T>;
  subscribe(listener: () => void): () => void;
}

/**
 * `name` says in the page's error details which part failed. A failed download that resolves to undefined counts
 * as failed too: Vite resolves an import with nothing whenever its preload error is cancelled (main.tsx cancels it
 * only for stylesheets, whose failure leaves the code working).
 */
export function lazyModule<T>(name: string, load: () => Promise<T | undefined>): LazyModule<T> {
  let state: Loading<T> = { kind: 'loading' };
  let isStarted = false;
  const listeners = new Set<() => void>();
  const settle = (next: Loading<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      const failed = (error: unknown) =>
        settle({
          kind: 'failed',
          error: new Error(`Could not load ${name}: ${String((error as Error)?.message ?? error)}`),
        });
      load().then(
        (value) => (value === undefined ? failed('the download failed') : settle({ kind: 'loaded', value })),
        failed,
      );
    },
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The module once loaded, null while it loads (render the fallback). Starts the import at once. A failed import is
 * thrown where the module is needed (`isNeeded`), so app/LoadFailureBoundary.tsx shows it as it shows any other.
 */
export function useModule<T>(module: LazyModule<T>, isNeeded = true): T | null {
  module.start();
  const state = useSyncExternalStore(module.subscribe, module.state);
  if (state.kind === 'loaded') return state.value;
  if (state.kind === 'failed' && isNeeded) throw state.error;
  return null;
}
