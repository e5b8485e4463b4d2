// The one HTTP client: JSON in, a zod-checked reply out, bearer token in the header, refusals as plain-words ApiErrors.
import type { z } from '@shared/model/zod.ts';
import { ErrorReply } from '@shared/api/replies.ts';

/** An API refusal: `status` and `code` for the program, `message` for the person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The bearer token; never put in the URL, where logs and history keep it. */
  token?: string | undefined;
}

const UNREACHABLE = 'The server cannot be reached. Check your connection and try again.';

/** Sends one request; resolves with the response when it is 2xx, else throws an ApiError with the server's words. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers();
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', UNREACHABLE);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** Turns a refused response into an ApiError carrying the server's message (or a plain fallback). */
export async function errorFrom(response: Response): Promise<ApiError> {
  const parsed = ErrorReply.safeParse(await response.json().catch(() => null));
  // Not JSON, or not our shape (a proxy's error page): keep the generic message.
  const error = parsed.success ? parsed.data.error : {};
  return new ApiError(
    response.status,
    error.code ?? 'http',
    error.message ?? `The server answered ${response.status}.`,
  );
}

/** Sends one request and checks the reply against `schema`: a reply of another shape is the server's fault, said so. */
export async function request<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Handled below: null fails every schema that expects a body.
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'bad-reply',
      'The server sent an answer this page does not understand. Reload the page and try again.',
    );
  }
  return parsed.data;
}

/** The API path of a board, with its id encoded. */
export function boardPath(boardId: string, rest: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/${rest}`;
}

/** The message to show for any failure: the server's words when it gave some. */
export function describeFailure(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
