// Same-origin checks for state-changing requests and socket upgrades, so other web pages cannot act through a visitor.
import type { IncomingMessage } from 'node:http';

/** The origin this request was addressed to, as a browser on the same site would send it. */
export function requestOrigin(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const host =
    typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host)
      ? req.headers.host
      : 'localhost';
  return `${proto}://${host}`;
}

/**
 * Requests without an Origin header (curl, server-to-server) are allowed: the check is against browsers, which
 * always send one cross-site. Otherwise the origin must be the server's own or one of `allowed`.
 */
export function originChecker(allowed: readonly string[]): (req: IncomingMessage) => boolean {
  const extra = new Set(allowed);
  return (req) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return origin === requestOrigin(req) || extra.has(origin);
  };
}
