// The list view: the whole board as headings and lists, keyboard- and screen-reader-first, with the canvas's actions.
import { useMemo } from 'react';
import type { Group } from '../../../shared/src/model/Group.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Identity } from '../app/storage.ts';
import { BoardHeader } from '../board/BoardHeader.tsx';
import { postingClosedReason } from '../board/permissions.ts';
import { PostForm } from '../post/PostForm.tsx';
import { usePostNote } from '../post/usePostNote.ts';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';
import { PresenceList } from '../presence/PresenceList.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
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

export function ListView({ boardId, connection, identity }: ListViewProps) {
  const { snapshot, doc, board, self } = useViewBoard(connection, identity);
  const people = usePeople(snapshot.provider.awareness, self);
  const serverNow = useServerTimestamp();
  const { session } = board;
  const exercise = currentExercise(board);
  const currentAreas = useMemo(() => stationsOf(board.areas, exercise?.id), [board.areas, exercise?.id]);
  const actions = useMemo(() => noteActions(doc, serverNow), [doc, serverNow]);
  const notesByArea = useMemo(() => byArea<Note>(board.notes), [board.notes]);
  const groupsByArea = useMemo(() => byArea<Group>(board.groups), [board.groups]);
  const rights = useMemo(
    () => ({ phase: session.phase, observersMayPost: session.observersMayPost }),
    [session.phase, session.observersMayPost],
  );
  const closedReason = postingClosedReason(self, session.phase, session.observersMayPost);
  const showPostForm = identity.role !== 'observer' || session.observersMayPost;
  const privateNotes = usePrivateNotes(boardId, identity, session);
  const onPost = usePostNote(doc, self, privateNotes, serverNow);

  return (
    <div className="list-view">
      <BoardHeader board={board} snapshot={snapshot} connection={connection} identity={identity} phase={phaseLine(session, exercise)} />
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
