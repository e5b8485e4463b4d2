// Counts the live notes of each room doc in O(1) per read: Y.Map#size walks every entry in yjs 13.
import type * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';

/**
 * A counter per doc: counted once on first use, then kept exact by an observer on the notes map
 * (yjs reports each key as added, updated or deleted after every transaction, whoever wrote it).
 * Docs are held weakly, so a room's doc that is dropped takes its count with it.
 */
export function createLiveNoteCounter(): (doc: Y.Doc) => number {
  const counts = new WeakMap<Y.Doc, { live: number }>();
  return (doc) => {
    const known = counts.get(doc);
    if (known) return known.live;
    const notes = boardMaps(doc).notes;
    const count = { live: notes.size };
    notes.observe((event) => {
      event.changes.keys.forEach((change) => {
        if (change.action === 'add') count.live++;
        else if (change.action === 'delete') count.live--;
      });
    });
    counts.set(doc, count);
    return count.live;
  };
}
