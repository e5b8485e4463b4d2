// Sealed input on a board screen: "Your private notes", the private-note counts per station, and the vote.
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import type { Session } from '@shared/model/Session.ts';
import type { Identity } from '../app/storage.ts';
import { PrivateCounts } from './PrivateCounts.tsx';
import { PrivateNotesPanel } from './PrivateNotesPanel.tsx';
import type { PrivateNotes } from './usePrivateNotes.ts';
import { VotePanel } from './VotePanel.tsx';
import './sealed.css';

export interface SealedSideProps {
  boardId: string;
  identity: Identity;
  session: Session;
  /** Stations of the current exercise, in order. */
  areas: readonly Area[];
  /** Notes of the current exercise. */
  notes: readonly Note[];
  privateNotes: PrivateNotes;
}

export function SealedSide({ boardId, identity, session, areas, notes, privateNotes }: SealedSideProps) {
  return (
    <>
      {privateNotes.isActive && <PrivateNotesPanel privateNotes={privateNotes} areas={areas} />}
      <PrivateCounts session={session} areas={areas} />
      <VotePanel boardId={boardId} identity={identity} session={session} areas={areas} notes={notes} />
    </>
  );
}
