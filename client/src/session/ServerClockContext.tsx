// One server-clock estimate per board page, shared by every countdown on it and every record it writes.
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { ReadServerTime } from './serverClock.ts';
import { fetchServerTime, useServerClock, type ServerClock } from './useServerClock.ts';

const ServerClockContext = createContext<ServerClock | null>(null);

export interface ServerClockProviderProps {
  children: ReactNode;
  /** Reads the server's time (GET /api/time in the browser). */
  readServerTime?: ReadServerTime;
  /** This device's clock. */
  clientNow?: () => number;
}

/** Measures the offset once for everything below it, so views that come and go reuse the same estimate. */
export function ServerClockProvider({
  children,
  readServerTime = fetchServerTime,
  clientNow = Date.now,
}: ServerClockProviderProps) {
  const clock = useServerClock(readServerTime, clientNow);
  return <ServerClockContext.Provider value={clock}>{children}</ServerClockContext.Provider>;
}

/** The page's server clock, for countdowns. Only inside a ServerClockProvider (the board page has one). */
export function usePageClock(): ServerClock {
  const clock = useContext(ServerClockContext);
  if (!clock) throw new Error('usePageClock is used outside a ServerClockProvider');
  return clock;
}

/**
 * `serverNow()`: server epoch ms in whole milliseconds, for the times stamped on records (notes, groups, comments,
 * hand-offs, imports). They are compared with the session log, which runs on the server's clock, and the record
 * validators want integers, while the measured offset is fractional.
 */
export function useServerTimestamp(): () => number {
  const clock = usePageClock();
  return useCallback(() => Math.round(clock.now()), [clock]);
}
