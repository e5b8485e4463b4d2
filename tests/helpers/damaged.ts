// What a damaged stored board looks like from outside: joins answer 503, sockets close with 1011, both say why.
import { expect } from 'vitest';
import { postJson, type CreatedBoard } from './api.ts';
import { rawClose } from './clients.ts';

export async function expectRefusedAsDamaged(server: { baseUrl: string; wsUrl: string }, board: CreatedBoard) {
  const refused = await postJson(`${server.baseUrl}/api/boards/${board.boardId}/join`, {
    code: board.joinCode,
    name: 'Ana',
  });
  expect(refused.status).toBe(503);
  expect(refused.json.error.message).toMatch(/damaged/);
  const closed = await rawClose(`${server.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`);
  expect(closed.code).toBe(1011);
  expect(closed.reason).toMatch(/damaged/);
}
