// Reads the app's two routes from the URL: the start page and a board page, with the link's secret from the fragment.

/** Which page the URL asks for. */
export type Route = { page: 'start' } | { page: 'board'; boardId: string } | { page: 'notFound' };

/** The secret a shared link carries in its fragment (never sent to the server in the URL). */
export type LinkSecret =
  | { kind: 'facilitator'; token: string }
  | { kind: 'join'; code: string }
  | { kind: 'watch'; code: string }
  | { kind: 'none' };

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'start' };
  const match = BOARD_PATH.exec(pathname);
  return match ? { page: 'board', boardId: match[1]! } : { page: 'notFound' };
}

/** Parses `#f=…`, `#join=…` or `#watch=…`; anything else reads as no secret. */
export function parseFragment(hash: string): LinkSecret {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const facilitator = params.get('f');
  if (facilitator) return { kind: 'facilitator', token: facilitator };
  const join = params.get('join');
  if (join) return { kind: 'join', code: join };
  const watch = params.get('watch');
  if (watch) return { kind: 'watch', code: watch };
  return { kind: 'none' };
}
