// Wires one Scopeboard server from its parts: store, rooms, board service, HTTP API, websocket gateway.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { DamagedBoardError, type Storage } from './storage/Storage.ts';
import { RoomRegistry, realTimers, type Timers } from './rooms/RoomRegistry.ts';
import { BoardFullError, type UpdateCheck } from './rooms/Room.ts';
import { BoardService } from './boards/BoardService.ts';
import { SessionService } from './boards/SessionService.ts';
import { SealedInput } from './boards/SealedInput.ts';
import { HttpError } from './boards/errors.ts';
import { BoardEvents } from './boards/boardEvents.ts';
import { apiHandler, coreRoutes, type Route } from './http/api.ts';
import { sealedRoutes } from './http/sealedRoutes.ts';
import { templateRoutes } from './http/templateRoutes.ts';
import { sendError } from './http/respond.ts';
import { originChecker, requestOrigin } from './http/originCheck.ts';
import { AddressRateLimiter } from './http/AddressRateLimiter.ts';
import { serveStatic } from './http/staticFiles.ts';
import { SocketGateway } from './ws/SocketGateway.ts';
import type { ClusterSeam } from './cluster/Cluster.ts';

export interface AppDeps {
  config: Config;
  storage: Storage;
  log: Logger;
  checkUpdate: UpdateCheck;
  now?: () => number;
  timers?: Timers;
  /** Extra routes (commands, export), given the app's services. */
  extraRoutes?: (services: AppServices) => Route[];
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

export const DAMAGED_MESSAGE =
  'This board’s saved data is damaged, so it cannot be opened. Ask whoever runs the server to restore it from a backup.';

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
  const registry = new RoomRegistry(
    { storage, limits: config.limits, compactEvery: config.compactEvery, checkUpdate: deps.checkUpdate, log },
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
  // Deadlines live in the doc; a board loaded after a restart gets its clock back.
  registry.afterLoad = (boardId) => void sessions.resume(boardId).catch(() => undefined);
  const services: AppServices = { boards, sessions, sealed, registry, events, now };
  const rateLimits = {
    createBoard: new AddressRateLimiter(config.limits.boardsPerMinute, now),
    join: new AddressRateLimiter(config.limits.joinsPerMinute, now),
  };
  const routes = [
    ...coreRoutes(boards, now, rateLimits),
    ...sealedRoutes(sealed),
    ...templateRoutes(services),
    ...(deps.extraRoutes?.(services) ?? []),
  ];
  const handleApi = apiHandler(routes, boards, config.limits.maxHttpBodyBytes);
  const isAllowedOrigin = originChecker(config.allowedOrigins);
  const gateway = new SocketGateway({ boards, registry, limits: config.limits, log, now, isAllowedOrigin });
  const cluster = deps.cluster?.(services);

  const server = http.createServer((req, res) => {
    const pathname = readPathname(req.url);
    new Promise<boolean>((resolve) => {
      if (pathname === undefined) throw new HttpError(400, 'bad_url', 'That address is not a valid URL.');
      if (!SAFE_METHODS.has(req.method ?? '') && !isAllowedOrigin(req)) {
        throw new HttpError(403, 'cross_origin', 'This request came from another web site, so it was refused.');
      }
      // A board route for a board another server holds is answered there; everything else here.
      const forwarded = cluster ? cluster.handleRequest(req, res, pathname) : Promise.resolve(false);
      resolve(forwarded.then((isForwarded) => isForwarded || handleApi(req, res, pathname, requestOrigin(req))));
    })
      .then((handled) => {
        if (handled) return;
        if (req.method !== 'GET' && req.method !== 'HEAD')
          throw new HttpError(405, 'method_not_allowed', 'Not supported.');
        serveStatic(config.clientDir, req, res, pathname!);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) return sendError(res, error);
        if (error instanceof BoardFullError) return sendError(res, new HttpError(413, 'board_full', error.message));
        if (error instanceof DamagedBoardError)
          return sendError(res, new HttpError(503, 'board_damaged', DAMAGED_MESSAGE));
        log.error('request failed', { method: req.method, path: pathname, error: (error as Error).message });
        sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server. Please try again.'));
      });
  });
  server.on('upgrade', (req, socket, head) => {
    // The Origin is judged before any proxying (the holder sees the proxy, not the browser); the gateway refuses it.
    if (cluster && isAllowedOrigin(req))
      cluster.handleUpgrade(req, socket, head, () => gateway.handleUpgrade(req, socket, head));
    else gateway.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => socket.destroy());

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
