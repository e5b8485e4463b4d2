// Projector mode for the room's big screen: huge countdown, the question, what to do now, ground rules and the join QR code.
import { useEffect, useState } from 'react';
import { remainingMs } from '@shared/phases/clock.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';
import { useBoardState, useCurrentExercise, useIdentityContext } from '../board/boardHooks.ts';
import { Countdown } from '../session/Countdown.tsx';
import { phaseLine } from '../session/sessionView.ts';
import { useBrowserChime, useChime } from '../session/useChime.ts';
import { usePageClock } from '../session/ServerClockContext.tsx';
import { useServerNow } from '../session/useServerClock.ts';
import { ParticipantQr } from './ParticipantQr.tsx';
import { TeamsLine } from './TeamsLine.tsx';
import { useParticipantLink } from './useParticipantLink.ts';
import '../session/session.css';
import './projector.css';

export interface ProjectorViewProps {
  onExit: () => void;
}

function useIsFullscreen(): boolean {
  const [isFullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return isFullscreen;
}

/** Read-only: it shows the session and never writes to the board; the facilitator drives from another screen. */
export function ProjectorView({ onExit }: ProjectorViewProps) {
  const { boardId, board } = useBoardState();
  const { identity } = useIdentityContext();
  const { session, exercise, stations } = useCurrentExercise();
  const clock = usePageClock();
  const now = useServerNow(clock, session.endsAt !== null);
  const chime = useBrowserChime();
  const [isMuted, setMuted] = useState(false);
  const [joinedAt, setJoinedAt] = useState<number | null>(null);
  useEffect(() => {
    if (clock.isReady && joinedAt === null) setJoinedAt(clock.now());
  }, [clock, joinedAt]);
  // The big screen has the room's speakers: this is where the end-of-time chime belongs.
  useChime(chime, { endsAt: session.endsAt, now, joinedAt, isMuted });
  const [linkRequest, setLinkRequest] = useState(0);
  const link = useParticipantLink(boardId, identity.token, linkRequest);
  const isFullscreen = useIsFullscreen();

  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    onExit();
  };
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  // The question is shown on its own line, so the instruction leaves it out.
  const instruction = phaseInstruction(session.phase, exercise ? { question: '', plan: exercise.plan } : null);

  return (
    <div className="projector" role="region" aria-label="Projector">
      <header className="projector-head">
        <p className="projector-title">
          <span dir="auto">{board.meta?.title ?? 'Scopeboard'}</span>
          {exercise && <span dir="auto"> · {exercise.title}</span>}
        </p>
        <div className="projector-controls">
          <button type="button" className="quiet" aria-pressed={isMuted} onClick={() => setMuted((muted) => !muted)}>
            Mute chime
          </button>
          <button type="button" className="quiet" aria-pressed={isFullscreen} onClick={toggleFullscreen}>
            Full screen
          </button>
          <button type="button" onClick={exit}>
            Exit projector
          </button>
        </div>
      </header>
      <main className="projector-main">
        <div className="projector-session">
          <p className="projector-phase" data-phase={session.phase}>
            {phaseLine(session, exercise)}
          </p>
          <Countdown remaining={remainingMs(session, now)} isPaused={session.pausedRemainingMs !== null} />
          {exercise?.question && (
            <p className="projector-question" dir="auto">
              {exercise.question}
            </p>
          )}
          <p className="projector-instruction">{instruction}</p>
        </div>
        <ParticipantQr state={link} onReload={() => setLinkRequest((n) => n + 1)} />
      </main>
      <footer className="projector-foot">
        <TeamsLine session={session} stations={stations} participants={board.participants} />
        {board.groundRules.length > 0 && (
          <section aria-labelledby="projector-rules">
            <h2 id="projector-rules" className="projector-rules-title">
              Ground rules
            </h2>
            <ul className="projector-rules">
              {board.groundRules.map((rule, index) => (
                <li key={index} dir="auto">
                  {rule}
                </li>
              ))}
            </ul>
          </section>
        )}
      </footer>
    </div>
  );
}
