// The list view: the whole board as headings and lists, keyboard- and screen-reader-first, with the canvas's actions.
import { useMemo, useRef } from 'react';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { useBoardState, useCapabilities, useCurrentExercise, useIdentityContext } from '../board/boardHooks.ts';
import { ObserverBanner } from '../board/ObserverBanner.tsx';
import { useNotePlacer } from '../canvas/notePlacer.ts';
import { PostForm } from '../post/PostForm.tsx';
import { usePostNote } from '../post/usePostNote.ts';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';
import { PresenceList } from '../presence/PresenceList.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { SessionSide } from '../session/SessionSide.tsx';
import { stationsOf } from '../session/sessionView.ts';
import { ExerciseSection } from './ExerciseSection.tsx';
import { noteActions } from './noteActions.ts';
import { NotesAnnouncer } from './NotesAnnouncer.tsx';
import './list.css';

function byArea<T extends { areaId: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const list = map.get(record.areaId);
    if (list) list.push(record);
    else map.set(record.areaId, [record]);
  }
  return map;
}

export function ListView() {
  const { boardId, snapshot, doc, board } = useBoardState();
  const { identity, self } = useIdentityContext();
  const { session, exercise, stations: currentAreas, notes: currentNotes } = useCurrentExercise();
  const can = useCapabilities();
  const people = usePeople(snapshot.provider.awareness, self);
  const serverNow = useServerTimestamp();
  const placer = useNotePlacer();
  // Read at the moment of the action: the actions object stays the same as notes change, so stations need not re-render.
  const latestPlacer = useRef(placer);
  latestPlacer.current = placer;
  const actions = useMemo(() => noteActions(doc, serverNow, (after) => latestPlacer.current(after)), [doc, serverNow]);
  const notesByArea = useMemo(() => byArea<Note>(board.notes), [board.notes]);
  const groupsByArea = useMemo(() => byArea<Group>(board.groups), [board.groups]);
  const closedReason = can.refusal({ kind: 'post' });
  const showPostForm = identity.role !== 'observer' || session.observersMayPost;
  const privateNotes = usePrivateNotes(boardId, identity, session);
  const onPost = usePostNote(doc, self, privateNotes, serverNow);

  return (
    <div className="list-view">
      <main className="list-main">
        <div className="list-side">
          <SessionSide people={people} />
          <ObserverBanner />
          {showPostForm && <PostForm areas={currentAreas} closedReason={closedReason} onPost={onPost} />}
          <SealedSide
            boardId={boardId}
            identity={identity}
            session={session}
            areas={currentAreas}
            notes={currentNotes}
            privateNotes={privateNotes}
          />
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
              isCurrent={ex.id === exercise?.id}
              actions={actions}
            />
          ))}
        </div>
      </main>
    </div>
  );
}
