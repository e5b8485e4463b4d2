// Re-issues a board's HTTP request to the server that holds the board, and streams the answer back unchanged.
import http from 'node:http';
import { HttpError } from '../boards/errors.ts';
import { withoutAddressHeaders } from './peerAddress.ts';

/** Marks a request or socket that one server passed to another, so it is served there and never passed on again. */
export const FORWARDED_HEADER = 'x-scopeboard-forwarded';

/** `extraHeaders`: the person's signed address (see peerAddress.ts), or nothing. */
export function forwardHttp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: string,
  extraHeaders: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers = { ...withoutAddressHeaders(req.headers), ...extraHeaders, [FORWARDED_HEADER]: '1' };
    delete headers.connection;
    // The Host header is kept: links in the answer then name the address the person used.
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
      response.once('end', () => resolve());
      response.once('error', reject);
    });
    upstream.once('error', () => {
      reject(
        new HttpError(
          503,
          'holder_unreachable',
          'The server that holds this board is not answering. Please try again in a few seconds.',
        ),
      );
    });
    req.pipe(upstream);
  });
}
