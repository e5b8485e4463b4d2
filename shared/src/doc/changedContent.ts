// Whether a Yjs transaction changed the doc, read from the transaction alone: listeners that only need to know
// use 'afterTransaction' with this, since an 'update' listener makes Yjs encode every transaction for it.
import type * as Y from 'yjs';

/** Whether `transaction` added or deleted anything: when Yjs would emit an 'update' for it. */
export function changedContent(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState)
    if ((transaction.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}
