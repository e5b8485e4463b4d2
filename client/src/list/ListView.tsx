// The list view: the whole board as headings and lists, keyboard- and screen-reader-first, with the canvas's actions.
import { useCallback, useMemo } from 'react';
import { addNote } from '../../../shared/src/doc/ops.ts';
import type { Group } from '../../../shared/src/model/Group.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Identity } from '../app/storage.ts';
import { postingClosedReason } from '../board/permissions.ts';
import { PostForm } from '../post/PostForm.tsx';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { SessionSide } from '../session/SessionSide.tsx';
import { currentExercise, phaseLine, stationsOf } from '../session/sessionView.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { ExerciseSection } from './ExerciseSection.tsx';
import { noteActions } from './noteActions.ts';
import { NotesAnnouncer } from './NotesAnnouncer.tsx';
import { useViewBoard } from './useViewBoard.ts';
import './list.css';

export interface ListViewProps {
  boardId: string;
  connection: BoardConnection;
  identity: Identity;
  now?: () => number;
}

function byArea<T extends { areaId: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const list = map.get(record.areaId);
    if (list) list.push(record);
    else map.set(record.areaId, [record]);
  }
  return map;
}

export function ListView({ boardId, connection, identity, now = Date.now }: ListViewProps) {
  const { snapshot, doc, board, self } = useViewBoard(connection, identity);
  const people = usePeople(snapshot.provider.awareness, self);
  const { session } = board;
  const exercise = currentExercise(board);
  const currentAreas = useMemo(() => stationsOf(board.areas, exercise?.id), [board.areas, exercise?.id]);
  const actions = useMemo(() => noteActions(doc), [doc]);
  const notesByArea = useMemo(() => byArea<Note>(board.notes), [board.notes]);
  const groupsByArea = useMemo(() => byArea<Group>(board.groups), [board.groups]);
  const rights = useMemo(
    () => ({ phase: session.phase, observersMayPost: session.observersMayPost }),
    [session.phase, session.observersMayPost],
  );
  const closedReason = postingClosedReason(self, session.phase, session.observersMayPost);
  const showPostForm = identity.role !== 'observer' || session.observersMayPost;
  const privateNotes = usePrivateNotes(boardId, identity, session);
  const onPost = useCallback(
    (areaId: string, text: string) => {
      // While posting is private the note goes to the server alone, never into the shared doc.
      if (privateNotes.isActive) return privateNotes.post(areaId, text);
      const result = addNote(doc, { areaId, text, author: { id: self.participantId, name: self.name, role: self.role }, createdAt: now() });
      return result.ok ? null : result.reason;
    },
    [doc, self, now, privateNotes],
  );

  return (
    <div className="list-view">
      <header className="board-header">
        <div className="board-title">
          <h1 dir="auto">{board.meta?.title ?? (snapshot.isSynced ? 'Untitled board' : 'Loading board…')}</h1>
          <p className="phase">
            Phase: <strong>{phaseLine(session, exercise)}</strong>
            {' · '}You are <span dir="auto">{identity.name}</span> ({identity.role})
          </p>
        </div>
        <ConnectionStatus status={snapshot.status} notice={snapshot.notice} onDismiss={() => connection.dismissNotice()} />
      </header>
      <main className="list-main">
        <div className="list-side">
          <SessionSide boardId={boardId} doc={doc} board={board} identity={identity} people={people} />
          {identity.role === 'observer' && !session.observersMayPost && (
            <p className="observing" role="note">You are observing: you can read everything, and post nothing.</p>
          )}
          {showPostForm && <PostForm areas={currentAreas} closedReason={closedReason} onPost={onPost} />}
          <SealedSide boardId={boardId} identity={identity} session={session} areas={currentAreas}
            notes={board.notes.filter((note) => currentAreas.some((area) => area.id === note.areaId))} privateNotes={privateNotes} />
          <PresenceList people={people} selfId={self.participantId} />
        </div>
        <div className="list-board">
          {/* The board is read a frame after the sync event: wait for its records (meta comes with the notes) to count from. */}
          <NotesAnnouncer count={board.notes.length} isSynced={snapshot.isSynced && board.meta !== null} />
          {board.exercises.map((ex) => (
            <ExerciseSection
              key={ex.id}
              exercise={ex}
              areas={ex.id === exercise?.id ? currentAreas : stationsOf(board.areas, ex.id)}
              notesByArea={notesByArea}
              groupsByArea={groupsByArea}
              viewer={self}
              rights={rights}
              isCurrent={ex.id === exercise?.id}
              actions={actions}
            />
          ))}
        </div>
      </main>
    </div>
  );
}
