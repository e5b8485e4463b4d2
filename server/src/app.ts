// Wires one Scopeboard server from its parts: store, rooms, board service, HTTP API, websocket gateway.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Storage } from './storage/Storage.ts';
import { RoomRegistry, realTimers, type Timers } from './rooms/RoomRegistry.ts';
import { createUpdateCheck, type UpdateCheck } from './guard/checkUpdate.ts';
import { RoomHooks } from './hooks/RoomHooks.ts';
import { boardSizeLimit } from './hooks/boardSizeLimit.ts';
import { guardCheck } from './hooks/guardCheck.ts';
import { compactWhenLong } from './hooks/compaction.ts';
import { resumeSessionClock } from './hooks/sessionClock.ts';
import { stampPresence } from './hooks/presenceStamp.ts';
import { countUpdates } from './hooks/metrics.ts';
import type { Metrics } from './metrics/Metrics.ts';
import { BoardService } from './boards/BoardService.ts';
import { SessionService } from './boards/SessionService.ts';
import { SealedInput } from './boards/SealedInput.ts';
import { BoardEvents } from './boards/boardEvents.ts';
import { apiHandler, coreRoutes, route } from './http/api.ts';
import { boardRoutes } from './http/boardRoutes.ts';
import { sealedRoutes } from './http/sealedRoutes.ts';
import { templateRoutes } from './http/templateRoutes.ts';
import { sendError } from './http/respond.ts';
import { INTERNAL_ERROR, badUrl, crossOrigin, errorReply, methodNotAllowed } from './http/errorStatus.ts';
import { originChecker, requestOrigin } from './http/originCheck.ts';
import { AddressRateLimiter } from './http/AddressRateLimiter.ts';
import { serveStatic } from './http/staticFiles.ts';
import { SocketGateway } from './ws/SocketGateway.ts';
import type { ClusterSeam } from './cluster/Cluster.ts';

export interface AppDeps {
  config: Config;
  storage: Storage;
  log: Logger;
  /** Replaces the guard (tests of how rooms cope with updates the guard would refuse); the guard by default. */
  checkUpdate?: UpdateCheck;
  /** Counted on the update path and served at GET /metrics; no /metrics without it. */
  metrics?: Metrics;
  now?: () => number;
  timers?: Timers;
  /** One server among many (REDIS_URL): leases, forwarding to holders. Unset: one process serves every board. */
  cluster?: (services: AppServices) => ClusterSeam;
}

export interface AppServices {
  boards: BoardService;
  sessions: SessionService;
  /** Private notes and votes, kept outside the board doc until revealed. */
  sealed: SealedInput;
  registry: RoomRegistry;
  /** Removals, renewals, closing and archiving, as they happen (the cluster carries them to the other servers). */
  events: BoardEvents;
  now: () => number;
}

export interface App {
  server: http.Server;
  services: AppServices;
  /** Open websockets served by this process (proxied ones are the cluster's to count). */
  connectionCount(): number;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's path, decoded once to check it; undefined when malformed (bad percent-encoding, NUL). */
function readPathname(rawUrl: string | undefined): string | undefined {
  try {
    const pathname = new URL(rawUrl ?? '/', 'http://localhost').pathname;
    return decodeURIComponent(pathname).includes('\0') ? undefined : pathname;
  } catch {
    return undefined;
  }
}

export function createApp(deps: AppDeps): App {
  const { config, storage, log } = deps;
  const now = deps.now ?? Date.now;
  const { metrics } = deps;
  // The room's core runs these in this order: limits before the guard, metrics after both have judged.
  const hooks = new RoomHooks([
    boardSizeLimit(config.limits.maxBoardBytes),
    guardCheck(deps.checkUpdate ?? createUpdateCheck(config.limits), log),
    compactWhenLong(config.compactEvery),
    // Called only once a board loads, which is after `sessions` below exists.
    resumeSessionClock((boardId): Promise<void> => sessions.resume(boardId)),
    stampPresence(),
    ...(metrics ? [countUpdates(metrics)] : []),
  ]);
  const registry = new RoomRegistry(
    { store: storage, limits: config.limits, hooks, log },
    config.roomIdleMs,
    deps.timers ?? realTimers,
  );
  const events = new BoardEvents();
  const boards = new BoardService({
    events,
    storage,
    registry,
    now,
    log,
    maxNotesPerBoard: config.limits.maxNotesPerBoard,
    maxParticipantsPerBoard: config.limits.maxParticipantsPerBoard,
  });
  const sealed = new SealedInput({ storage, registry, now, maxNotesPerBoard: config.limits.maxNotesPerBoard });
  const sessions = new SessionService({
    registry,
    boards,
    now,
    timers: deps.timers ?? realTimers,
    log,
    sealed,
    events,
  });
  const services: AppServices = { boards, sessions, sealed, registry, events, now };
  const rateLimits = {
    createBoard: new AddressRateLimiter(config.limits.boardsPerMinute, now),
    join: new AddressRateLimiter(config.limits.joinsPerMinute, now),
  };
  const routes = [
    ...coreRoutes(boards, now, rateLimits),
    ...sealedRoutes(sealed),
    ...templateRoutes(services),
    ...boardRoutes(services),
    ...(metrics ? [route('GET', '/metrics', ({ req, res }) => metrics.respond(req, res))] : []),
  ];
  const handleApi = apiHandler(routes, boards, config.limits.maxHttpBodyBytes);
  const isAllowedOrigin = originChecker(config.allowedOrigins);
  const gateway = new SocketGateway({ boards, registry, limits: config.limits, log, now, isAllowedOrigin });
  const cluster = deps.cluster?.(services);

  const server = http.createServer((req, res) => {
    const pathname = readPathname(req.url);
    new Promise<boolean>((resolve) => {
      if (pathname === undefined) throw badUrl();
      if (!SAFE_METHODS.has(req.method ?? '') && !isAllowedOrigin(req)) {
        throw crossOrigin();
      }
      // A board route for a board another server holds is answered there; everything else here.
      const forwarded = cluster ? cluster.handleRequest(req, res, pathname) : Promise.resolve(false);
      resolve(forwarded.then((isForwarded) => isForwarded || handleApi(req, res, pathname, requestOrigin(req))));
    })
      .then((handled) => {
        if (handled) return;
        if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
        return serveStatic(config.clientDir, req, res, pathname!);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        const reply = errorReply(error);
        if (reply) return sendError(res, reply);
        log.error('request failed', { method: req.method, path: pathname, error: (error as Error).message });
        sendError(res, INTERNAL_ERROR);
      });
  });
  server.on('upgrade', (req, socket, head) => {
    // The Origin is judged before any proxying (the holder sees the proxy, not the browser); the gateway refuses it.
    if (cluster && isAllowedOrigin(req))
      cluster.handleUpgrade(req, socket, head, () => gateway.handleUpgrade(req, socket, head));
    else gateway.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  metrics?.bind({
    rooms: () => registry.size,
    connections: () => gateway.connectionCount + (cluster?.proxiedCount ?? 0),
    takeovers: () => cluster?.leases.takeovers ?? 0,
    leasesHeld: () => cluster?.leases.heldCount ?? 0,
    deadlineTimers: () => sessions.armedCount,
  });

  return {
    server,
    services,
    connectionCount: () => gateway.connectionCount,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address() as AddressInfo;
          (cluster ? cluster.start(address) : Promise.resolve()).then(() => resolve(address), reject);
        });
      }),
    close: async () => {
      sessions.stopAll();
      gateway.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await registry.closeAll();
      await cluster?.close();
    },
  };
}
