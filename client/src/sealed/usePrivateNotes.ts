// A participant's private notes while posting is private: loaded from the server, posted, edited and deleted there.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isPostingPrivate, type Session } from '@shared/model/Session.ts';
import { describeFailure } from '../app/http.ts';
import type { Identity } from '../app/storage.ts';
import { useApi } from '../app/useApi.ts';
import { deletePrivateNote, editPrivateNote, listPrivateNotes, postPrivateNote } from './sealedApi.ts';
import type { PrivateNote } from '@shared/model/Sealed.ts';

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
  const token = identity.token;
  // Once posting is public again the server has revealed the notes: they are on the board now, not here.
  const loaded = useApi(
    isActive ? `${boardId} ${token}` : null,
    () => listPrivateNotes(boardId, token),
    'Your private notes could not be loaded.',
  );
  const [error, setError] = useState<string | null>(null);
  const notes = useMemo(() => loaded.value ?? [], [loaded.value]);
  // Writes change the list from the latest one, even when two land before a re-render.
  const latest = useRef(notes);
  useLayoutEffect(() => {
    latest.current = notes;
  }, [notes]);
  const { set } = loaded;
  const setNotes = useCallback(
    (change: (list: PrivateNote[]) => PrivateNote[]) => {
      latest.current = change(latest.current);
      set(latest.current);
    },
    [set],
  );

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
    [attempt, boardId, token, setNotes],
  );
  const edit = useCallback(
    (noteId: string, text: string) =>
      attempt(async () => {
        const note = await editPrivateNote(boardId, token, noteId, text.trim());
        setNotes((list) => list.map((n) => (n.id === noteId ? note : n)));
      }, 'The note could not be changed. Try again.'),
    [attempt, boardId, token, setNotes],
  );
  const remove = useCallback(
    (noteId: string) =>
      attempt(async () => {
        await deletePrivateNote(boardId, token, noteId);
        setNotes((list) => list.filter((n) => n.id !== noteId));
      }, 'The note could not be deleted. Try again.'),
    [attempt, boardId, token, setNotes],
  );

  const loadError = loaded.state.kind === 'failed' ? loaded.state.message : null;
  return { isActive, notes, error: error ?? loadError, post, edit, remove };
}
