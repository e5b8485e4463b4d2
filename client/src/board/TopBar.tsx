// The board's top bar on every view but the projector: title, exercise and phase, the countdown, "N of M done",
// connection, who is here, the view switcher, and for the facilitator the one next action and the board menu.
import { lazy, Suspense, useMemo } from 'react';
import { doneLine } from '../session/doneWords.ts';
import { VIEW_LABEL } from '../list/viewChoice.ts';
import { ViewSwitcher, type ViewSwitcherProps } from '../list/ViewSwitcher.tsx';
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx';
import { PresenceButton } from '../presence/PresenceButton.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { SessionClock } from '../session/SessionClock.tsx';
import { usePageClock, useServerTimestamp } from '../session/ServerClockContext.tsx';
import { useCommand } from '../session/useCommand.ts';
import { Popover, usePopoverClose } from '../ui/Popover.tsx';
import { NARROW_LAYOUT, useMediaQuery } from '../ui/useMediaQuery.ts';
import { useBoardState, useCurrentExercise, useIdentityContext } from './boardHooks.ts';
import { boardTitle } from './boardTitle.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

// The facilitator's next action and the board menu load for those who get them: a participant's phone has neither
// (unless participants may export, which shows the menu).
const NextAction = lazy(() => import('../facilitator/NextAction.tsx').then((m) => ({ default: m.NextAction })));
const BoardTools = lazy(() => import('../boards/BoardTools.tsx').then((m) => ({ default: m.BoardTools })));

export type TopBarProps = ViewSwitcherProps;

export function TopBar(views: TopBarProps) {
  const { boardId, board, snapshot, connection, doc } = useBoardState();
  const { identity, self } = useIdentityContext();
  const { session, exercise, phase } = useCurrentExercise();
  const clock = usePageClock();
  const serverNow = useServerTimestamp();
  const people = usePeople(snapshot.provider.awareness, self);
  const commands = useCommand({ boardId, token: identity.token });
  const done = useMemo(
    () => doneLine(board.session, board.participants, new Set(people.map((p) => p.participantId))),
    [board.session, board.participants, people],
  );
  const isFacilitator = identity.role === 'facilitator';
  const isNarrow = useMediaQuery(NARROW_LAYOUT);

  return (
    <header className="top-bar" aria-label="Board status">
      <div className="top-bar-row">
        <div className="top-bar-head">
          <div className="top-bar-title">
            <h1 dir="auto">{boardTitle(board, snapshot.isSynced)}</h1>
            <p className="top-bar-phase" aria-live="polite">
              <span className="session-phase" data-phase={session.phase}>
                {phase}
              </span>
              {exercise && (
                <>
                  {' · '}
                  <span className="top-bar-exercise" dir="auto">
                    {exercise.title}
                  </span>
                </>
              )}
              <span className="top-bar-you">
                {' · '}You are <bdi>{identity.name}</bdi> ({identity.role})
              </span>
            </p>
          </div>
          <div className="top-bar-clock">
            <SessionClock session={session} clock={clock} />
            {done && (
              <p className="top-bar-done" aria-live="polite">
                {done}
              </p>
            )}
          </div>
        </div>
        <div className="top-bar-tools">
          <ConnectionStatus
            status={snapshot.status}
            notice={null}
            onDismiss={() => connection.dismissNotice()}
            showBanners={false}
          />
          <PresenceButton people={people} selfId={self.participantId} />
          <div className="top-bar-actions">
            <Suspense fallback={null}>
              {isFacilitator && (
                <NextAction
                  session={session}
                  exercise={exercise}
                  clock={clock}
                  commands={commands}
                  confirm={(question) => window.confirm(question)}
                />
              )}
            </Suspense>
            <Suspense fallback={null}>
              {(isFacilitator || board.session.participantsMayExport) && (
                <BoardTools boardId={boardId} doc={doc} board={board} identity={identity} now={serverNow} />
              )}
            </Suspense>
            {/* A facilitator's phone has no room for four view buttons next to the next action: they fold into a menu. */}
            {isNarrow && isFacilitator ? (
              <Popover button={<>View ▾</>} label={`View: ${VIEW_LABEL[views.current]}`}>
                <ClosingViewSwitcher {...views} />
              </Popover>
            ) : (
              <ViewSwitcher {...views} />
            )}
          </div>
        </div>
      </div>
      <ErrorMessage message={commands.error} className="top-bar-error" />
      <ConnectionStatus
        status={snapshot.status}
        notice={snapshot.notice}
        onDismiss={() => connection.dismissNotice()}
        showStatus={false}
      />
    </header>
  );
}

/** The view switcher inside the phone's "View" menu: choosing a view closes the menu. */
function ClosingViewSwitcher(views: ViewSwitcherProps) {
  const close = usePopoverClose();
  return (
    <ViewSwitcher
      {...views}
      onChoose={(view) => {
        close();
        views.onChoose(view);
      }}
    />
  );
}
