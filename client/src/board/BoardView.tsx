// The canvas view of a connected board: the side panel (console or session panel, posting form) and the canvas.
// The top bar above it is mounted once for every view (list/BoardViews.tsx).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { moveNote } from '@shared/doc/ops.ts';
import type { Note } from '@shared/model/Note.ts';
import { GroupingWorkspace } from '../canvas/GroupingWorkspace.tsx';
import { useNotePlacer } from '../canvas/notePlacer.ts';
import { PostForm } from '../post/PostForm.tsx';
import { usePostNote } from '../post/usePostNote.ts';
import { DiscussionSide } from '../discussion/DiscussionSide.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { SessionSide } from '../session/SessionSide.tsx';
import { teamStation } from '../session/sessionView.ts';
import { usePeople, useRemoteDrags } from '../presence/usePresence.ts';
import { browserClock, throttle } from '../sync/throttle.ts';
import { useBoardState, useCapabilities, useCurrentExercise, useIdentityContext } from './boardHooks.ts';
import { NotesList } from './NotesList.tsx';
import { ObserverBanner } from './ObserverBanner.tsx';
import { StationsList } from './StationsList.tsx';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { NARROW_LAYOUT } from '../ui/useMediaQuery.ts';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';

/** Awareness drag updates per second at most: smooth for others, light on the wire. */
const DRAG_UPDATES_PER_SECOND = 30;

export function BoardView() {
  const { boardId, snapshot, doc, board } = useBoardState();
  const { identity, self } = useIdentityContext();
  const { session, exercise, stations: areas, notes } = useCurrentExercise();
  const can = useCapabilities();
  const awareness = snapshot.provider.awareness;
  const serverNow = useServerTimestamp();
  const people = usePeople(awareness, self);
  const remoteDrags = useRemoteDrags(awareness);

  // A participant's screen follows their team's station during group and rotate.
  const myStation = identity.role === 'participant' ? teamStation(identity.participantId, session, areas) : undefined;
  const closedReason = can.refusal({ kind: 'post' });
  const showPostForm = identity.role !== 'observer' || session.observersMayPost;

  const privateNotes = usePrivateNotes(boardId, identity, session);
  const onPost = usePostNote(doc, self, privateNotes, serverNow);
  const canMove = useCallback((note: Note) => can.may({ kind: 'moveNote', authorId: note.authorId }), [can]);
  const placer = useNotePlacer();
  const onMove = useCallback(
    (noteId: string, to: { x: number; y: number; areaId: string }) => {
      // A move onto another note lands on the nearest free place, as every screen will draw it.
      const groupId = notes.find((n) => n.id === noteId)?.groupId;
      return moveNote(doc, noteId, { ...to, ...placer({ id: noteId, ...to, groupId }) }).ok;
    },
    [doc, notes, placer],
  );
  const sendDrag = useMemo(
    () =>
      throttle(
        (drag: { noteId: string; x: number; y: number }) => awareness.setLocalStateField('drag', drag),
        1000 / DRAG_UPDATES_PER_SECOND,
        browserClock,
      ),
    [awareness],
  );
  useEffect(() => () => sendDrag.cancel(), [sendDrag]);
  const onDragging = useCallback(
    (drag: { noteId: string; x: number; y: number } | null) => {
      if (drag) return sendDrag({ noteId: drag.noteId, x: Math.round(drag.x), y: Math.round(drag.y) });
      sendDrag.cancel();
      awareness.setLocalStateField('drag', null);
    },
    [awareness, sendDrag],
  );

  const isFacilitator = identity.role === 'facilitator';
  // A touch phone that picked the board wants the canvas: the panel starts folded (the facilitator's console stays).
  const [isSideOpen, setSideOpen] = useState(
    () => isFacilitator || !window.matchMedia?.(`${NARROW_LAYOUT} and (pointer: coarse)`).matches,
  );

  return (
    <main className="board-page" aria-label="Board">
      <div className="board-body">
        <button
          type="button"
          className="side-toggle"
          aria-expanded={isSideOpen}
          aria-controls="board-side"
          onClick={() => setSideOpen((open) => !open)}
        >
          {isSideOpen ? '▾ Hide ' : '▸ Show '}
          {isFacilitator ? 'the console' : 'instructions and posting'}
        </button>
        <aside id="board-side" className={`board-side${isSideOpen ? '' : ' is-collapsed'}`} aria-label="Session">
          <SessionSide people={people}>
            <ObserverBanner />
            <DiscussionSide />
            {showPostForm && <PostForm areas={areas} closedReason={closedReason} onPost={onPost} />}
            {!isFacilitator && <PresenceList people={people} selfId={self.participantId} />}
            <StationsList exercise={exercise} areas={areas} />
            <SealedSide
              boardId={boardId}
              identity={identity}
              session={session}
              areas={areas}
              notes={notes}
              privateNotes={privateNotes}
            />
          </SessionSide>
        </aside>
        <GroupingWorkspace
          doc={doc}
          groups={board.groups}
          areas={areas}
          notes={notes}
          remoteDrags={remoteDrags}
          canMove={canMove}
          onDragging={onDragging}
          onMove={onMove}
          focusAreaId={myStation?.area.id}
        />
      </div>
      <NotesList areas={areas} notes={notes} />
    </main>
  );
}
