// Time as everyone sees it: the client's offset to the server clock, time left, countdown text, the chime.
import type { Session } from '../model/Session.ts';

export interface ClockSample {
  /** Client clock when the request left. */
  sentAt: number;
  /** Server clock when it answered. */
  serverNow: number;
  /** Client clock when the answer arrived. */
  receivedAt: number;
}

export interface ClockOffset {
  /** Add to the client clock to get the server clock. */
  offsetMs: number;
  /** Round trip of the sample used; Infinity when there was no usable sample. */
  rttMs: number;
}

/**
 * NTP-style estimate: the sample with the smallest round trip is the least disturbed, and the server's reading
 * is taken to be from the middle of that trip. Samples with a negative round trip (a clock jump) are ignored.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset {
  let best: ClockSample | undefined;
  for (const sample of samples) {
    const rtt = sample.receivedAt - sample.sentAt;
    if (!Number.isFinite(rtt) || rtt < 0 || !Number.isFinite(sample.serverNow)) continue;
    if (!best || rtt < best.receivedAt - best.sentAt) best = sample;
  }
  if (!best) return { offsetMs: 0, rttMs: Infinity };
  return { offsetMs: best.serverNow - (best.sentAt + best.receivedAt) / 2, rttMs: best.receivedAt - best.sentAt };
}

/** Time left in the phase (negative in overtime); the frozen remainder while paused; null when no clock runs. */
export function remainingMs(session: Pick<Session, 'endsAt' | 'pausedRemainingMs'>, serverNow: number): number | null {
  if (session.pausedRemainingMs !== null) return session.pausedRemainingMs;
  if (session.endsAt === null) return null;
  return session.endsAt - serverNow;
}

/**
 * A countdown as people read it: "14:59", "1:02:03" past an hour, "0:00" at the end, "-0:05" five seconds over.
 * Time left is rounded up (the display turns 0:00 only when time is really up); overtime is rounded down.
 */
export function formatCountdown(ms: number): string {
  const isOver = ms < 0;
  const seconds = isOver ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const body =
    h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return isOver && seconds > 0 ? `-${body}` : body;
}

/**
 * Whether the end-of-time chime plays now. It plays once per deadline: `lastChimed` is the deadline this client
 * last chimed for (endsAt null when none). An extension makes a new deadline, which chimes again when reached.
 * Someone who joined at or after the deadline hears nothing. All times are server epoch ms.
 */
export function shouldChime(
  lastChimed: { endsAt: number | null },
  current: { endsAt: number | null },
  now: number,
  joinedAt: number,
): boolean {
  if (current.endsAt === null || now < current.endsAt) return false;
  if (lastChimed.endsAt === current.endsAt) return false;
  return joinedAt < current.endsAt;
}
