// A connected board: header, connection state, who is here, posting form and the canvas, wired to one doc.
import { useCallback, useEffect, useMemo } from 'react';
import { moveNote } from '../../../shared/src/doc/ops.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Identity } from '../app/storage.ts';
import { BoardTools } from '../boards/BoardTools.tsx';
import { GroupingWorkspace } from '../canvas/GroupingWorkspace.tsx';
import { PostForm } from '../post/PostForm.tsx';
import { usePostNote } from '../post/usePostNote.ts';
import { DiscussionSide } from '../discussion/DiscussionSide.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { SessionSide } from '../session/SessionSide.tsx';
import { teamStation } from '../session/sessionView.ts';
import { useLocalUser, usePeople, useRemoteDrags } from '../presence/usePresence.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { browserClock, throttle } from '../sync/throttle.ts';
import { useBoard } from '../sync/useBoard.ts';
import { useConnectionSnapshot } from '../sync/useBoardConnection.ts';
import { BoardHeader } from './BoardHeader.tsx';
import { NotesList } from './NotesList.tsx';
import { canMoveNote, postingClosedReason } from './permissions.ts';
import { StationsList } from './StationsList.tsx';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';

const PHASE_LABEL = { setup: 'Getting ready', post: 'Posting', group: 'Grouping', rotate: 'Rotating', vote: 'Voting', closed: 'Closed' } as const;
/** Awareness drag updates per second at most: smooth for others, light on the wire. */
const DRAG_UPDATES_PER_SECOND = 30;

export interface BoardViewProps {
  boardId: string;
  connection: BoardConnection;
  identity: Identity;
}

export function BoardView({ boardId, connection, identity }: BoardViewProps) {
  const snapshot = useConnectionSnapshot(connection);
  const { doc, provider } = snapshot;
  const board = useBoard(doc);
  const awareness = provider.awareness;
  const self = useMemo(
    () => ({ participantId: identity.participantId, name: identity.name, role: identity.role }),
    [identity.participantId, identity.name, identity.role],
  );
  useLocalUser(awareness, self);
  const serverNow = useServerTimestamp();
  const people = usePeople(awareness, self);
  const remoteDrags = useRemoteDrags(awareness);

  const { session } = board;
  const exercise = board.exercises.find((e) => e.id === session.exerciseId) ?? board.exercises[0];
  const areas = useMemo(() => board.areas.filter((area) => area.exerciseId === exercise?.id), [board.areas, exercise?.id]);
  const notes = useMemo(() => {
    const ids = new Set(areas.map((area) => area.id));
    return board.notes.filter((note) => ids.has(note.areaId));
  }, [areas, board.notes]);

  // A participant's screen follows their team's station during group and rotate.
  const myStation = identity.role === 'participant' ? teamStation(identity.participantId, session, areas) : undefined;

  const closedReason = postingClosedReason(self, session.phase, session.observersMayPost);
  const isObserver = identity.role === 'observer';
  const showPostForm = !isObserver || session.observersMayPost;

  const privateNotes = usePrivateNotes(boardId, identity, session);
  const onPost = usePostNote(doc, self, privateNotes, serverNow);
  const canMove = useCallback(
    (note: Note) => canMoveNote(self, session.phase, session.observersMayPost, note),
    [self, session.phase, session.observersMayPost],
  );
  const onMove = useCallback(
    (noteId: string, to: { x: number; y: number; areaId: string }) => moveNote(doc, noteId, to).ok,
    [doc],
  );
  const sendDrag = useMemo(
    () => throttle((drag: { noteId: string; x: number; y: number }) => awareness.setLocalStateField('drag', drag),
      1000 / DRAG_UPDATES_PER_SECOND, browserClock),
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

  return (
    <div className="board-page">
      <BoardHeader board={board} snapshot={snapshot} connection={connection} identity={identity} phase={PHASE_LABEL[session.phase]} />
      <BoardTools boardId={boardId} doc={doc} board={board} identity={identity} now={serverNow} />
      <div className="board-body">
        <aside className="board-side">
          <SessionSide boardId={boardId} doc={doc} board={board} identity={identity} people={people} />
          {isObserver && <p className="observing" role="note">You are observing: you can read everything, and post nothing.</p>}
          <DiscussionSide doc={doc} board={board} identity={identity} stations={areas} />
          {showPostForm && <PostForm areas={areas} closedReason={closedReason} onPost={onPost} />}
          <PresenceList people={people} selfId={self.participantId} />
          <StationsList exercise={exercise} areas={areas} />
          <SealedSide boardId={boardId} identity={identity} session={session} areas={areas} notes={notes} privateNotes={privateNotes} />
        </aside>
        <GroupingWorkspace doc={doc} viewer={self} phase={session.phase} observersMayPost={session.observersMayPost}
          groups={board.groups} areas={areas} notes={notes} remoteDrags={remoteDrags} canMove={canMove} onDragging={onDragging} onMove={onMove}
          focusAreaId={myStation?.area.id} />
      </div>
      <NotesList areas={areas} notes={notes} />
    </div>
  );
}
