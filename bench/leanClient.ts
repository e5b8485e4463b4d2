// A lean load-generator receiver: a raw `ws` socket that is just enough of a peer for each target (sync handshake,
// presence renewals) and finds its notes by scanning update bytes for their ids, without a Y.Doc.
import WebSocket from 'ws';
import type { WireCounters } from './benchClient.ts';
import {
  EMPTY_STEP1,
  EMPTY_STEP2,
  awarenessFrame,
  hocuspocusAuth,
  hocuspocusFrame,
  markerPrefix,
  readIncoming,
  scanNoteMarkers,
} from './leanWire.ts';
import type { WireProtocol } from './targets.ts';

/** As y-protocols renews a local state (every 15 s, checked every 3 s; see server/src/rooms/RoomPresence.ts). */
const RENEWAL_MS = 15_000;

export interface LeanReceiverOptions {
  providerUrl: string;
  room: string;
  token: string | undefined;
  localAddress: string;
  counters: WireCounters;
  protocol: WireProtocol;
  /** The key of the current step: only its notes' ids (`${key}-${n}`) are looked for. */
  currentKey: () => string;
  onRemoteNote: (noteId: string, at: number) => void;
  now: () => number;
}

export interface LeanReceiver {
  closes: number[];
  synced(timeoutMs: number): Promise<void>;
  destroy(): void;
}

/**
 * Opens the socket at the url a stock provider would use, sends what a stock provider sends on open (Hocuspocus's
 * token first; sync step 1; its presence `{}`), answers the server's step 1 with an empty step 2, renews its
 * presence every 15 s, and does not echo other peers' presence (a stock provider does). Synced once the answer to
 * its step 1 arrives, as a provider is.
 */
export function openLeanReceiver(options: LeanReceiverOptions): LeanReceiver {
  const { protocol, room, counters } = options;
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const socket = new WebSocket(`${options.providerUrl}/${room}${query}`, { localAddress: options.localAddress });
  const frame = (message: Uint8Array) => (protocol === 'hocuspocus' ? hocuspocusFrame(room, message) : message);
  const clientId = Math.floor(Math.random() * 0xffffffff);
  let clock = 0;
  let renewal: ReturnType<typeof setInterval> | undefined;
  let isSynced = false;
  let onSynced: (() => void) | undefined;
  let onClosedEarly: ((code: number) => void) | undefined;
  let isDestroyed = false;
  const closes: number[] = [];
  /** Notes of the current step already seen here (a note's id can come twice: key and field, or a resend). */
  let seenKey = '';
  let prefix = Buffer.alloc(0);
  let seen = new Set<number>();

  const send = (message: Uint8Array, isAwareness = false) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    const bytes = frame(message);
    if (isAwareness) counters.awarenessOut += bytes.byteLength;
    else {
      counters.syncOut += bytes.byteLength;
      counters.syncOutFrames++;
    }
    socket.send(bytes);
  };

  socket.on('open', () => {
    if (protocol === 'hocuspocus') socket.send(hocuspocusAuth(room));
    send(EMPTY_STEP1);
    send(awarenessFrame(clientId, clock), true);
    renewal = setInterval(() => send(awarenessFrame(clientId, ++clock), true), RENEWAL_MS);
    renewal.unref();
  });
  socket.on('message', (data: Buffer) => {
    const at = options.now();
    const incoming = readIncoming(data, protocol);
    if (incoming.kind === 'other') {
      counters.awarenessIn += data.byteLength;
      return;
    }
    counters.syncIn += data.byteLength;
    counters.syncInFrames++;
    if (incoming.kind === 'step1') {
      send(EMPTY_STEP2);
      return;
    }
    const key = options.currentKey();
    if (key !== seenKey) {
      seenKey = key;
      prefix = markerPrefix(key);
      seen = new Set();
    }
    if (key)
      for (const n of scanNoteMarkers(data, prefix, incoming.from)) {
        if (seen.has(n)) continue;
        seen.add(n);
        options.onRemoteNote(`${key}-${n}`, at);
      }
    if (incoming.kind === 'step2' && !isSynced) {
      isSynced = true;
      onSynced?.();
    }
  });
  socket.on('close', (code: number) => {
    clearInterval(renewal);
    if (!isDestroyed) closes.push(code);
    if (!isSynced) onClosedEarly?.(code);
  });
  socket.on('error', () => undefined);

  return {
    closes,
    synced: (timeoutMs) =>
      isSynced
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`lean receiver of ${room} not synced (closes: ${closes.join(',')})`)),
              timeoutMs,
            );
            onSynced = () => {
              clearTimeout(timer);
              resolve();
            };
            onClosedEarly = (code) => {
              clearTimeout(timer);
              reject(new Error(`lean receiver of ${room} closed (${code}) before it synced`));
            };
          }),
    destroy: () => {
      isDestroyed = true;
      clearInterval(renewal);
      socket.terminate();
    },
  };
}
