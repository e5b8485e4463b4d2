// The phone posting view: no canvas; the clock and the team's station on top, a big posting form, then "Your notes".
import { useCallback, useMemo } from 'react';
import { addNote } from '../../../shared/src/doc/ops.ts';
import { isTimedPhase } from '../../../shared/src/model/Phase.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import { phaseInstruction } from '../../../shared/src/phases/phaseInstruction.ts';
import type { Identity } from '../app/storage.ts';
import { NotesList } from '../board/NotesList.tsx';
import { postingClosedReason } from '../board/permissions.ts';
import { LiveCountdown } from '../list/LiveCountdown.tsx';
import { noteActions } from '../list/noteActions.ts';
import { useViewBoard } from '../list/useViewBoard.ts';
import { canEditNote } from '../list/viewPermissions.ts';
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { usePeople } from '../presence/usePresence.ts';
import { GroundRules } from '../session/GroundRules.tsx';
import { ParticipantActions } from '../session/ParticipantActions.tsx';
import { currentExercise, describeTeamStation, phaseLine, rotationLabel, stationsOf, teamStation } from '../session/sessionView.ts';
import { useCommand } from '../session/useCommand.ts';
import { useServerClock, useServerNow } from '../session/useServerClock.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { PhonePostForm } from './PhonePostForm.tsx';
import { SealedSide } from '../sealed/SealedSide.tsx';
import { usePrivateNotes } from '../sealed/usePrivateNotes.ts';
import { YourNotes } from './YourNotes.tsx';
import '../session/session.css';
import './phone.css';

export interface PhoneViewProps {
  boardId: string;
  connection: BoardConnection;
  identity: Identity;
  now?: () => number;
}

export function PhoneView({ boardId, connection, identity, now = Date.now }: PhoneViewProps) {
  const { snapshot, doc, board, self } = useViewBoard(connection, identity);
  const people = usePeople(snapshot.provider.awareness, self);
  const clock = useServerClock();
  const commands = useCommand({ boardId, token: identity.token });
  const { session } = board;
  const exercise = currentExercise(board);
  const areas = useMemo(() => stationsOf(board.areas, exercise?.id), [board.areas, exercise?.id]);
  const areaIds = useMemo(() => new Set(areas.map((area) => area.id)), [areas]);
  const notes = useMemo(() => board.notes.filter((note) => areaIds.has(note.areaId)), [board.notes, areaIds]);
  const ownNotes = useMemo(() => notes.filter((note) => note.authorId === self.participantId), [notes, self.participantId]);
  const actions = useMemo(() => noteActions(doc), [doc]);
  const isParticipant = identity.role === 'participant';
  const station = isParticipant ? teamStation(self.participantId, session, areas) : undefined;
  const rotation = rotationLabel(session, exercise);
  // The "need more time?" poll is for the phone too; it ticks only while it is open.
  const serverNow = useServerNow(clock, session.moreTimePoll !== null);
  const poll = session.moreTimePoll && serverNow < session.moreTimePoll.endsAt ? session.moreTimePoll : null;
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
  const canEdit = useCallback((note: Note) => canEditNote(self, session, note), [self, session]);

  return (
    <div className="phone-view">
      <header className="phone-top">
        <div className="phone-title">
          <h1 dir="auto">{board.meta?.title ?? (snapshot.isSynced ? 'Untitled board' : 'Loading board…')}</h1>
          <ConnectionStatus status={snapshot.status} notice={snapshot.notice} onDismiss={() => connection.dismissNotice()} />
        </div>
        <div className="phone-clock">
          <LiveCountdown session={session} clock={clock} />
          <p className="phone-phase"><strong>{phaseLine(session, exercise)}</strong>{exercise ? ` · ${exercise.title}` : ''}</p>
        </div>
        {station && (
          <p className="team-station phone-station" data-station={station.stationNumber}>
            {describeTeamStation(station)}{rotation ? ` · ${rotation}` : ''}
          </p>
        )}
        {isParticipant && !station && (session.phase === 'group' || session.phase === 'rotate') && (
          <p className="hint">You are not in a team yet: the facilitator will put you in one.</p>
        )}
      </header>
      <main className="phone-main">
        {identity.role === 'observer' && !session.observersMayPost && (
          <p className="observing" role="note">You are observing: you can read everything, and post nothing.</p>
        )}
        {showPostForm && (
          <PhonePostForm
            areas={areas}
            suggestedAreaId={session.phase === 'rotate' ? station?.area.id : undefined}
            closedReason={closedReason}
            onPost={onPost}
          />
        )}
        {isParticipant && (
          <ParticipantActions participantId={self.participantId} isTimedPhase={isTimedPhase(session.phase)} done={session.done}
            poll={poll} commands={commands} />
        )}
        <SealedSide boardId={boardId} identity={identity} session={session} areas={areas} notes={notes} privateNotes={privateNotes} />
        <YourNotes notes={ownNotes} areas={areas} canEdit={canEdit} onSave={actions.edit} onDelete={actions.remove} />
        <details className="phone-section phone-instruction">
          <summary>What to do now</summary>
          <p>{phaseInstruction(session.phase, exercise)}</p>
        </details>
        <GroundRules rules={board.groundRules} />
        <PresenceList people={people} selfId={self.participantId} />
      </main>
      {/* Without a canvas, screen-reader users still get every note of the exercise, station by station. */}
      <NotesList areas={areas} notes={notes} />
    </div>
  );
}
