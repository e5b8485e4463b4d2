// Loads one API reply for a screen: again whenever its key changes, never after the screen moved on.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeFailure } from './http.ts';

export type ApiState<T> =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; message: string };

export interface ApiResult<T> {
  state: ApiState<T>;
  /** The loaded value, or undefined until there is one. */
  value: T | undefined;
  /** Replaces the value after a change this screen made itself (the server's answer to a write). */
  set: (value: T) => void;
}

/**
 * Runs `load` when `key` is first seen and each time it changes; a null key loads nothing (state "idle").
 * An answer that arrives after the key changed is dropped, so a slow reply never overwrites a newer one.
 * `fallback` is the message when the failure has no words of the server's.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>, fallback: string): ApiResult<T> {
  // The answer is kept with the key it answers; for a new key the last value stays on screen while it loads.
  const [answer, setAnswer] = useState<{ key: string | null; state: ApiState<T> } | null>(null);
  const latest = useRef({ load, fallback });
  useLayoutEffect(() => {
    latest.current = { load, fallback };
  });
  useEffect(() => {
    if (key === null) return;
    let isCurrent = true;
    latest.current.load().then(
      (value) => isCurrent && setAnswer({ key, state: { kind: 'ready', value } }),
      (error: unknown) =>
        isCurrent &&
        setAnswer({ key, state: { kind: 'failed', message: describeFailure(error, latest.current.fallback) } }),
    );
    return () => {
      isCurrent = false;
    };
  }, [key]);
  const set = useCallback((value: T) => setAnswer({ key, state: { kind: 'ready', value } }), [key]);
  const state: ApiState<T> =
    key === null
      ? { kind: 'idle' }
      : answer?.key === key || answer?.state.kind === 'ready'
        ? answer.state
        : { kind: 'loading' };
  return { state, value: state.kind === 'ready' ? state.value : undefined, set };
}
