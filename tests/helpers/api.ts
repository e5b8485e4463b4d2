// Small HTTP helpers for tests: create a board, join it, send commands, all against a real server.
import { CreatedBoardReply, JoinedReply, type CreatedBoard } from '@shared/api/replies.ts';

export type { CreatedBoard };

export async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

export async function createBoard(baseUrl: string, title = 'Test board'): Promise<CreatedBoard> {
  const { status, json } = await postJson(`${baseUrl}/api/boards`, { title });
  if (status !== 201) throw new Error(`create board failed: ${status} ${JSON.stringify(json)}`);
  // Parsed with the API's own reply schema, so a reply that drifts from docs/api.md fails the test.
  return CreatedBoardReply.parse(json);
}

export async function join(baseUrl: string, boardId: string, code: string, name: string) {
  const { status, json } = await postJson(`${baseUrl}/api/boards/${boardId}/join`, { code, name });
  if (status !== 201) throw new Error(`join failed: ${status} ${JSON.stringify(json)}`);
  return JoinedReply.parse(json);
}

export async function command(baseUrl: string, boardId: string, token: string, body: unknown) {
  return postJson(`${baseUrl}/api/boards/${boardId}/commands`, body, token);
}

/** A new board whose room is already posting (the set-up most browser tests start from). */
export async function createPostingBoard(baseUrl: string, title?: string): Promise<CreatedBoard> {
  const board = await createBoard(baseUrl, title);
  const { status, json } = await command(baseUrl, board.boardId, board.facilitatorToken, {
    type: 'startPhase',
    phase: 'post',
  });
  if (status !== 200) throw new Error(`start post failed: ${status} ${JSON.stringify(json)}`);
  return board;
}
