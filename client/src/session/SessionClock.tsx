// The session's clock for the top bar: the countdown from the server clock, the end-of-phase chime and its mute.
import { useState } from 'react';
import type { Session } from '@shared/model/Session.ts';
import { remainingMs } from '@shared/phases/clock.ts';
import { Countdown } from './Countdown.tsx';
import { useBrowserChime, useChime } from './useChime.ts';
import { useServerNow, type ServerClock } from './useServerClock.ts';

export function SessionClock({ session, clock }: { session: Session; clock: ServerClock }) {
  const chime = useBrowserChime();
  const isTicking = session.endsAt !== null || session.moreTimePoll !== null;
  const now = useServerNow(clock, isTicking);
  const [isMuted, setMuted] = useState(false);
  const [joinedAt, setJoinedAt] = useState<number | null>(null);
  // "Joined" is when this screen first knew the server's time: a screen opened after the deadline stays quiet.
  if (clock.isReady && joinedAt === null) setJoinedAt(now);
  const chimedFor = useChime(chime, { endsAt: session.endsAt, now, joinedAt, isMuted });
  // Until the offset is known, a device with a wrong clock would flash a wrong countdown: show none instead.
  const remaining = clock.isReady || session.pausedRemainingMs !== null ? remainingMs(session, now) : null;
  return (
    <div className="session-clock" data-chimed-for={chimedFor ?? undefined}>
      <Countdown remaining={remaining} isPaused={session.pausedRemainingMs !== null} />
      <button
        type="button"
        className="quiet-button mute-chime"
        aria-pressed={isMuted}
        title="Mute the chime at the end of a phase"
        onClick={() => setMuted((m) => !m)}
      >
        <span aria-hidden="true">{isMuted ? '🔕' : '🔔'}</span>
        <span className="sr-only">Mute chime</span>
      </button>
    </div>
  );
}
