// The posting forms' onPost for every view: into the shared doc, or to the server alone while posting is private.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { addNote } from '@shared/doc/ops.ts';
import { useCurrentExercise } from '../board/boardHooks.ts';
import type { PeerUser } from '../presence/awarenessState.ts';
import type { PrivateNotes } from '../sealed/usePrivateNotes.ts';

/** Writes a note; returns (or resolves with) an error message, or null when it was posted. */
export type PostNote = (areaId: string, text: string) => string | null | Promise<string | null>;

type Placement = typeof import('../canvas/notePlacer.ts');
// A new note's free place comes from the board's layout (the canvas's), which a phone does not need to draw its
// posting view: it loads right after the first paint, and a note posted before it arrives waits for it.
let placement: Placement | undefined;
let loading: Promise<Placement> | undefined;
function loadPlacement(): Promise<Placement> {
  loading ??= import('../canvas/notePlacer.ts').then(
    (loaded) => (placement = loaded),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
const NOT_LOADED = 'Posting could not start: part of the page did not load. Check your connection and try again.';

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
  useEffect(() => {
    loadPlacement().catch(() => undefined);
  }, []);
  return useCallback(
    (areaId: string, text: string) => {
      // While posting is private the note goes to the server alone, never into the shared doc.
      if (privateNotes.isActive) return privateNotes.post(areaId, text);
      const author = { id: self.participantId, name: self.name, role: self.role };
      const id = nanoid();
      const createdAt = serverNow();
      const write = ({ placeAfter }: Placement) => {
        // Its free place is written with it, so a later drop elsewhere never moves it under another note.
        const place = placeAfter(board.current.stations, board.current.notes, { id, areaId });
        const result = addNote(doc, { id, areaId, text, author, createdAt, ...place });
        return result.ok ? null : result.reason;
      };
      return placement ? write(placement) : loadPlacement().then(write, () => NOT_LOADED);
    },
    [doc, self, serverNow, privateNotes],
  );
}
