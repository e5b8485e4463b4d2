// The phone posting view: no canvas; the team's station on top (the clock is in the top bar), a big posting form, "Your notes",
// then the discussion, hand-off and group tools the canvas has beside it.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { isTimedPhase } from '@shared/model/Phase.ts';
import { isPostingPrivate } from '@shared/model/Session.ts';
import type { Note } from '@shared/model/Note.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import { NotesList } from '../board/NotesList.tsx';
import { useBoardState, useCapabilities, useCurrentExercise, useIdentityContext } from '../board/boardHooks.ts';
import { ObserverBanner } from '../board/ObserverBanner.tsx';
import { NOT_LOADED, useNoteWrites } from '../post/lazyNoteWrites.ts';
import { usePostNote } from '../post/usePostNote.ts';
import { PresenceList } from '../presence/PresenceList.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { GroundRules } from '../session/GroundRules.tsx';
import { ParticipantActions } from '../session/ParticipantActions.tsx';
import { describeTeamStation, rotationLabel, teamStation } from '../session/sessionView.ts';
import { useCommand } from '../session/useCommand.ts';
import { usePageClock, useServerTimestamp } from '../session/ServerClockContext.tsx';
import { useServerNow } from '../session/useServerClock.ts';
import { PhonePostForm } from './PhonePostForm.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';
import { YourNotes } from './YourNotes.tsx';
import '../session/session.css';
import './phone.css';

// The phase's own tools load when the phase (or role) shows them: a phone posting notes downloads none of them.
const DiscussionSide = lazy(() =>
  import('../discussion/DiscussionSide.tsx').then((m) => ({ default: m.DiscussionSide })),
);
const GroupingSide = lazy(() => import('../canvas/GroupingSide.tsx').then((m) => ({ default: m.GroupingSide })));
const SealedSide = lazy(() => import('../sealed/SealedSide.tsx').then((m) => ({ default: m.SealedSide })));
const PhaseInstruction = lazy(() => import('./PhaseInstruction.tsx').then((m) => ({ default: m.PhaseInstruction })));

export function PhoneView() {
  const { boardId, snapshot, doc, board } = useBoardState();
  const { identity, self } = useIdentityContext();
  const { session, exercise, stations: areas, notes } = useCurrentExercise();
  const can = useCapabilities();
  const people = usePeople(snapshot.provider.awareness, self);
  const clock = usePageClock();
  const serverNow = useServerTimestamp();
  const commands = useCommand({ boardId, token: identity.token });
  const ownNotes = useMemo(
    () => notes.filter((note) => note.authorId === self.participantId),
    [notes, self.participantId],
  );
  // Editing and deleting load after the first paint (post/lazyNoteWrites.ts), long before anyone presses Save.
  const writes = useNoteWrites();
  const actions = useMemo(() => writes?.noteActions(doc, serverNow), [writes, doc, serverNow]);
  const groups = useMemo(() => {
    const ids = new Set(areas.map((a) => a.id));
    return board.groups.filter((g) => ids.has(g.areaId));
  }, [areas, board.groups]);
  const isParticipant = identity.role === 'participant';
  const station = isParticipant ? teamStation(self.participantId, session, areas) : undefined;
  const rotation = rotationLabel(session, exercise);
  // The "need more time?" poll is for the phone too; it ticks only while it is open.
  const tickNow = useServerNow(clock, session.moreTimePoll !== null);
  const poll = session.moreTimePoll && tickNow < session.moreTimePoll.endsAt ? session.moreTimePoll : null;
  const closedReason = can.refusal({ kind: 'post' });
  const showPostForm = identity.role !== 'observer' || session.observersMayPost;

  const privateNotes = usePrivateNotes(boardId, identity, session);
  const onPost = usePostNote(doc, self, privateNotes, serverNow);
  const canEdit = useCallback((note: Note) => can.may({ kind: 'editNote', authorId: note.authorId }), [can]);
  // When each lazy part would show anything (the same tests as inside them, so nothing is loaded to draw nothing).
  const showsDiscussion = identity.role === 'facilitator' || isGroupingPhase(session.phase);
  const showsGrouping = can.may({ kind: 'group' }) || groups.length > 0;
  const showsSealed =
    privateNotes.isActive ||
    isPostingPrivate(session) ||
    Object.keys(session.privateCounts).length > 0 ||
    session.phase === 'vote' ||
    notes.some((note) => note.votes !== undefined);

  return (
    <div className="phone-view">
      {/* Title, connection, clock and phase are in the top bar (board/TopBar.tsx). */}
      <section className="phone-top" aria-label="Your station">
        {station && (
          <p className="team-station phone-station" data-station={station.stationNumber}>
            {describeTeamStation(station)}
            {rotation ? ` · ${rotation}` : ''}
          </p>
        )}
        {isParticipant && !station && isGroupingPhase(session.phase) && (
          <p className="hint">You are not in a team yet: the facilitator will put you in one.</p>
        )}
      </section>
      <main className="phone-main">
        <ObserverBanner />
        {showPostForm && (
          <PhonePostForm
            areas={areas}
            suggestedAreaId={session.phase === 'rotate' ? station?.area.id : undefined}
            closedReason={closedReason}
            onPost={onPost}
          />
        )}
        {isParticipant && (
          <ParticipantActions
            participantId={self.participantId}
            isTimedPhase={isTimedPhase(session.phase)}
            done={session.done}
            poll={poll}
            commands={commands}
          />
        )}
        <Suspense fallback={null}>
          {showsSealed && (
            <SealedSide
              boardId={boardId}
              identity={identity}
              session={session}
              areas={areas}
              notes={notes}
              privateNotes={privateNotes}
            />
          )}
        </Suspense>
        <YourNotes
          notes={ownNotes}
          areas={areas}
          canEdit={canEdit}
          onSave={(noteId, text) => (actions ? actions.edit(noteId, text) : NOT_LOADED)}
          onDelete={(noteId) => (actions ? actions.remove(noteId) : NOT_LOADED)}
        />
        {/* The same discussion, hand-off, suggestions and group tools as beside the canvas. */}
        <Suspense fallback={null}>{showsDiscussion && <DiscussionSide />}</Suspense>
        <Suspense fallback={null}>
          {showsGrouping && (
            <GroupingSide
              doc={doc}
              areas={areas}
              notes={notes}
              groups={groups}
              emptyHint="No groups yet. Groups are made on the Board or List view; suggestions here can start one."
            />
          )}
        </Suspense>
        <details className="phone-section phone-instruction">
          <summary>What to do now</summary>
          <Suspense fallback={null}>
            <PhaseInstruction phase={session.phase} exercise={exercise} />
          </Suspense>
        </details>
        <GroundRules rules={board.groundRules} />
        <PresenceList people={people} selfId={self.participantId} />
      </main>
      {/* Without a canvas, screen-reader users still get every note of the exercise, station by station. */}
      <NotesList areas={areas} notes={notes} />
    </div>
  );
}
