// Authorised calls to the board API for board tools (export, import, carry forward, archive): bearer header, plain-words errors.
import { ApiError } from '../app/api.ts';

/** Turns a refused response into an ApiError carrying the server's message (or a plain fallback). */
export async function errorFrom(response: Response): Promise<ApiError> {
  let message = `The server answered ${response.status}.`;
  let code = 'http';
  try {
    const json = (await response.json()) as { error?: { code?: unknown; message?: unknown } } | null;
    if (typeof json?.error?.message === 'string') message = json.error.message;
    if (typeof json?.error?.code === 'string') code = json.error.code;
  } catch {
    // Not JSON (a proxy's error page): keep the generic message.
  }
  return new ApiError(response.status, code, message);
}

/**
 * Sends one request with the bearer token in the header (never in the URL, where logs and history keep it).
 * Resolves with the response when it is 2xx; otherwise throws an ApiError whose message is for the person.
 */
export async function authorizedFetch(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers = new Headers({ Authorization: `Bearer ${token}` });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** The message to show for any failure: the server's words when it gave some. */
export function describeFailure(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** The API path of a board, with its id encoded. */
export function boardPath(boardId: string, rest: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/${rest}`;
}
