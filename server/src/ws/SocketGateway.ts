// The websocket endpoint /ws/<boardId>?token=…: authenticates, enforces limits, and bridges sockets to rooms.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { Limits } from '../config.ts';
import type { Logger } from '../log.ts';
import type { BoardService } from '../boards/BoardService.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import type { Room } from '../rooms/Room.ts';
import { CLOSE, type Peer } from '../rooms/Peer.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { TokenBucket } from './TokenBucket.ts';
import { DamagedBoardError } from '../storage/Storage.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { frameOf, WHOLE_FRAME_MAX_BYTES } from './wireFrame.ts';

const BOARD_PATH = /^\/ws\/([A-Za-z0-9_-]{1,64})$/;
const PING_INTERVAL_MS = 30_000;
/** A peer that does not answer our close frame within this long is cut off (it must not linger, or keep writing). */
const CLOSE_GRACE_MS = 2_000;

/** One options object for frames sent through ws (binary; no compression is negotiated, so none is tried). */
const SEND_OPTIONS = { binary: true, compress: false } as const;

/** Sockets the server closed on purpose: whatever they send afterwards is dropped unread. */
const closedOnPurpose = new WeakSet<WebSocket>();

function closeOnPurpose(socket: WebSocket, code: number, reason: string): void {
  if (closedOnPurpose.has(socket)) return;
  closedOnPurpose.add(socket);
  if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
  setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
}

