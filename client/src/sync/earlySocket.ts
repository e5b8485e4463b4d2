// The board's websocket, opened as soon as the page knows its token (before /me answers and before Yjs and the
// provider have downloaded), so the server authenticates, loads the room and sends the board while the page's code
// is still arriving. The provider adopts it (through its WebSocketPolyfill option) and replays what it missed.
// No Yjs here: this module is in the board page's first chunk.

/** Sync step 1 with the state vector of an empty doc (y-protocols: messageSync 0, step 1 0, one-byte vector [0]). */
const EMPTY_SYNC_STEP_1 = new Uint8Array([0, 0, 1, 0]);
/** WebSocket's readyState values, spelled out so this module loads where WebSocket is not defined (Node tests). */
const READY = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;
/** A socket nobody adopted by then (the page never got to the board) is closed. */
const UNADOPTED_MS = 30_000;

type Queued =
  | { type: 'open'; event: Event }
  | { type: 'message'; event: MessageEvent }
  | { type: 'error'; event: Event }
  | { type: 'close'; event: CloseEvent };

interface Handlers {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
}

/** The websocket base for this page: same host, ws or wss to match http or https. */
export function wsBaseFor(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** The board's websocket URL, exactly as y-websocket builds it for `${wsBase}/ws` and `{ token }`. */
export function boardSocketUrl(wsBase: string, boardId: string, token: string): string {
  return `${wsBase}/ws/${boardId}?token=${encodeURIComponent(token)}`;
}

class EarlySocket {
  readonly socket: WebSocket;
  private queue: Queued[] = [];
  private adopter: Handlers | null = null;
  private readonly expiry: number;

  constructor(readonly url: string) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = (event) => {
      // Ask for the whole board at once: the provider's doc is empty when it adopts the socket, so its own
      // step 1 would be these same bytes (AdoptedSocket drops that one).
      this.socket.send(EMPTY_SYNC_STEP_1);
      this.handle({ type: 'open', event });
    };
    this.socket.onmessage = (event: MessageEvent) => this.handle({ type: 'message', event });
    this.socket.onerror = (event) => this.handle({ type: 'error', event });
    this.socket.onclose = (event) => this.handle({ type: 'close', event });
    this.expiry = window.setTimeout(() => {
      if (this.adopter === null) discardEarlySocket();
    }, UNADOPTED_MS);
  }

  /** Hands every event so far, then every later one, to `handlers`; after the caller has set them. */
  adopt(handlers: Handlers): void {
    this.adopter = handlers;
    window.clearTimeout(this.expiry);
    queueMicrotask(() => {
      for (const queued of this.queue.splice(0)) this.deliver(queued);
    });
  }

  close(): void {
    window.clearTimeout(this.expiry);
    this.socket.close();
  }

  private handle(queued: Queued): void {
    // Until the adopter's replay has run, events wait in order behind the ones before them.
    if (this.adopter === null || this.queue.length > 0) this.queue.push(queued);
    else this.deliver(queued);
  }

  private deliver(queued: Queued): void {
    const handlers = this.adopter!;
    if (queued.type === 'open') handlers.onopen?.(queued.event);
    else if (queued.type === 'message') handlers.onmessage?.(queued.event);
    else if (queued.type === 'error') handlers.onerror?.(queued.event);
    else handlers.onclose?.(queued.event);
  }
}

let early: EarlySocket | null = null;

/** Opens the board's socket now, unless one for the same address is open already. */
export function openEarlySocket(wsBase: string, boardId: string, token: string): void {
  const url = boardSocketUrl(wsBase, boardId, token);
  if (typeof WebSocket === 'undefined' || early?.url === url) return;
  discardEarlySocket();
  early = new EarlySocket(url);
}

/** Closes a socket opened early that no provider took (the token failed, the board is gone, the person left). */
export function discardEarlySocket(): void {
  early?.close();
  early = null;
}

/** For y-websocket's WebSocketPolyfill option: `new AdoptingWebSocket(url)` is `adoptOrOpen(url)`. */
export const AdoptingWebSocket = function AdoptingWebSocket(url: string) {
  return adoptOrOpen(url);
} as unknown as typeof WebSocket;

/**
 * What the provider gets in place of `new WebSocket(url)`: the socket opened early for that address, if it is
 * there and not closing, else a new one. Only the first connection can adopt; reconnects open their own.
 */
export function adoptOrOpen(url: string): WebSocket {
  const found = early;
  early = null;
  if (found === null || found.url !== url || found.socket.readyState >= READY.CLOSING) {
    found?.close();
    return new WebSocket(url);
  }
  return new AdoptedSocket(found) as unknown as WebSocket;
}

/** The part of WebSocket that y-websocket uses, over a socket that was already opening. */
class AdoptedSocket implements Handlers {
  static readonly CONNECTING = READY.CONNECTING;
  static readonly OPEN = READY.OPEN;
  static readonly CLOSING = READY.CLOSING;
  static readonly CLOSED = READY.CLOSED;
  readonly CONNECTING = READY.CONNECTING;
  readonly OPEN = READY.OPEN;
  readonly CLOSING = READY.CLOSING;
  readonly CLOSED = READY.CLOSED;
  onopen: Handlers['onopen'] = null;
  onmessage: Handlers['onmessage'] = null;
  onerror: Handlers['onerror'] = null;
  onclose: Handlers['onclose'] = null;
  /** Always 'arraybuffer' (set when the socket opened); y-websocket sets the same. */
  binaryType: BinaryType = 'arraybuffer';
  private hasSent = false;

  constructor(private readonly early: EarlySocket) {
    // y-websocket sets its handlers right after construction, in the same turn: the replay comes after.
    early.adopt(this);
  }

  get readyState(): number {
    return this.early.socket.readyState;
  }

  get url(): string {
    return this.early.url;
  }

  send(data: Uint8Array | ArrayBuffer): void {
    const isFirst = !this.hasSent;
    this.hasSent = true;
    // The early socket already asked for the whole board with this very message.
    if (isFirst && sameBytes(data, EMPTY_SYNC_STEP_1)) return;
    this.early.socket.send(data);
  }

  close(code?: number, reason?: string): void {
    this.early.socket.close(code, reason);
  }
}

function sameBytes(data: Uint8Array | ArrayBuffer, expected: Uint8Array): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return bytes.length === expected.length && bytes.every((b, i) => b === expected[i]);
}
