// One server among many: holds board leases, serves the boards it holds, and passes everything else to their holder.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import type { Actor } from '@shared/rules/Change.ts';
import type { Logger } from '../log.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import type { EpochFence } from '../storage/PostgresStorage.ts';
import { HttpError } from '../boards/errors.ts';
import type { BoardEvent, BoardEvents } from '../boards/boardEvents.ts';
import { clientAddress, setVouchedAddress } from '../http/clientAddress.ts';
import { Leases } from './Leases.ts';
import { ControlChannel, boardEventOf, type ControlMessage } from './ControlChannel.ts';
import { FORWARDED_HEADER, forwardHttp } from './forwardHttp.ts';
import { MOVED, proxySocket, type ProxiedSocket } from './proxySocket.ts';
import { addressHeaders, vouchedAddress } from './peerAddress.ts';
import { applyAccessEvent } from './accessEvents.ts';
import { defaultAdvertiseUrl, type ClusterConfig } from './clusterConfig.ts';

const BOARD_API = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})(?:\/|$)/;
const BOARD_SOCKET = /^\/ws\/([A-Za-z0-9_-]{1,64})$/;

/** What the app needs from a cluster: a say over each request and upgrade, a start once listening, and a stop. */
export interface ClusterSeam {
  /** True when the request was passed to the board's holder (and answered). */
  handleRequest(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean>;
  /** Serves the upgrade here through `local`, or proxies it to the board's holder. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, local: () => void): void;
  start(address: AddressInfo): Promise<void>;
  /** Websockets proxied from here to holders elsewhere. */
  readonly proxiedCount: number;
  readonly leases: Leases;
  close(): Promise<void>;
}

export interface ClusterDeps {
  config: ClusterConfig;
  host: string;
  registry: RoomRegistry;
  fence: EpochFence;
  log: Logger;
  maxMessageBytes: number;
  /** This server's board events, published to the others; theirs are re-emitted here. */
  events: BoardEvents;
  /** Whether a token still works on a board (checked again for proxied sockets on a removal). */
  authenticate: (boardId: string, token: string | null) => Promise<Actor | undefined>;
  /** The session clocks: a board's deadline timer stops here when another server takes the board. */
  sessions: { disarm(boardId: string): void };
}

const unavailable = () =>
  new HttpError(503, 'board_elsewhere', 'This board is being moved between servers. Please try again in a moment.');

export class Cluster implements ClusterSeam {
  readonly serverId = randomBytes(8).toString('hex');
  readonly leases: Leases;
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly control: ControlChannel;
  private readonly wss: WebSocketServer;
  private readonly proxies = new Map<string, Set<ProxiedSocket>>();
  private advertiseUrl: string;
  private readonly watchTimer: NodeJS.Timeout;
  private readonly stopEvents: () => void;

