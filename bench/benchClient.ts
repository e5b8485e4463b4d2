// One load-generator client: a Y.Doc behind a stock y-websocket provider, a counting socket, and note arrival times.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import type { Author } from '@shared/doc/ops.ts';
import { whenSynced } from '../tests/helpers/clients.ts';
import type { WireProtocol } from './targets.ts';
import { HOCUSPOCUS_SYNC_REPLY, hocuspocusAuth, hocuspocusFrame } from './leanWire.ts';

/** Bytes and frames on the wire, split by y-websocket message type (0 sync, 1 awareness). */
export interface WireCounters {
  syncIn: number;
  syncInFrames: number;
  syncOut: number;
  syncOutFrames: number;
  awarenessIn: number;
  awarenessOut: number;
}

export function newCounters(): WireCounters {
  return { syncIn: 0, syncInFrames: 0, syncOut: 0, syncOutFrames: 0, awarenessIn: 0, awarenessOut: 0 };
}

function byteLength(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part: Buffer) => sum + part.byteLength, 0);
  return 0;
}

function firstByte(data: unknown): number | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)[0];
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, 1)[0];
  return undefined;
}

/** The y-websocket message inside a Hocuspocus frame, or undefined for the frames the stock provider has no use for. */
function unwrapHocuspocus(data: ArrayBuffer): ArrayBuffer | undefined {
  const decoder = decoding.createDecoder(new Uint8Array(data));
  decoding.readVarString(decoder);
  const start = decoder.pos;
  const type = decoding.readVarUint(decoder);
  // SyncReply is a Sync message that asks for no step 1 back; Auth, SyncStatus and stateless frames are dropped.
  if (type > 1 && type !== 3 && type !== HOCUSPOCUS_SYNC_REPLY) return undefined;
  const message = new Uint8Array(data.slice(start));
  if (type === HOCUSPOCUS_SYNC_REPLY) message[0] = 0;
  return message.buffer;
}

/**
 * Makes a `ws` socket speak Hocuspocus to the stock provider: a token message first (Hocuspocus queues
 * everything until one arrives, even without an onAuthenticate hook), the room name before every frame out,
 * and the frames in unwrapped before the provider's onmessage sees them.
 */
function adaptToHocuspocus(socket: WebSocket, room: string, send: (data: Uint8Array) => void): void {
  socket.on('open', () => send(hocuspocusAuth(room)));
  const accessor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
  Object.defineProperty(socket, 'onmessage', {
    get: () => accessor.get!.call(socket),
    set: (handler: ((event: { data: unknown }) => void) | null) => {
      accessor.set!.call(
        socket,
        handler &&
          ((event: { data: unknown }) => {
            const message = event.data instanceof ArrayBuffer ? unwrapHocuspocus(event.data) : undefined;
            if (message) handler({ data: message });
          }),
      );
    },
  });
}

/**
 * A `ws` WebSocket class for the provider that binds to a chosen loopback source address (so 2,000 sockets
 * spread over many addresses, as real rooms do, instead of tripping the per-address cap) and counts bytes.
 */
export function countingSocket(
  localAddress: string,
  counters: WireCounters,
  protocol: WireProtocol = 'y-websocket',
  room = '',
): typeof globalThis.WebSocket {
  const isHocuspocus = protocol === 'hocuspocus';
  class CountingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
      if (isHocuspocus) adaptToHocuspocus(this, room, (data) => super.send(data));
      this.on('message', (data: unknown) => {
        const size = byteLength(data);
        // Counted by message type as y-websocket numbers them (Hocuspocus frames: after the room name).
        if (isHocuspocus) {
          if (
            ArrayBuffer.isView(data) &&
            data.byteLength > room.length + 1 &&
            new Uint8Array(data.buffer, data.byteOffset)[room.length + 1] === 1
          )
            counters.awarenessIn += size;
          else counters.syncIn += size;
          return;
        }
        if (firstByte(data) === 1) counters.awarenessIn += size;
        else {
          counters.syncIn += size;
          counters.syncInFrames++;
        }
      });
    }

    override send(data: any, ...rest: any[]): void {
      const size = byteLength(data);
      if (firstByte(data) === 1) counters.awarenessOut += size;
      else {
        counters.syncOut += size;
        counters.syncOutFrames++;
      }
      const framed = isHocuspocus ? hocuspocusFrame(room, new Uint8Array(data as ArrayBuffer)) : data;
      (super.send as (...args: unknown[]) => void)(framed, ...rest);
    }
  }
  return CountingSocket as unknown as typeof globalThis.WebSocket;
}

export interface BenchClientOptions {
  providerUrl: string;
  room: string;
  token: string | undefined;
  author: Author;
  localAddress: string;
  counters: WireCounters;
  /** The target's wire protocol (default y-websocket). */
  protocol?: WireProtocol;
  /** Board state applied before connecting (for servers that do not create boards themselves). */
  seed: Uint8Array | undefined;
  /** Called with each note id that arrives from the server, and when. */
  onRemoteNote: (noteId: string, at: number) => void;
  now: () => number;
}

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  author: Author;
  closes: number[];
  synced(timeoutMs: number): Promise<void>;
  destroy(): void;
}

export function openBenchClient(options: BenchClientOptions): BenchClient {
  const doc = new Y.Doc();
  if (options.seed) Y.applyUpdate(doc, options.seed, 'seed');
  // Observers run synchronously inside applyUpdate, so this is the moment the client holds the note.
  boardMaps(doc).notes.observe((event) => {
    if (event.transaction.local) return;
    const at = options.now();
    for (const [key, change] of event.changes.keys) if (change.action === 'add') options.onRemoteNote(key, at);
  });
  const provider = new WebsocketProvider(options.providerUrl, options.room, doc, {
    params: options.token ? { token: options.token } : {},
    WebSocketPolyfill: countingSocket(options.localAddress, options.counters, options.protocol, options.room),
    disableBc: true,
    maxBackoffTime: 1000,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event: { code: number } | null) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    author: options.author,
    closes,
    synced: (timeoutMs) =>
      whenSynced(provider, timeoutMs, () => `(client of ${options.room}; closes: ${closes.join(',')})`),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
