// The posting forms' onPost for every view: into the shared doc, or to the server alone while posting is private.
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { addNote } from '@shared/doc/ops.ts';
import { useNotePlacer } from '../canvas/notePlacer.ts';
import type { PeerUser } from '../presence/awarenessState.ts';
import type { PrivateNotes } from '../sealed/usePrivateNotes.ts';

/** Writes a note; returns (or resolves with) an error message, or null when it was posted. */
export type PostNote = (areaId: string, text: string) => string | null | Promise<string | null>;

/**
 * Binds posting to one doc and one person. `serverNow` stamps the note (server epoch ms, whole milliseconds), so
 * notes sort and compare with the session log on one clock.
 */
export function usePostNote(doc: Y.Doc, self: PeerUser, privateNotes: PrivateNotes, serverNow: () => number): PostNote {
  const placer = useNotePlacer();
  return useCallback(
    (areaId: string, text: string) => {
      // While posting is private the note goes to the server alone, never into the shared doc.
      if (privateNotes.isActive) return privateNotes.post(areaId, text);
      const author = { id: self.participantId, name: self.name, role: self.role };
      const id = nanoid();
      // Its free place is written with it, so a later drop elsewhere never moves it under another note.
      const place = placer({ id, areaId });
      const result = addNote(doc, { id, areaId, text, author, createdAt: serverNow(), ...place });
      return result.ok ? null : result.reason;
    },
    [doc, self, serverNow, privateNotes, placer],
  );
}
