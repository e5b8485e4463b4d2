// readBoard for a doc that stays open (a client's): records a transaction did not touch are not parsed again.
import * as Y from 'yjs';
import { readBoard, type Board, type RecordCache } from './readBoard.ts';

export interface BoardReader {
  /** The same board readBoard(doc) gives, parsing only the records changed since the last read. */
  read(): Board;
  destroy(): void;
}

/**
 * Keeps readBoard's parse of each record until a transaction changes that record (or anything inside it).
 * A 20,000-note board re-read after one remote edit then costs the walk over the maps, not 20,000 parses.
 */
export function createBoardReader(doc: Y.Doc): BoardReader {
  let cache: RecordCache = new WeakMap();
  const onTransaction = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      // A change inside a record (or deeper) makes the record's parse stale: forget it and every parent's.
      for (let at: unknown = type; at instanceof Y.AbstractType; at = at._item?.parent) cache.delete(at);
    }
  };
  doc.on('afterTransaction', onTransaction);
  return {
    read: () => readBoard(doc, cache),
    destroy() {
      doc.off('afterTransaction', onTransaction);
      cache = new WeakMap();
    },
  };
}
