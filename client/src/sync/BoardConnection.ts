// One board's live connection: a Y.Doc, its y-websocket provider, the connection status and close handling.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { describeClose } from './closeCodes.ts';
import { AdoptingWebSocket } from './earlySocket.ts';
import { skipEchoEncoding } from './skipEchoEncoding.ts';

/** The offline copy loads at the latest this long after the connection opens, board or not. */
const OFFLINE_COPY_WAIT_MS = 3000;

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'stopped';

/** A message for the person about the connection; `id` changes with every new notice so the UI can re-announce. */
export interface ConnectionNotice {
  id: number;
  text: string;
  tone: 'warning' | 'error';
}

export interface ConnectionSnapshot {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: ConnectionStatus;
  /** True once the doc holds the server's state (after the first sync of this doc). */
  isSynced: boolean;
  notice: ConnectionNotice | null;
  /** Set when the server refused our token: the stored identity must be forgotten. */
  isIdentityInvalid: boolean;
}

export interface BoardConnectionOptions {
  /** ws(s)://host, without a trailing slash. */
  wsBase: string;
  boardId: string;
  token: string;
  /** Names this person's offline copy of the board in IndexedDB (board and participant, never the token). */
  offlineKey: string;
  /** Runs `fn` soon, outside the provider's event dispatch (setTimeout 0 in the browser). */
  defer: (fn: () => void) => void;
  /** Runs `fn` when the page is next idle (or soon, in a browser that does not say). */
  whenIdle: (fn: () => void) => void;
}

/**
 * Owns the doc and provider of one board. On a refused update (4403) it replaces both, so the board loads
 * afresh without the refused change; the snapshot then carries the new doc.
 */
export class BoardConnection {
  private snapshot: ConnectionSnapshot;
  private readonly listeners = new Set<() => void>();
  private noticeCount = 0;
  private isDestroyed = false;
  /** Keeps edits made while offline across reloads; merged with the server on reconnect (and guarded there). */
  private persistence: IndexeddbPersistence | null = null;

  constructor(private readonly options: BoardConnectionOptions) {
    this.snapshot = this.open(null);
  }

  /** For React's useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  dismissNotice(): void {
    this.update({ notice: null });
  }

  destroy(): void {
    this.isDestroyed = true;
    void this.persistence?.destroy();
    this.snapshot.provider.destroy();
    this.snapshot.doc.destroy();
    this.listeners.clear();
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private notice(text: string, tone: ConnectionNotice['tone']): ConnectionNotice {
    this.noticeCount += 1;
    return { id: this.noticeCount, text, tone };
  }

  /**
   * Attaches the offline copy to `doc` once the board has arrived (or the server is found unreachable) and the page
   * is idle: y-indexeddb is its own chunk, so a phone's first load does not carry it, and on a first visit it stores
   * the whole board (encoding it again: 75 ms at 5,000 notes), which would otherwise delay the board's first draw.
   * Stored edits then merge into the doc (and reach the server) as they do on reconnect.
   */
  private keepOffline(doc: Y.Doc, provider: WebsocketProvider): void {
    this.persistence = null;
    // IndexedDB may be missing (private browsing in some browsers): the board then works online only.
    if (typeof indexedDB === 'undefined') return;
    const load = () => {
      import('y-indexeddb')
        .then(({ IndexeddbPersistence }) => {
          if (this.isDestroyed || this.snapshot.doc !== doc) return;
          this.persistence = new IndexeddbPersistence(`scopeboard:${this.options.offlineKey}`, doc);
        })
        // Not downloadable (the network dropped first): this page works online only, as without IndexedDB.
        .catch(() => undefined);
    };
    let isStarted = false;
    const start = () => {
      if (isStarted) return;
      isStarted = true;
      clearTimeout(fallback);
      this.options.whenIdle(load);
    };
    // A server that neither sends the board nor closes (a stalled network) must not keep the offline copy away.
    const fallback = setTimeout(start, OFFLINE_COPY_WAIT_MS);
    provider.on('sync', (isSynced: boolean) => isSynced && start());
    provider.on('connection-close', start);
    provider.on('connection-error', start);
  }

  private open(notice: ConnectionNotice | null): ConnectionSnapshot {
    const { wsBase, boardId, token } = this.options;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${wsBase}/ws`, boardId, doc, {
      params: { token },
      disableBc: true,
      // The first connection takes over the socket the board page opened early (earlySocket.ts).
      WebSocketPolyfill: AdoptingWebSocket,
      // We decide per close code (closeCodes.ts); the default would give up on 4413 and 4429 too.
      shouldReconnect: (event) => describeClose(event.code, event.reason).action === 'retry',
    });
    skipEchoEncoding(provider);
    const isCurrent = () => !this.isDestroyed && this.snapshot.provider === provider;
    provider.on('status', ({ status }) => {
      if (!isCurrent() || this.snapshot.status === 'stopped') return;
      this.update({
        status: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline',
      });
    });
    provider.on('sync', (isSynced: boolean) => {
      if (isCurrent() && isSynced && !this.snapshot.isSynced) this.update({ isSynced: true });
    });
    provider.on('connection-close', (event) => {
      if (!isCurrent()) return;
      if (!event) {
        if (this.snapshot.status !== 'stopped') this.update({ status: 'offline' });
        return;
      }
      const meaning = describeClose(event.code, event.reason);
      const notice = meaning.message
        ? this.notice(meaning.message, meaning.action === 'retry' ? 'warning' : 'error')
        : null;
      if (meaning.action === 'stop') {
        provider.shouldConnect = false;
        this.update({ status: 'stopped', notice, isIdentityInvalid: meaning.isIdentityInvalid });
      } else if (meaning.action === 'reset') {
        // Replace outside the provider's own close handling, which still touches the old provider.
        this.options.defer(() => {
          if (!isCurrent()) return;
          provider.destroy();
          // The offline copy holds the refused change too: clear it before the board loads afresh.
          const cleared = this.persistence?.clearData() ?? Promise.resolve();
          void cleared
            .catch(() => undefined)
            .then(() => {
              doc.destroy();
              if (this.isDestroyed) return;
              this.snapshot = this.open(notice);
              for (const listener of this.listeners) listener();
            });
        });
      } else {
        this.update({ status: 'offline', ...(notice ? { notice } : {}) });
      }
    });
    this.keepOffline(doc, provider);
    return { doc, provider, status: 'connecting', isSynced: false, notice, isIdentityInvalid: false };
  }
}
