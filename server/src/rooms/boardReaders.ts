// One cached board reader per loaded doc, made on the first full read (an export, a carry-forward): a second export
// of a 20,000-note board parses only the records changed since the first. A doc never read whole pays nothing.
import type * as Y from 'yjs';
import { createBoardReader, type BoardReader } from '@shared/doc/boardReader.ts';
import type { Board } from '@shared/doc/readBoard.ts';

// Keyed by the doc: when a room unloads, its doc, the reader's listener on it and the cached parses go together.
const readers = new WeakMap<Y.Doc, BoardReader>();

/** readBoard(doc), from the doc's cached reader. */
export function readWholeBoard(doc: Y.Doc): Board {
  let reader = readers.get(doc);
  if (!reader) {
    reader = createBoardReader(doc);
    readers.set(doc, reader);
  }
  return reader.read();
}
