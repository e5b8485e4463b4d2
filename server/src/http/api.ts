// The HTTP API (docs/api.md): routes matched by method and path, each validating its input.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoardService } from '../boards/BoardService.ts';
import { HttpError, rateLimited, unauthorized } from '../boards/errors.ts';
import type { AddressRateLimiter } from './AddressRateLimiter.ts';
import { clientAddress } from './clientAddress.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { bearerToken, readJson, sendJson } from './respond.ts';
import { createBoardBody, joinBody, parseBody } from './schemas.ts';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  /** Origin for links, e.g. http://192.168.1.20:8080. */
  origin: string;
  body: () => Promise<unknown>;
  /** The actor behind the request's bearer token on this board; 401 when there is none. */
  actor: () => Promise<Actor>;
}

export type Handler = (ctx: RouteContext) => Promise<void>;

export interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** Builds a route from a path like /api/boards/:boardId/join. */
export function route(method: string, path: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = path.replace(/:([a-zA-Z]+)/g, (_match, key: string) => {
    keys.push(key);
    return '([A-Za-z0-9_-]{1,64})';
  });
  return { method, pattern: new RegExp(`^${source}$`), keys, handler };
}

export function boardLinks(
  origin: string,
  boardId: string,
  codes: { facilitatorToken?: string; joinCode: string; observerCode: string },
) {
  const base = `${origin}/b/${boardId}`;
  return {
    // Secrets ride in the fragment, which browsers never send to servers or put in Referer headers.
    ...(codes.facilitatorToken ? { facilitator: `${base}#f=${codes.facilitatorToken}` } : {}),
    participant: `${base}#join=${codes.joinCode}`,
    observer: `${base}#watch=${codes.observerCode}`,
  };
}

export interface RateLimits {
  createBoard: AddressRateLimiter;
  join: AddressRateLimiter;
}

function limit(limiter: AddressRateLimiter, req: IncomingMessage, message: string): void {
  const wait = limiter.take(clientAddress(req));
  if (wait > 0) throw rateLimited(message, wait);
}

export function coreRoutes(boards: BoardService, now: () => number, rateLimits: RateLimits): Route[] {
  return [
    route('GET', '/healthz', async ({ res }) => sendJson(res, 200, { ok: true })),
    route('GET', '/api/time', async ({ res }) => sendJson(res, 200, { now: now() })),
    route('POST', '/api/boards', async ({ req, res, body, origin }) => {
      limit(rateLimits.createBoard, req, 'Too many boards were created from this address.');
      const input = parseBody(createBoardBody, await body());
      const created = await boards.create(input);
      sendJson(res, 201, { ...created, links: boardLinks(origin, created.boardId, created) });
    }),
    route('POST', '/api/boards/:boardId/join', async ({ req, res, body, params }) => {
      limit(rateLimits.join, req, 'Too many joins from this address.');
      const input = parseBody(joinBody, await body());
      sendJson(res, 201, await boards.join(params.boardId!, input));
    }),
    route('GET', '/api/boards/:boardId/me', async ({ res, params, actor }) => {
      const me = await actor();
      const board = await boards.getBoard(params.boardId!);
      sendJson(res, 200, { ...me, boardId: board.boardId, title: board.title, isArchived: board.isArchived });
    }),
    route('GET', '/api/boards/:boardId/links', async ({ res, params, actor, origin }) => {
      const me = await actor();
      if (me.role !== 'facilitator')
        throw new HttpError(403, 'forbidden', 'Only the facilitator can see the board links.');
      const board = await boards.getBoard(params.boardId!);
      sendJson(res, 200, { boardId: board.boardId, links: boardLinks(origin, board.boardId, board) });
    }),
  ];
}

/** Turns routes into one request handler; unknown /api paths are 404, others fall through. */
export function apiHandler(routes: Route[], boards: BoardService, bodyLimit: number) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string, origin: string): Promise<boolean> => {
    const candidates = routes.filter((r) => r.pattern.test(pathname));
    if (candidates.length === 0) {
      if (!pathname.startsWith('/api/')) return false;
      throw new HttpError(404, 'not_found', `There is no API at ${pathname}.`);
    }
    const match = candidates.find((r) => r.method === req.method || (r.method === 'GET' && req.method === 'HEAD'));
    if (!match) throw new HttpError(405, 'method_not_allowed', `${req.method} is not supported on ${pathname}.`);
    const values = match.pattern.exec(pathname)!.slice(1);
    const params = Object.fromEntries(match.keys.map((key, i) => [key, values[i]!]));
    await match.handler({
      req,
      res,
      params,
      origin,
      body: () => readJson(req, bodyLimit),
      actor: async () => {
        const boardId = params.boardId;
        const found = boardId ? await boards.authenticate(boardId, bearerToken(req)) : undefined;
        if (!found) {
          if (boardId) await boards.getBoard(boardId);
          throw unauthorized();
        }
        return found;
      },
    });
    return true;
  };
}
