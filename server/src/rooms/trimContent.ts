// Yjs decodes the values of each map field (ContentAny) by pushing them into an empty array, which V8 then sizes
// for 17 elements: 152 bytes for one value, where an exact copy takes 24. Every field a room loads from the store
// or receives from a client is decoded so; this keeps exact copies instead.
import * as Y from 'yjs';

/** Replaces the ContentAny arrays of the structs `transaction` added with exact-length copies. */
export function trimAddedContent(transaction: Y.Transaction): void {
  const { clients } = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny)
        struct.content.arr = struct.content.arr.slice();
    }
  }
}
