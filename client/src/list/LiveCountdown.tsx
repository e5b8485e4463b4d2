// The session's countdown, ticking from the server clock: the session panel's Countdown, fed for the list, phone and projector.
import type { Session } from '@shared/model/Session.ts';
import { remainingMs } from '@shared/phases/clock.ts';
import { Countdown } from '../session/Countdown.tsx';
import { useServerNow, type ServerClock } from '../session/useServerClock.ts';

export function LiveCountdown({ session, clock }: { session: Session; clock: ServerClock }) {
  const now = useServerNow(clock, session.endsAt !== null);
  return <Countdown remaining={remainingMs(session, now)} isPaused={session.pausedRemainingMs !== null} />;
}
