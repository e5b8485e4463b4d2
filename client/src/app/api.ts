// The HTTP API calls around joining (docs/api.md "HTTP API"): create a board, join one, ask who we are.
import {
  CreatedBoardReply,
  JoinedReply,
  MeReply,
  type CreatedBoard,
  type Joined,
  type Me,
} from '@shared/api/replies.ts';
import { boardPath, request } from './http.ts';

// Kept here for the start page and older imports; the types are declared once, in shared/src/api.
export { ApiError } from './http.ts';
export type { CreatedBoard, Joined, Me };

export function createBoard(input: {
  title?: string;
  template?: unknown;
  stationSet?: string;
  import?: unknown;
}): Promise<CreatedBoard> {
  return request('/api/boards', CreatedBoardReply, { method: 'POST', body: input });
}

/** `deviceId` (app/storage.ts) lets the facilitator block this browser on the board (docs/api.md). */
export function joinBoard(boardId: string, code: string, name: string, deviceId?: string): Promise<Joined> {
  return request(boardPath(boardId, 'join'), JoinedReply, { method: 'POST', body: { code, name, deviceId } });
}

export function fetchMe(boardId: string, token: string): Promise<Me> {
  return request(boardPath(boardId, 'me'), MeReply, { token });
}
