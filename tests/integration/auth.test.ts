// Tokens at the websocket door and the HTTP API's answers to bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { createBoard, join, postJson } from '../helpers/api.ts';
import { rawClose } from '../helpers/clients.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('websocket door', () => {
  it('refuses a bad token with 4401 and a missing one too', async () => {
    const board = await createBoard(server.baseUrl);
    expect((await rawClose(`${server.wsUrl}/ws/${board.boardId}?token=wrong`)).code).toBe(4401);
    expect((await rawClose(`${server.wsUrl}/ws/${board.boardId}`)).code).toBe(4401);
  });

  it('refuses an unknown board with 4404', async () => {
    const board = await createBoard(server.baseUrl);
    expect((await rawClose(`${server.wsUrl}/ws/nosuchboard123?token=${board.facilitatorToken}`)).code).toBe(4404);
  });

  it('a token of one board does not open another', async () => {
    const one = await createBoard(server.baseUrl);
    const two = await createBoard(server.baseUrl);
    expect((await rawClose(`${server.wsUrl}/ws/${two.boardId}?token=${one.facilitatorToken}`)).code).toBe(4401);
  });

  it('closes a connection that sends a malformed frame with 4400, and the server keeps serving', async () => {
    const board = await createBoard(server.baseUrl);
    const closed = await rawClose(`${server.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`, (socket) =>
      socket.send(Buffer.from([0, 2, 250, 1, 2])),
    );
    expect(closed.code).toBe(4400);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('closes a connection that sends an oversized frame with 4413', async () => {
    const small = await startServer({ env: { MAX_MESSAGE_BYTES: '2048' } });
    try {
      const board = await createBoard(small.baseUrl);
      const closed = await rawClose(`${small.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`, (socket) =>
        socket.send(Buffer.alloc(4096, 1)),
      );
      expect(closed.code).toBe(4413);
    } finally {
      await small.stop();
    }
  });
});

describe('HTTP API input', () => {
  it('creates a board with three links and codes of at least 126 bits', async () => {
    const board = await createBoard(server.baseUrl, 'SSR2');
    expect(board.links.facilitator).toContain(`/b/${board.boardId}#f=${board.facilitatorToken}`);
    expect(board.links.participant).toContain(`#join=${board.joinCode}`);
    expect(board.links.observer).toContain(`#watch=${board.observerCode}`);
    for (const secret of [board.facilitatorToken, board.joinCode, board.observerCode])
      expect(secret.length).toBeGreaterThanOrEqual(21);
  });

  it.each([
    [{ template: 'nope' }, /Unknown template "nope"/],
    [{ title: '' }, /title/],
    [{ title: 'x'.repeat(2 * 1024 * 1024) }, /larger than|title/],
    ['{not json', /not valid JSON/],
  ])('refuses a bad create body %#', async (body, message) => {
    const { status, json } = await postJson(`${server.baseUrl}/api/boards`, body);
    expect([400, 413]).toContain(status);
    expect(json.error.message).toMatch(message);
  });

  it('refuses a missing name and a wrong join code with clear errors', async () => {
    const board = await createBoard(server.baseUrl);
    const noName = await postJson(`${server.baseUrl}/api/boards/${board.boardId}/join`, { code: board.joinCode });
    expect(noName.status).toBe(400);
    expect(noName.json.error.message).toMatch(/name/);
    const wrong = await postJson(`${server.baseUrl}/api/boards/${board.boardId}/join`, { code: 'guess', name: 'Eve' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.message).toMatch(/join code is not valid/);
    const unknown = await postJson(`${server.baseUrl}/api/boards/nosuchboard/join`, { code: 'x', name: 'Eve' });
    expect(unknown.status).toBe(404);
  });

  it('joins as participant or observer by code, and /me answers for the token only', async () => {
    const board = await createBoard(server.baseUrl);
    const p = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const o = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
    expect(p.role).toBe('participant');
    expect(o.role).toBe('observer');
    const me = await fetch(`${server.baseUrl}/api/boards/${board.boardId}/me`, {
      headers: { Authorization: `Bearer ${p.token}` },
    });
    expect(await me.json()).toMatchObject({ participantId: p.participantId, name: 'Ana', role: 'participant' });
    const bad = await fetch(`${server.baseUrl}/api/boards/${board.boardId}/me`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(bad.status).toBe(401);
  });

  it('never logs tokens or codes', async () => {
    const board = await createBoard(server.baseUrl);
    const p = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    await rawClose(`${server.wsUrl}/ws/${board.boardId}?token=${p.token}x`);
    const output = server.output();
    for (const secret of [board.facilitatorToken, board.joinCode, board.observerCode, p.token])
      expect(output).not.toContain(secret);
  });
});

describe('malformed sync messages', () => {
  it('a truncated state vector closes that connection with 4400, not a server error', async () => {
    const board = await createBoard(server.baseUrl);
    const closed = await rawClose(`${server.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`, (socket) =>
      socket.send(Buffer.from([0, 0, 1, 5])),
    );
    expect(closed.code).toBe(4400);
    expect(server.output()).not.toMatch(/message failed/);
  });
});
