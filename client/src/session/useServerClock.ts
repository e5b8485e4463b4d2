// React hooks for server time: the measured clock offset, and a re-render tick while a countdown runs.
import { useEffect, useMemo, useState } from 'react';
import { TimeReply } from '@shared/api/replies.ts';
import { request } from '../app/http.ts';
import { measureClockOffset, type ReadServerTime } from './serverClock.ts';

/** GET /api/time in the browser. */
export const fetchServerTime: ReadServerTime = async () => (await request('/api/time', TimeReply)).now;

/** Round trips per measurement: enough to find one undisturbed sample, few enough to be quick. */
const SAMPLES = 5;

export interface ServerClock {
  /** Server epoch ms now (this device's clock plus the offset). */
  now: () => number;
  offsetMs: number;
  /** False until the first measurement finished; until then `now` is this device's clock. */
  isReady: boolean;
}

/** Measures the offset once per mount; every countdown on the page reads `now` from here. */
export function useServerClock(
  readServerTime: ReadServerTime = fetchServerTime,
  clientNow: () => number = Date.now,
): ServerClock {
  const [offset, setOffset] = useState<{ offsetMs: number; isReady: boolean }>({ offsetMs: 0, isReady: false });
  useEffect(() => {
    let isCurrent = true;
    void measureClockOffset(readServerTime, clientNow, SAMPLES).then((measured) => {
      if (isCurrent) setOffset({ offsetMs: measured.offsetMs, isReady: true });
    });
    return () => {
      isCurrent = false;
    };
  }, [readServerTime, clientNow]);
  return useMemo(
    () => ({ now: () => clientNow() + offset.offsetMs, offsetMs: offset.offsetMs, isReady: offset.isReady }),
    [clientNow, offset],
  );
}

/** Schedules a repeating callback; returns a function that stops it. */
export type Repeat = (fn: () => void, intervalMs: number) => () => void;

export const browserRepeat: Repeat = (fn, intervalMs) => {
  const id = window.setInterval(fn, intervalMs);
  return () => window.clearInterval(id);
};

/**
 * Server time, refreshed every `intervalMs` while `isActive` (a clock or poll runs); otherwise refreshed only when
 * the component re-renders for another reason.
 */
export function useServerNow(
  clock: ServerClock,
  isActive: boolean,
  intervalMs = 250,
  repeat: Repeat = browserRepeat,
): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!isActive) return;
    return repeat(() => setTick((tick) => tick + 1), intervalMs);
  }, [isActive, intervalMs, repeat]);
  return clock.now();
}
