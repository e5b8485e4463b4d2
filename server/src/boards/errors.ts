// Errors of the domain: what went wrong, in words for the person who will read it, and nothing about HTTP.
// The HTTP edge (server/src/http/errorStatus.ts) maps each kind to a status.
import type { RefusalKind } from '@shared/phases/transitions.ts';

/** What kind of refusal an error is; the edge turns it into a status (HTTP) or a close code (websocket). */
export type DomainErrorKind =
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid'
  | 'conflict'
  | 'too_large'
  | 'board_full'
  | 'rate_limited'
  | 'damaged'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, for programs (the `code` of the API's error body). */
    readonly code: string,
    message: string,
    /** Per-field issues, when there are any. */
    readonly details?: unknown,
    /** How long to wait before trying again (rate limits, a board between servers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what = 'board') =>
  new DomainError('not_found', 'not_found', `No such ${what}. Check the link you were given.`);
export const unauthorized = () =>
  new DomainError(
    'unauthorized',
    'unauthorized',
    'This link is not valid (it may have been renewed, or you were removed from the board).',
  );
export const forbidden = (message: string) => new DomainError('forbidden', 'forbidden', message);
export const badRequest = (message: string, details?: unknown) =>
  new DomainError('invalid', 'bad_request', message, details);
export const conflict = (message: string) => new DomainError('conflict', 'conflict', message);
export const tooLarge = (message: string, details?: unknown) =>
  new DomainError('too_large', 'too_large', message, details);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError(
    'rate_limited',
    'rate_limited',
    `${message} Please wait ${retryAfterSeconds} s and try again.`,
    undefined,
    retryAfterSeconds,
  );

/** A write (a join, a command) refused because the board has reached its size limit. */
export const boardFull = () =>
  new DomainError(
    'board_full',
    'board_full',
    'This board is full: it has reached its size limit. Export it and carry it forward to a new board.',
  );

/** The board cannot be served here right now (it is moving between servers, or its holder is away). */
export const unavailable = (code: string, message: string) => new DomainError('unavailable', code, message);

/** A command the domain refused (shared/src/phases), as the error its kind calls for. */
export const refusalError = (kind: RefusalKind, reason: string) =>
  kind === 'conflict' ? conflict(reason) : kind === 'forbidden' ? forbidden(reason) : badRequest(reason);
