// Loads post/noteWrites.ts once, after a posting view's first paint; a write asked for before it arrives waits for it.
import { useEffect, useState } from 'react';

export type NoteWrites = typeof import('./noteWrites.ts');

let loaded: NoteWrites | undefined;
let loading: Promise<NoteWrites> | undefined;

export function loadNoteWrites(): Promise<NoteWrites> {
  loading ??= import('./noteWrites.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      // A failed fetch (the network dropped) is tried again on the next write.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The module once it is here (the write can then happen at once, as before), else undefined. */
export function loadedNoteWrites(): NoteWrites | undefined {
  return loaded;
}

/** What a write answers when its code could not be fetched. */
export const NOT_LOADED = 'That could not be done: part of the page did not load. Check your connection and try again.';

/** The module for a component: undefined until it is here; asking starts the load after the first paint. */
export function useNoteWrites(): NoteWrites | undefined {
  const [writes, setWrites] = useState(loadedNoteWrites);
  useEffect(() => {
    if (!writes) loadNoteWrites().then(setWrites, () => undefined);
  }, [writes]);
  return writes;
}
