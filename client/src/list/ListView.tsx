// The list view: the whole board as headings and lists, keyboard- and screen-reader-first, with the canvas's actions.
import { useMemo } from 'react';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { useBoardState, useCapabilities, useCurrentExercise, useIdentityContext } from '../board/boardHooks.ts';
import { ObserverBanner } from '../board/ObserverBanner.tsx';
import { GroupingSide } from '../canvas/GroupingSide.tsx';
import { useNotePlacer } from '../canvas/notePlacer.ts';
import { DiscussionSide } from '../discussion/DiscussionSide.tsx';
import { PostForm } from '../post/PostForm.tsx';
import { usePostNote } from '../post/usePostNote.ts';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';
import { PresenceList } from '../presence/PresenceList.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { SessionSide } from '../session/SessionSide.tsx';
import { stationsOf } from '../session/sessionView.ts';
import { byArea } from '@shared/collections/groupBy.ts';
import { ExerciseSection } from './ExerciseSection.tsx';
import { noteActions } from './noteActions.ts';
import { NotesAnnouncer } from './NotesAnnouncer.tsx';
import './list.css';

export function ListView() {
  const { boardId, snapshot, doc, board } = useBoardState();
  const { identity, self } = useIdentityContext();
  const { session, exercise, stations: currentAreas, notes: currentNotes } = useCurrentExercise();
  const can = useCapabilities();
  const people = usePeople(snapshot.provider.awareness, self);
  const serverNow = useServerTimestamp();
  const placer = useNotePlacer();
  const actions = useMemo(() => noteActions(doc, serverNow, placer), [doc, serverNow, placer]);
  const notesByArea = useMemo(() => byArea<Note>(board.notes), [board.notes]);
  const groupsByArea = useMemo(() => byArea<Group>(board.groups), [board.groups]);
  const currentGroups = useMemo(
    () => currentAreas.flatMap((area) => groupsByArea.get(area.id) ?? []),
    [currentAreas, groupsByArea],
  );
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
          {/* The same discussion, hand-off, suggestions and group tools as beside the canvas. */}
          <DiscussionSide />
          <GroupingSide
            doc={doc}
            areas={currentAreas}
            notes={currentNotes}
            groups={currentGroups}
            emptyHint="No groups yet. Use “Move to group” on a note to start one."
          />
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
