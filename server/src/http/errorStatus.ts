// The one place where errors become HTTP statuses and the API's error body (docs/api.md).
import { DomainError, type DomainErrorKind } from '../boards/errors.ts';
import { DamagedBoardError } from '../storage/Storage.ts';

/** A refusal that only HTTP has (a malformed URL or body, an unknown method): its status is known here. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badUrl = () => new HttpError(400, 'bad_url', 'That address is not a valid URL.');
export const crossOrigin = () =>
  new HttpError(403, 'cross_origin', 'This request came from another web site, so it was refused.');
export const methodNotAllowed = (message = 'Not supported.') => new HttpError(405, 'method_not_allowed', message);

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  board_full: 413,
  rate_limited: 429,
  damaged: 503,
  unavailable: 503,
};

export const DAMAGED_MESSAGE =
  'This board’s saved data is damaged, so it cannot be opened. Ask whoever runs the server to restore it from a backup.';

export interface ErrorReplyOf {
  status: number;
  body: { error: { code: string; message: string; details?: unknown } };
  /** Sent as Retry-After. */
  retryAfterSeconds?: number;
}

function reply(status: number, code: string, message: string, details?: unknown): ErrorReplyOf {
  return { status, body: { error: { code, message, ...(details !== undefined ? { details } : {}) } } };
}

/** The status and body for an error; undefined for an unexpected one (a bug: the caller logs it and answers 500). */
export function errorReply(error: unknown): ErrorReplyOf | undefined {
  if (error instanceof DomainError) {
    const answer = reply(STATUS_OF_KIND[error.kind], error.code, error.message, error.details);
    return error.retryAfterSeconds === undefined ? answer : { ...answer, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof HttpError) return reply(error.status, error.code, error.message, error.details);
  if (error instanceof DamagedBoardError) return reply(503, 'board_damaged', DAMAGED_MESSAGE);
  return undefined;
}

export const INTERNAL_ERROR = reply(500, 'internal', 'Something went wrong on the server. Please try again.');
