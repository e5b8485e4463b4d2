// Projector mode for the room's big screen: huge countdown, the question, what to do now, teams, ground rules and the
// join QR code, laid out on a grid whose cells cannot overlap (projector.css).
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { isTimedPhase } from '@shared/model/Phase.ts';
import { remainingMs } from '@shared/phases/clock.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';
import { useBoardState, useCurrentExercise, useIdentityContext } from '../board/boardHooks.ts';
import { usePeople } from '../presence/usePresence.ts';
import { Countdown } from '../session/Countdown.tsx';
import { phaseLine } from '../session/sessionView.ts';
import { useBrowserChime, useChime } from '../session/useChime.ts';
import { usePageClock } from '../session/ServerClockContext.tsx';
import { useServerNow } from '../session/useServerClock.ts';
import { ParticipantQr } from './ParticipantQr.tsx';
import { ProjectorConnection } from './ProjectorConnection.tsx';
import { ProjectorProgress } from './ProjectorProgress.tsx';
import { doneCounts, teamLines } from './projectorWords.ts';
import { TeamsLine } from './TeamsLine.tsx';
import { useParticipantLink } from './useParticipantLink.ts';
import '../session/session.css';
import './projector.css';
import './projectorPanels.css';
import { DecisionStage } from '../stages/DecisionStage.tsx';

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
  const { boardId, board, snapshot } = useBoardState();
  const { identity, self } = useIdentityContext();
  const { session, exercise, stations } = useCurrentExercise();
  const clock = usePageClock();
  const now = useServerNow(clock, session.endsAt !== null || session.moreTimePoll !== null);
  const chime = useBrowserChime();
  const [isMuted, setMuted] = useState(false);
  // "Joined" is when this screen first knew the server's time: a projector opened after the deadline stays quiet.
  // Set while rendering (React's pattern for state that follows a prop), not in an effect that renders twice.
  const [joinedAt, setJoinedAt] = useState<number | null>(null);
  if (clock.isReady && joinedAt === null) setJoinedAt(clock.now());
  // The big screen has the room's speakers: this is where the end-of-time chime belongs.
  useChime(chime, { endsAt: session.endsAt, now, joinedAt, isMuted });
  const [retries, setRetries] = useState(0);
  // The session says when the join code was last renewed (never the code): a change fetches the new link.
  const link = useParticipantLink(boardId, identity.token, `${session.joinCodeRenewedAt ?? 0}:${retries}`);
  const isFullscreen = useIsFullscreen();
  // Focus moves into the projector when it opens (the View button that opened it is gone), so Tab starts here.
  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus(), []);
  const people = usePeople(snapshot.provider.awareness, self);
  const presentIds = useMemo(() => new Set(people.map((person) => person.participantId)), [people]);
  const teams = teamLines(session, stations, board.participants);
  const done = isTimedPhase(session.phase) ? doneCounts(session.done, board.participants, presentIds) : null;

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
  const title = board.meta?.title ?? 'Scopeboard';
  const remaining = clock.isReady || session.pausedRemainingMs !== null ? remainingMs(session, now) : null;

  return (
    // The projector is the page: one main landmark, with the head, the session, the join panel and the rules in it.
    <main
      ref={root}
      tabIndex={-1}
      className="projector"
      aria-label="Projector"
      data-layout={teams.length > 0 ? 'teams' : 'plain'}
      data-phase={session.phase}
    >
      <header className="projector-head">
        <p className="projector-title" title={exercise ? `${title} · ${exercise.title}` : title}>
          <bdi className="projector-board-title">{title}</bdi>
          {exercise && (
            <>
              <span aria-hidden="true"> · </span>
              <bdi>{exercise.title}</bdi>
            </>
          )}
        </p>
        <ProjectorConnection status={snapshot.status} isSynced={snapshot.isSynced} />
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
      <div className="projector-main">
        <section className="projector-clock" aria-label="Time">
          <p className="projector-phase" data-phase={session.phase}>
            {phaseLine(session, exercise)}
          </p>
          <DecisionStage board={board} size="large" />
          <Countdown remaining={remaining} isPaused={session.pausedRemainingMs !== null} />
          <ProjectorProgress done={done} poll={session.moreTimePoll} lastPoll={session.lastPoll} now={now} />
        </section>
        <section className="projector-task" aria-label="What to do now">
          {exercise?.question && (
            <p className="projector-question" dir="auto" title={exercise.question}>
              {exercise.question}
            </p>
          )}
          <p className="projector-instruction" title={instruction}>
            {instruction}
          </p>
        </section>
        <TeamsLine lines={teams} />
      </div>
      <ParticipantQr state={link} onReload={() => setRetries((n) => n + 1)} />
      {board.groundRules.length > 0 && (
        <section
          className="projector-rules-panel"
          aria-labelledby="projector-rules"
          style={{ '--rule-count': board.groundRules.length } as CSSProperties}
        >
          <h2 id="projector-rules" className="projector-panel-title">
            Ground rules
          </h2>
          <ul className="projector-rules">
            {board.groundRules.map((rule, index) => (
              <li key={index} dir="auto" title={rule}>
                {rule}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
