// Every error the domain throws gets the status and body docs/api.md promises; unknown errors are left to the caller.
import { describe, expect, it } from 'vitest';
import {
  DomainError,
  badRequest,
  boardFull,
  conflict,
  forbidden,
  notFound,
  rateLimited,
  tooLarge,
  unauthorized,
  unavailable,
  type DomainErrorKind,
} from '../../../server/src/boards/errors.ts';
import {
  DAMAGED_MESSAGE,
  HttpError,
  STATUS_OF_KIND,
  errorReply,
  methodNotAllowed,
} from '../../../server/src/http/errorStatus.ts';
import { DamagedBoardError } from '../../../server/src/storage/Storage.ts';

describe('errorReply', () => {
  const cases: [string, unknown, number, string][] = [
    ['not found', notFound(), 404, 'not_found'],
    ['unauthorized', unauthorized(), 401, 'unauthorized'],
    ['forbidden', forbidden('No.'), 403, 'forbidden'],
    ['invalid', badRequest('Fix it.'), 400, 'bad_request'],
    ['conflict', conflict('Not now.'), 409, 'conflict'],
    ['too large', tooLarge('Too big.'), 413, 'too_large'],
    ['board full', boardFull(), 413, 'board_full'],
    ['rate limited', rateLimited('Slow down.', 7), 429, 'rate_limited'],
    ['unavailable', unavailable('board_elsewhere', 'Moving.'), 503, 'board_elsewhere'],
    ['an HTTP-only refusal', methodNotAllowed(), 405, 'method_not_allowed'],
  ];
  it.each(cases)('%s', (_name, error, status, code) => {
    const reply = errorReply(error);
    expect(reply?.status).toBe(status);
    expect(reply?.body.error.code).toBe(code);
    expect(reply?.body.error.message).toBe((error as Error).message);
  });

  it("answers a board damaged in the store in words for the facilitator, not the store's detail", () => {
    const reply = errorReply(new DamagedBoardError('b1', 'checksum mismatch'));
    expect(reply?.status).toBe(503);
    expect(reply?.body.error).toEqual({ code: 'board_damaged', message: DAMAGED_MESSAGE });
  });

  it('gives every kind a status', () => {
    const kinds = Object.keys(STATUS_OF_KIND) as DomainErrorKind[];
    for (const kind of kinds) expect(errorReply(new DomainError(kind, 'x', 'm'))?.status).toBe(STATUS_OF_KIND[kind]);
    expect(new Set(kinds).size).toBe(10);
  });

  it('carries details and the retry delay, and leaves them out when absent', () => {
    const issues = [{ path: 'title', message: 'too long' }];
    expect(errorReply(badRequest('Fix it.', issues))?.body.error.details).toEqual(issues);
    expect(errorReply(new HttpError(400, 'bad_json', 'Not JSON.', issues))?.body.error.details).toEqual(issues);
    expect(errorReply(conflict('Not now.'))?.body.error).not.toHaveProperty('details');
    expect(errorReply(rateLimited('Slow down.', 7))?.retryAfterSeconds).toBe(7);
    expect(errorReply(rateLimited('Slow down.', 7))?.body.error.message).toBe(
      'Slow down. Please wait 7 s and try again.',
    );
    expect(errorReply(forbidden('No.'))).not.toHaveProperty('retryAfterSeconds');
  });

  it('does not answer for an unexpected error (a bug is logged and answered 500 by the caller)', () => {
    expect(errorReply(new Error('boom'))).toBeUndefined();
    expect(errorReply('boom')).toBeUndefined();
  });
});