class SocketPeer implements Peer {
  constructor(
    private readonly socket: WebSocket,
    /** The TCP socket under `socket` (what `ws` writes to): whole frames are written to it directly. */
    private readonly raw: Duplex,
    readonly actor: Actor,
    private readonly maxBufferedBytes: number,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  get isClosedByServer(): boolean {
    return closedOnPurpose.has(this.socket);
  }

  send(data: Uint8Array): void {
    // A failed write makes the TCP socket emit 'error', and ws then leaves OPEN (as soon as a write callback
    // would have told us), as it does when the socket ends or closes: later frames are not even tried.
    if (!this.isOpen || this.isClosedByServer) return;
    // A socket that stopped reading would pin every frame broadcast after it stalled; cut it off instead. Frames
    // written directly wait in the same stream buffer as ws's own, so `bufferedAmount` counts them.
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CLOSE.tooSlow, 'This connection is too slow to keep up with the board. Reconnecting…');
      return;
    }
    if (data.length > WHOLE_FRAME_MAX_BYTES) this.socket.send(data, SEND_OPTIONS);
    // ws's sender writes each frame at once when it is neither compressing nor reading a blob; no deflate is
    // negotiated and we send no blobs, so it never queues, and a frame written here lands in order with its own
    // (pongs, close frames). A close frame moves readyState off OPEN, so nothing is written after it.
    else this.raw.write(frameOf(data));
  }

  close(code: number, reason: string): void {
    closeOnPurpose(this.socket, code, reason);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface GatewayDeps {
  boards: BoardService;
  /** Whether an upgrade request comes from an origin allowed to open sockets (see http/originCheck.ts). */
  isAllowedOrigin: (req: IncomingMessage) => boolean;
  registry: RoomRegistry;
  limits: Limits;
  log: Logger;
  now: () => number;
}

export class SocketGateway {
  private readonly wss: WebSocketServer;
  private readonly perAddress = new Map<string, number>();
  private readonly perBoard = new Map<string, number>();
  /** Keyed by board and participant: one token may not take every slot of a board. */
  private readonly perParticipant = new Map<string, number>();
  private readonly stopPing: () => void;
  /** Sockets that answered the last ping (or have not been pinged yet). */
  private readonly alive = new WeakSet<WebSocket>();
  /** Sockets that sent a message since the last ping round. */
  private readonly spoke = new WeakSet<WebSocket>();

  constructor(private readonly deps: GatewayDeps) {
    // ws's own cap is a backstop well above our limit, so oversized frames get our 4413 rather than a bare 1009.
    // No permessage-deflate (ws's default, said here because SocketPeer writes whole frames past ws's sender).
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.limits.maxMessageBytes * 4,
      perMessageDeflate: false,
    });
    const { alive, spoke } = this;
    // One listener for every socket (ws calls it with the socket as `this`), not one closure per socket.
    function onPong(this: WebSocket): void {
      alive.add(this);
    }
    this.wss.on('connection', (socket) => {
      alive.add(socket);
      socket.on('pong', onPong);
    });
    const timer = setInterval(() => {
      for (const socket of this.wss.clients) {
        // A socket that sent a message since the last round is alive: no ping (y-websocket clients renew their
        // presence every 15 s, so most sockets are never pinged). Otherwise: ping, and cut off if it did not answer.
        if (spoke.has(socket)) {
          spoke.delete(socket);
          alive.add(socket);
        } else if (!alive.has(socket)) socket.terminate();
        else {
          alive.delete(socket);
          socket.ping();
        }
      }
    }, PING_INTERVAL_MS);
    timer.unref();
    this.stopPing = () => clearInterval(timer);
  }

  /** Handles an HTTP upgrade; sockets on other paths are refused. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = BOARD_PATH.exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    if (!this.deps.isAllowedOrigin(req)) {
      const text = 'This board can only be opened from its own site.';
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.wss.emit('connection', ws, req);
      void this.accept(ws, socket, match[1]!, url.searchParams.get('token'), clientAddress(req));
    });
  }

  private async accept(
    socket: WebSocket,
    raw: Duplex,
    boardId: string,
    token: string | null,
    address: string,
  ): Promise<void> {
    const { limits, log } = this.deps;
    // Frames that arrive while we authenticate and load are kept, in order, and handled once the room is ready.
    const early: Uint8Array[] = [];
    let deliver: ((data: Uint8Array) => void) | undefined;
    const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, this.deps.now);
    const { spoke } = this;
    socket.on('message', (data: RawData) => {
      if (closedOnPurpose.has(socket)) return;
      spoke.add(socket);
      const bytes = toBytes(data);
      if (bytes.length > limits.maxMessageBytes) {
        closeOnPurpose(socket, CLOSE.tooLarge, `Message too large (limit ${limits.maxMessageBytes} bytes).`);
        return;
      }
      if (!bucket.take()) {
        closeOnPurpose(socket, CLOSE.tooMany, 'Too many messages; slow down.');
        return;
      }
      if (deliver) deliver(bytes);
      else early.push(bytes);
    });
    socket.on('error', () => socket.terminate());

    if ((this.perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) {
      closeOnPurpose(socket, CLOSE.tooManyConnections, 'Too many connections from this address.');
      return;
    }
    this.count(this.perAddress, address, +1);
    let room: Room | undefined;
    let peer: SocketPeer | undefined;
    let counted: string | undefined;
    socket.on('close', () => {
      this.count(this.perAddress, address, -1);
      if (counted !== undefined) {
        this.count(this.perBoard, boardId, -1);
        this.count(this.perParticipant, counted, -1);
      }
      if (room && peer) {
        room.detach(peer);
        this.deps.registry.release(boardId, room);
      }
    });

    try {
      const board = await this.deps.boards.getBoard(boardId).catch(() => undefined);
      if (!board) return closeOnPurpose(socket, CLOSE.unknownBoard, 'This board does not exist.');
      // The stored id, not the request's: that is a slice of the URL, which it would keep alive (token included) for
      // as long as the socket stays open, through the close handler and the connection counts.
      boardId = board.boardId;
      const actor = await this.deps.boards.authenticate(boardId, token);
      if (!actor)
        return closeOnPurpose(socket, CLOSE.badToken, 'This link is not valid (renewed, or you were removed).');
      const participantKey = `${boardId}/${actor.participantId}`;
      // The facilitator is always admitted, so a crowd (or one greedy token) can never lock them out.
      if (actor.role !== 'facilitator') {
        if ((this.perBoard.get(boardId) ?? 0) >= limits.maxConnectionsPerBoard) {
          return closeOnPurpose(socket, CLOSE.tooManyConnections, 'This board has too many connections.');
        }
        if ((this.perParticipant.get(participantKey) ?? 0) >= limits.maxConnectionsPerParticipant) {
          return closeOnPurpose(
            socket,
            CLOSE.tooManyConnections,
            `This link is already open in ${limits.maxConnectionsPerParticipant} places. Close one of them first.`,
          );
        }
      }
      if (socket.readyState !== socket.OPEN && early.length === 0) return;
      this.count(this.perBoard, boardId, +1);
      this.count(this.perParticipant, participantKey, +1);
      counted = participantKey;
      const loaded = await this.deps.registry.acquire(boardId);
      const connected = new SocketPeer(socket, raw, actor, limits.maxSendBufferBytes);
      if (socket.readyState !== socket.OPEN) {
        // Closed while we authenticated or loaded: the changes it sent before closing still count.
        await Promise.all(early.splice(0).map((data) => loaded.receive(connected, data)));
        this.deps.registry.release(boardId, loaded);
        return;
      }
      room = loaded;
      peer = connected;
      await room.attach(connected);
      deliver = (data) => void loaded.receive(connected, data);
      for (const data of early.splice(0)) deliver(data);
    } catch (error) {
      log.error('connection failed', { boardId, error: (error as Error).message });
      closeOnPurpose(
        socket,
        CLOSE.serverError,
        error instanceof DamagedBoardError
          ? 'This board’s saved data is damaged. Ask whoever runs the server to restore it.'
          : 'The board could not be opened. Please try again.',
      );
    }
  }

  private count(map: Map<string, number>, key: string, delta: number): void {
    const value = (map.get(key) ?? 0) + delta;
    if (value <= 0) map.delete(key);
    else map.set(key, value);
  }

  get connectionCount(): number {
    return this.wss.clients.size;
  }

  /** Closes every socket (graceful shutdown: clients reconnect to the next server). */
  close(): void {
    this.stopPing();
    for (const socket of this.wss.clients) closeOnPurpose(socket, CLOSE.goingAway, 'The server is restarting.');
    this.wss.close();
  }
}