  constructor(private readonly deps: ClusterDeps) {
    const { config, registry, log } = deps;
    this.advertiseUrl = config.advertiseUrl ?? '';
    // Fail fast while Redis is away (no offline queue): a renewal that cannot reach Redis must not wait for it.
    const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 200 };
    this.redis = new Redis(config.redisUrl, options);
    this.subscriber = new Redis(config.redisUrl, { ...options, enableOfflineQueue: true });
    for (const client of [this.redis, this.subscriber]) client.on('error', () => undefined);
    this.control = new ControlChannel(this.redis, this.subscriber);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes * 4 });
    this.leases = new Leases(this.redis, deps.fence, {
      serverId: this.serverId,
      advertiseUrl: () => this.advertiseUrl,
      ttlMs: config.leaseTtlMs,
      isInUse: (boardId) => registry.has(boardId),
      onLost: (boardId) => {
        // No stale deadline may fire here: the new holder re-arms the clock when it loads the board.
        deps.sessions.disarm(boardId);
        registry.drop(boardId);
      },
      onClaimed: (boardId) => {
        this.closeProxies(boardId, undefined);
        this.control.publish({ type: 'claimed', boardId, serverId: this.serverId, url: this.advertiseUrl });
      },
      log,
    });
    // A holder that stops answering (paused, or its network gone) is noticed here, not only by new connections.
    this.watchTimer = setInterval(() => void this.watchProxies(), Math.max(100, Math.floor(config.leaseTtlMs / 3)));
    this.watchTimer.unref();
    this.stopEvents = deps.events.on((event, { isRemote }) => {
      if (isRemote) return;
      this.applyBoardEvent(event);
      this.control.publish({ ...event, from: this.serverId });
    });
    registry.leases = {
      claim: async (boardId) => {
        if (!(await this.leases.claim(boardId))) throw unavailable();
      },
      release: (boardId) => this.leases.release(boardId),
    };
  }

  async start(address: AddressInfo): Promise<void> {
    if (!this.advertiseUrl) this.advertiseUrl = defaultAdvertiseUrl(this.deps.host, address.port);
    try {
      await Promise.all([this.redis.connect(), this.subscriber.connect()]);
    } catch (error) {
      throw new Error(`Redis at REDIS_URL cannot be reached: ${(error as Error).message}`, { cause: error });
    }
    await this.control.listen((message) => this.onControl(message));
    this.deps.log.info('cluster member', { serverId: this.serverId, advertiseUrl: this.advertiseUrl });
    if (!this.deps.config.clusterSecret)
      this.deps.log.warn(
        'CLUSTER_SECRET is not set: joins and sockets passed on by another server count against that server’s address (see docs/deploy.md)',
      );
  }

  private onControl(message: ControlMessage): void {
    if (message.type === 'claimed') {
      if (message.serverId === this.serverId) return;
      // Sockets proxied to the previous holder (dead or paused) reconnect and reach the new one.
      this.closeProxies(message.boardId, message.url);
      this.leases.lose(message.boardId, 'another server took it');
      // Also when the board was idle here (lease given back, clock still armed): its clock runs on the new holder.
      this.deps.sessions.disarm(message.boardId);
      return;
    }
    if (message.from === this.serverId) return;
    const event = boardEventOf(message);
    this.applyBoardEvent(event);
    this.deps.events.emit(event, { isRemote: true });
  }

  private applyBoardEvent(event: BoardEvent): void {
    const deps = {
      registry: this.deps.registry,
      proxiesOf: (boardId: string) => this.proxies.get(boardId) ?? [],
      authenticate: this.deps.authenticate,
    };
    applyAccessEvent(deps, event).catch((error: unknown) =>
      this.deps.log.error('board event not applied', { type: event.type, error: (error as Error).message }),
    );
  }

  /** A request another server passed on: the person's address it vouched for, when signed with our secret. */
  private trustForwarded(req: http.IncomingMessage): void {
    const address = vouchedAddress(req, this.deps.config.clusterSecret);
    if (address) setVouchedAddress(req, address);
  }

  private closeProxies(boardId: string, keepTarget: string | undefined): void {
    for (const proxy of this.proxies.get(boardId) ?? []) {
      if (proxy.target !== keepTarget) proxy.close(MOVED, 'The board moved to another server; reconnecting.');
    }
  }

  /** For each board proxied from here: once its lease lapsed or moved, reconnect its sockets to the holder there is now. */
  private async watchProxies(): Promise<void> {
    for (const [boardId, set] of [...this.proxies]) {
      const target = await this.leases.holder(boardId).then(
        (holder) => holder?.url,
        () => null,
      );
      if (target === null) continue;
      if (target === undefined) await this.leases.claim(boardId).catch(() => false);
      else if ([...set].some((proxy) => proxy.target !== target)) this.closeProxies(boardId, target);
    }
  }

  /** The holder's URL when another server holds the board; undefined when it is (or now becomes) this one's. */
  private async locate(boardId: string): Promise<string | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.leases.isHolder(boardId)) return undefined;
      const holder = await this.leases.holder(boardId);
      if (holder && holder.serverId !== this.serverId) return holder.url;
      try {
        if (await this.leases.claim(boardId)) return undefined;
      } catch {
        // No such board (or the store is away): served here, where the usual answer is given.
        return undefined;
      }
    }
    throw unavailable();
  }

  async handleRequest(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
    if (req.headers[FORWARDED_HEADER]) {
      this.trustForwarded(req);
      return false;
    }
    const match = BOARD_API.exec(pathname);
    if (!match) return false;
    const target = await this.locate(match[1]!);
    if (!target) return false;
    await forwardHttp(req, res, target, addressHeaders(this.deps.config.clusterSecret, clientAddress(req)));
    return true;
  }

  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, local: () => void): void {
    if (req.headers[FORWARDED_HEADER]) {
      this.trustForwarded(req);
      return local();
    }
    const match = BOARD_SOCKET.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!match) return local();
    const boardId = match[1]!;
    this.locate(boardId).then(
      (target) => {
        if (!target) return local();
        this.wss.handleUpgrade(req, socket, head, (client) => {
          let set = this.proxies.get(boardId);
          if (!set) this.proxies.set(boardId, (set = new Set()));
          const proxy = proxySocket(client, req, target, {
            maxPayload: this.deps.maxMessageBytes * 4,
            extraHeaders: addressHeaders(this.deps.config.clusterSecret, clientAddress(req)),
            onClose: () => {
              set.delete(proxy);
              if (set.size === 0 && this.proxies.get(boardId) === set) this.proxies.delete(boardId);
            },
          });
          set.add(proxy);
        });
      },
      () => socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n\r\n'),
    );
  }

  get proxiedCount(): number {
    let count = 0;
    for (const set of this.proxies.values()) count += set.size;
    return count;
  }

  /** Called after the rooms were unloaded (their leases given back): closes proxies and Redis. */
  async close(): Promise<void> {
    clearInterval(this.watchTimer);
    this.stopEvents();
    for (const boardId of [...this.proxies.keys()]) this.closeProxies(boardId, undefined);
    this.wss.close();
    await this.leases.releaseAll();
    this.redis.disconnect();
    this.subscriber.disconnect();
  }
}
