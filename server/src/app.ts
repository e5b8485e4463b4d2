// Wires one Scopeboard server from its parts: store, rooms, board service, HTTP API, websocket gateway.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Storage } from './storage/Storage.ts';
import { RoomRegistry, realTimers, type Timers } from './rooms/RoomRegistry.ts';
import type { UpdateCheck } from './rooms/Room.ts';
import { BoardService } from './boards/BoardService.ts';
import { SessionService } from './boards/SessionService.ts';
import { SealedInput } from './boards/SealedInput.ts';
import { HttpError } from './boards/errors.ts';
import { apiHandler, coreRoutes, type Route } from './http/api.ts';
import { sealedRoutes } from './http/sealedRoutes.ts';
import { sendError } from './http/respond.ts';
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

function requestOrigin(req: http.IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return `${proto}://${host}`;
}

export function createApp(deps: AppDeps): App {
  const { config, storage, log } = deps;
  const now = deps.now ?? Date.now;
  const registry = new RoomRegistry(
    { storage, limits: config.limits, compactEvery: config.compactEvery, checkUpdate: deps.checkUpdate, log },
    config.roomIdleMs,
    deps.timers ?? realTimers,
  );
  const boards = new BoardService({ storage, registry, now, log });
  const sealed = new SealedInput({ storage, registry, now, maxNotesPerBoard: config.limits.maxNotesPerBoard });
  const sessions = new SessionService({ registry, boards, now, timers: deps.timers ?? realTimers, log, sealed });
  // Deadlines live in the doc; a board loaded after a restart gets its clock back.
  registry.afterLoad = (boardId) => void sessions.resume(boardId).catch(() => undefined);
  const services: AppServices = { boards, sessions, sealed, registry, now };
  const routes = [...coreRoutes(boards, now), ...sealedRoutes(sealed), ...(deps.extraRoutes?.(services) ?? [])];
  const handleApi = apiHandler(routes, boards, config.limits.maxHttpBodyBytes);
  const gateway = new SocketGateway({ boards, registry, limits: config.limits, log, now });
  const cluster = deps.cluster?.(services);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    (cluster ? cluster.handleRequest(req, res, url.pathname) : Promise.resolve(false))
      .then((forwarded) => forwarded || handleApi(req, res, url.pathname, requestOrigin(req)))
      .then((handled) => {
        if (handled) return;
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'Not supported.');
        serveStatic(config.clientDir, req, res, url.pathname);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) return sendError(res, error);
        log.error('request failed', { method: req.method, path: url.pathname, error: (error as Error).message });
        sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server. Please try again.'));
      });
  });
  server.on('upgrade', (req, socket, head) => {
    if (cluster) cluster.handleUpgrade(req, socket, head, () => gateway.handleUpgrade(req, socket, head));
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
