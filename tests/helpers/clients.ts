// Stock y-websocket clients for tests: a Y.Doc connected to the real server, and waits on its state.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events seen, newest last. */
  closes: { code: number; reason: string }[];
  synced(): Promise<void>;
  destroy(): void;
}

/** Connects like a browser would: `new WebsocketProvider(serverUrl + '/ws', boardId, doc, { params: { token } })`. */
export function connect(
  wsUrl: string,
  boardId: string,
  token: string,
  options: { connect?: boolean } = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/ws`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  });
  const closes: TestClient['closes'] = [];
  provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    synced: () => whenSynced(provider),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider holds the server's state; rejects after `timeoutMs` (with `describe()` in the error) if given. */
export function whenSynced(
  provider: WebsocketProvider,
  timeoutMs?: number,
  describe: () => string = () => '',
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            provider.off('sync', onSync);
            reject(new Error(`not synced after ${timeoutMs} ms ${describe()}`.trim()));
          }, timeoutMs);
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Opens a raw websocket and resolves with its close code and reason. */
export function rawClose(url: string, send?: (socket: WebSocket) => void): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => send?.(socket));
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}
