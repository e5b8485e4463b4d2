// The provider's own 'update' handler sends local changes to the server and drops the ones it applied itself
// (their origin is the provider). Yet while any 'update' listener is on the doc, Yjs encodes every transaction
// again to hand it over: the 5,000-note board's first sync was re-encoded (70-80 ms of a cold join's main thread)
// only to be dropped. So the handler is off the doc while a sync message from the server is read.
import type * as Y from 'yjs';
import { messageSync, type WebsocketProvider } from 'y-websocket';

/** Wraps `provider`'s sync message handler so that applying the server's updates does not encode them again. */
export function skipEchoEncoding(provider: WebsocketProvider): void {
  const { doc } = provider;
  const readSync = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (...args) => {
    const handler = provider._updateHandler;
    let isOff = true;
    const putBack = () => {
      if (!isOff) return;
      isOff = false;
      doc.on('update', handler);
    };
    // A transaction of another origin inside this read (none today: no observer writes) is a local change: the
    // handler is back before that transaction's update is emitted, so it reaches the server as usual.
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.origin !== provider) putBack();
    };
    doc.off('update', handler);
    doc.on('beforeTransaction', onTransaction);
    try {
      readSync(...args);
    } finally {
      doc.off('beforeTransaction', onTransaction);
      putBack();
    }
  };
}
