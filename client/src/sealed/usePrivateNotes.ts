// A participant's private notes while posting is private: loaded from the server, posted, edited and deleted there.
import { useCallback, useEffect, useState } from 'react';
import { isPostingPrivate, type Session } from '../../../shared/src/model/Session.ts';
import type { Identity } from '../app/storage.ts';
import { describeFailure } from '../boards/request.ts';
import { deletePrivateNote, editPrivateNote, listPrivateNotes, postPrivateNote } from './sealedApi.ts';
import type { PrivateNote } from '../../../shared/src/model/Sealed.ts';

export interface PrivateNotes {
  /** True while this person's posts go to the server's private store instead of the board. */
  isActive: boolean;
  notes: PrivateNote[];
  error: string | null;
  /** Posts privately; resolves with an error message, or null when stored. */
  post: (areaId: string, text: string) => Promise<string | null>;
  edit: (noteId: string, text: string) => Promise<string | null>;
  remove: (noteId: string) => Promise<string | null>;
}

/** Whether `identity` posts privately in this session (participants, and observers the facilitator lets post). */
export function postsPrivately(identity: Pick<Identity, 'role'>, session: Session): boolean {
  if (identity.role === 'facilitator') return false;
  if (identity.role === 'observer' && !session.observersMayPost) return false;
  return isPostingPrivate(session);
}

export function usePrivateNotes(boardId: string, identity: Identity, session: Session): PrivateNotes {
  const isActive = postsPrivately(identity, session);
  const [notes, setNotes] = useState<PrivateNote[]>([]);
  const [error, setError] = useState<string | null>(null);
  const token = identity.token;

  useEffect(() => {
    // Once posting is public again the server has revealed the notes: they are on the board now.
    if (!isActive) {
      setNotes([]);
      return;
    }
    let isCurrent = true;
    listPrivateNotes(boardId, token)
      .then((list) => isCurrent && setNotes(list))
      .catch((failure: unknown) => isCurrent && setError(describeFailure(failure, 'Your private notes could not be loaded.')));
    return () => {
      isCurrent = false;
    };
  }, [boardId, token, isActive]);

  const attempt = useCallback(async (task: () => Promise<void>, fallback: string): Promise<string | null> => {
    try {
      await task();
      setError(null);
      return null;
    } catch (failure) {
      const message = describeFailure(failure, fallback);
      setError(message);
      return message;
    }
  }, []);

  const post = useCallback(
    (areaId: string, text: string) =>
      attempt(async () => {
        const note = await postPrivateNote(boardId, token, { areaId, text: text.trim() });
        setNotes((list) => [...list, note]);
      }, 'The note could not be posted. Try again.'),
    [attempt, boardId, token],
  );
  const edit = useCallback(
    (noteId: string, text: string) =>
      attempt(async () => {
        const note = await editPrivateNote(boardId, token, noteId, text.trim());
        setNotes((list) => list.map((n) => (n.id === noteId ? note : n)));
      }, 'The note could not be changed. Try again.'),
    [attempt, boardId, token],
  );
  const remove = useCallback(
    (noteId: string) =>
      attempt(async () => {
        await deletePrivateNote(boardId, token, noteId);
        setNotes((list) => list.filter((n) => n.id !== noteId));
      }, 'The note could not be deleted. Try again.'),
    [attempt, boardId, token],
  );

  return { isActive, notes, error, post, edit, remove };
}
