// A leading-and-trailing throttle with an injected clock, for awareness updates during drags.

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending trailing call (e.g. on drop, when the final state is sent another way). */
  cancel(): void;
}

/** Calls `fn` at most once per `intervalMs`; the latest arguments always get through, late at worst. */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  clock: Clock,
): Throttled<A> {
  let last = -Infinity;
  let pending: A | null = null;
  let timer: unknown = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = clock.now();
    fn(...args);
  };
  const throttled = ((...args: A) => {
    pending = args;
    const wait = last + intervalMs - clock.now();
    if (wait <= 0) {
      if (timer !== null) clock.clearTimeout(timer);
      flush();
    } else if (timer === null) {
      timer = clock.setTimeout(flush, wait);
    }
  }) as Throttled<A>;
  throttled.cancel = () => {
    pending = null;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return throttled;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};
