// Similar-note suggestions for the board, computed off the typing and dragging path and only when notes change.
import { useDeferredValue, useMemo, useState } from 'react';
import type { Note } from '@shared/model/Note.ts';
import type { TextProfile } from '@shared/similarity/compareTexts.ts';
import { findSimilarNotes, type SimilarPair } from '@shared/similarity/findSimilarNotes.ts';

/** At most this many hints at once: more would be noise, not help. */
const MAX_SUGGESTIONS = 8;

export function useSuggestions(notes: Note[], isEnabled: boolean): SimilarPair[] {
  // Profiles are kept per text across renders, so a new note costs one profile and n comparisons.
  const [profiles] = useState(() => new Map<string, TextProfile>());
  // React renders the deferred value in the background: dragging and typing stay smooth on big boards.
  const deferred = useDeferredValue(notes);
  return useMemo(() => {
    if (!isEnabled) return [];
    if (profiles.size > 4 * deferred.length + 100) profiles.clear();
    return findSimilarNotes(deferred, { profiles, limit: MAX_SUGGESTIONS * 3 });
  }, [deferred, isEnabled, profiles]);
}
