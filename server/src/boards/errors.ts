// Errors that carry an HTTP status and a code, with a message written for the person who will read it.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Sent as Retry-After with a 429 or 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what = 'board') =>
  new HttpError(404, 'not_found', `No such ${what}. Check the link you were given.`);
export const unauthorized = () =>
  new HttpError(
    401,
    'unauthorized',
    'This link is not valid (it may have been renewed, or you were removed from the board).',
  );
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new HttpError(
    429,
    'rate_limited',
    `${message} Please wait ${retryAfterSeconds} s and try again.`,
    undefined,
    retryAfterSeconds,
  );
