// Rebuilds a board's Y.Doc from what the store holds (snapshot, then the log after it).
import * as Y from 'yjs';
import type { DocLog, StoredDoc } from './DocLog.ts';

/** Applies a stored snapshot and log to `doc` in one transaction. */
export function applyStoredDoc(doc: Y.Doc, stored: StoredDoc): void {
  Y.transact(
    doc,
    () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    },
    'load',
  );
}

export async function loadDocFrom(storage: DocLog, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  applyStoredDoc(doc, await storage.loadDoc(boardId));
  return doc;
}
