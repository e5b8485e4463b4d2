// Carries a board's websocket to the server that holds the board, frame by frame, in both directions.
import type { IncomingMessage } from 'node:http';
import WebSocket, { type RawData } from 'ws';
import { FORWARDED_HEADER } from './forwardHttp.ts';

/** Close codes a peer may send on the wire (1005 and 1006 only describe a close, they cannot be sent). */
function sendable(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

/** The holder went away or moved: 1012 (service restart) tells the client to reconnect, which y-websocket does. */
export const MOVED = 1012;

export interface ProxiedSocket {
  readonly target: string;
  /** The token the socket was opened with (the holder checks it; this server re-checks it on a removal or renewal). */
  readonly token: string | null;
  close(code: number, reason: string): void;
}

/**
 * Connects `client` to the same path on `target` and relays every frame; returns a handle for closing it.
 * `extraHeaders`: the person's signed address (see peerAddress.ts), or nothing.
 */
export function proxySocket(
  client: WebSocket,
  req: IncomingMessage,
  target: string,
  options: { maxPayload: number; extraHeaders: Record<string, string>; onClose: () => void },
): ProxiedSocket {
  const { maxPayload, extraHeaders, onClose } = options;
  const url = new URL(req.url ?? '/', target.replace(/^http/, 'ws'));
  const upstream = new WebSocket(url, { maxPayload, headers: { ...extraHeaders, [FORWARDED_HEADER]: '1' } });
  // Frames the client sends before the holder answers are kept, in order.
  const early: RawData[] = [];
  client.on('message', (data, isBinary) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary: isBinary });
    else early.push(data);
  });
  upstream.on('open', () => {
    for (const data of early.splice(0)) upstream.send(data, { binary: true });
  });
  upstream.on('message', (data, isBinary) => {
    if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
  });
  const closeClient = (code: number, reason: string) => {
    if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) client.close(code, reason);
  };
  const closeUpstream = (code: number, reason: string) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.close(sendable(code) ? code : 1000, reason);
    else if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
  };
  // The holder's own close codes (4401 removed, 4403 refused…) reach the client as they are.
  upstream.on('close', (code, reason) => {
    if (sendable(code)) closeClient(code, reason.toString());
    else closeClient(MOVED, 'The board moved to another server; reconnecting.');
  });
  upstream.on('error', () => closeClient(MOVED, 'The server that holds this board is not answering; reconnecting.'));
  client.on('close', (code, reason) => {
    closeUpstream(code, reason.toString());
    onClose();
  });
  client.on('error', () => client.terminate());
  return {
    target,
    token: url.searchParams.get('token'),
    close: (code, reason) => {
      closeClient(code, reason);
      closeUpstream(1001, reason);
    },
  };
}
