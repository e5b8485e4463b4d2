// The HTTP API as the browser calls it (docs/api.md); errors carry the server's plain-words message.
import type { Role } from '../../../shared/src/model/Role.ts';

export interface CreatedBoard {
  boardId: string;
  facilitatorToken: string;
  joinCode: string;
  observerCode: string;
  links: { facilitator: string; participant: string; observer: string };
}

export interface Joined {
  participantId: string;
  token: string;
  role: 'participant' | 'observer';
}

export interface Me {
  participantId: string;
  name: string;
  role: Role;
  boardId: string;
  title?: string;
}

/** An API refusal: `status` and `code` for the program, `message` for the person. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, for instance: fall through to the generic message.
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`;
    throw new ApiError(response.status, typeof error?.code === 'string' ? error.code : 'http', message);
  }
  return json as T;
}

export function createBoard(input: { title?: string; template?: unknown; stationSet?: string; import?: unknown }): Promise<CreatedBoard> {
  return call('/api/boards', { method: 'POST', body: JSON.stringify(input) });
}

export function joinBoard(boardId: string, code: string, name: string): Promise<Joined> {
  return call(`/api/boards/${encodeURIComponent(boardId)}/join`, { method: 'POST', body: JSON.stringify({ code, name }) });
}

export function fetchMe(boardId: string, token: string): Promise<Me> {
  return call(`/api/boards/${encodeURIComponent(boardId)}/me`, {}, token);
}
