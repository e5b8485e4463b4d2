// A connected board: header, connection state, who is here, posting form and the canvas, wired to one doc.
import { useCallback, useEffect, useMemo } from 'react';
import { addNote, moveNote } from '../../../shared/src/doc/ops.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Identity } from '../app/storage.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { PostForm } from '../post/PostForm.tsx';
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { useLocalUser, usePeople, useRemoteDrags } from '../presence/usePresence.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { browserClock, throttle } from '../sync/throttle.ts';
import { useBoard } from '../sync/useBoard.ts';
import { useConnectionSnapshot } from '../sync/useBoardConnection.ts';
import { NotesList } from './NotesList.tsx';
import { canMoveNote, postingClosedReason } from './permissions.ts';
import { StationsList } from './StationsList.tsx';

const PHASE_LABEL = { setup: 'Getting ready', post: 'Posting', group: 'Grouping', rotate: 'Rotating', closed: 'Closed' } as const;
/** Awareness drag updates per second at most: smooth for others, light on the wire. */
const DRAG_UPDATES_PER_SECOND = 30;

export interface BoardViewProps {
  connection: BoardConnection;
  identity: Identity;
  now?: () => number;
}

export function BoardView({ connection, identity, now = Date.now }: BoardViewProps) {
  const snapshot = useConnectionSnapshot(connection);
  const { doc, provider } = snapshot;
  const board = useBoard(doc);
  const awareness = provider.awareness;
  const self = useMemo(
    () => ({ participantId: identity.participantId, name: identity.name, role: identity.role }),
    [identity.participantId, identity.name, identity.role],
  );
  useLocalUser(awareness, self);
  const people = usePeople(awareness, self);
  const remoteDrags = useRemoteDrags(awareness);

  const { session } = board;
  const exercise = board.exercises.find((e) => e.id === session.exerciseId) ?? board.exercises[0];
  const areas = useMemo(() => board.areas.filter((area) => area.exerciseId === exercise?.id), [board.areas, exercise?.id]);
  const notes = useMemo(() => {
    const ids = new Set(areas.map((area) => area.id));
    return board.notes.filter((note) => ids.has(note.areaId));
  }, [areas, board.notes]);

  const closedReason = postingClosedReason(self, session.phase, session.observersMayPost);
  const isObserver = identity.role === 'observer';
  const showPostForm = !isObserver || session.observersMayPost;

  const onPost = useCallback(
    (areaId: string, text: string) => {
      const result = addNote(doc, { areaId, text, author: { id: self.participantId, name: self.name, role: self.role }, createdAt: now() });
      return result.ok ? null : result.reason;
    },
    [doc, self, now],
  );
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
      <header className="board-header">
        <div className="board-title">
          <h1 dir="auto">{board.meta?.title ?? (snapshot.isSynced ? 'Untitled board' : 'Loading board…')}</h1>
          <p className="phase">
            Phase: <strong>{PHASE_LABEL[session.phase]}</strong>
            {' · '}You are <span dir="auto">{identity.name}</span> ({identity.role})
          </p>
        </div>
        <ConnectionStatus status={snapshot.status} notice={snapshot.notice} onDismiss={() => connection.dismissNotice()} />
      </header>
      <div className="board-body">
        <aside className="board-side">
          {isObserver && <p className="observing" role="note">You are observing: you can read everything, and post nothing.</p>}
          {showPostForm && <PostForm areas={areas} closedReason={closedReason} onPost={onPost} />}
          <PresenceList people={people} selfId={self.participantId} />
          <StationsList exercise={exercise} areas={areas} />
        </aside>
        <BoardCanvas areas={areas} notes={notes} remoteDrags={remoteDrags} canMove={canMove} onDragging={onDragging} onMove={onMove} />
      </div>
      <NotesList areas={areas} notes={notes} />
    </div>
  );
}
