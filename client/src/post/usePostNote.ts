// The posting forms' onPost for every view: into the shared doc, or to the server alone while posting is private.
import { useCallback, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { useCurrentExercise } from '../board/boardHooks.ts';
import type { PeerUser } from '../presence/awarenessState.ts';
import type { PrivateNotes } from '../sealed/usePrivateNotes.ts';
import { loadNoteWrites, NOT_LOADED, useNoteWrites, type NoteWrites } from './lazyNoteWrites.ts';

/** Writes a note; returns (or resolves with) an error message, or null when it was posted. */
export type PostNote = (areaId: string, text: string) => string | null | Promise<string | null>;

/**
 * Binds posting to one doc and one person. `serverNow` stamps the note (server epoch ms, whole milliseconds), so
 * notes sort and compare with the session log on one clock.
 */
export function usePostNote(doc: Y.Doc, self: PeerUser, privateNotes: PrivateNotes, serverNow: () => number): PostNote {
  const { stations, notes } = useCurrentExercise();
  const board = useRef({ stations, notes });
  useLayoutEffect(() => {
    board.current = { stations, notes };
  });
  // No screen needs the writes to draw: they load after the first paint, and a note posted before waits for them.
  const loaded = useNoteWrites();
  return useCallback(
    (areaId: string, text: string) => {
      // While posting is private the note goes to the server alone, never into the shared doc.
      if (privateNotes.isActive) return privateNotes.post(areaId, text);
      const author = { id: self.participantId, name: self.name, role: self.role };
      const id = nanoid();
      const createdAt = serverNow();
      const write = ({ addNote, placeAfter }: NoteWrites) => {
        // Its free place is written with it, so a later drop elsewhere never moves it under another note.
        const place = placeAfter(board.current.stations, board.current.notes, { id, areaId });
        const result = addNote(doc, { id, areaId, text, author, createdAt, ...place });
        return result.ok ? null : result.reason;
      };
      return loaded ? write(loaded) : loadNoteWrites().then(write, () => NOT_LOADED);
    },
    [doc, self, serverNow, privateNotes, loaded],
  );
}
