// What the server holds now, read through a fresh stock client: for waiting until writes are stored, not just sent.
import type * as Y from 'yjs';
import { connect } from './clients.ts';
import { waitFor } from './waitFor.ts';

/**
 * Connects a new client with `token`, reads its synced doc with `read`, and disconnects; again until `isDone`.
 * A fresh client sees only what the server accepted and kept, unlike the writer's own doc.
 */
export function waitForServerState<T>(
  wsUrl: string,
  boardId: string,
  token: string,
  read: (doc: Y.Doc) => T,
  isDone: (value: T) => boolean,
): Promise<T> {
  return waitFor(async () => {
    const check = connect(wsUrl, boardId, token);
    try {
      await check.synced();
      return read(check.doc);
    } finally {
      check.destroy();
    }
  }, isDone);
}
