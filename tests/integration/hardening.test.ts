// Hardening (issue 9): a poisoned update breaks only its room, closed peers speak no more, caps, origins, bodies, URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, postJson, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import * as decoding from 'lib0/decoding';
import { encodeAwareness, encodeUpdate } from '../../server/src/rooms/messages.ts';
import { decodeAwareness, encodeAwarenessEntries } from '../../server/src/rooms/awarenessStamp.ts';

let server: InProcessServer;
let permissive: InProcessServer;
beforeAll(async () => {
  server = await startInProcess({
    MAX_CONNECTIONS_PER_PARTICIPANT: '2',
    MAX_CONNECTIONS_PER_BOARD: '3',
    MAX_PARTICIPANTS_PER_BOARD: '3',
  });
  // No guard at all: what the room does when Yjs itself throws on an update the guard let through.
  permissive = await startInProcess({}, { checkUpdate: () => ({ ok: true, value: undefined }) });
});
afterAll(async () => {
  await server?.close();
  await permissive?.close();
});

async function synced(on: InProcessServer, board: CreatedBoard, token: string): Promise<TestClient> {
  const client = connect(on.wsUrl, board.boardId, token);
  await client.synced();
  return client;
}

/** A raw socket; resolves once the server greets it (sync step 1), with the close the server sends later. */
function openRaw(on: InProcessServer, boardId: string, token: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${on.wsUrl}/ws/${boardId}?token=${token}`, { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const greeted = new Promise<boolean>((resolve) => {
    socket.once('message', () => resolve(true));
    socket.once('close', () => resolve(false));
  });
  socket.on('error', () => undefined);
  return { socket, closed, greeted };
}

describe('item 1: an update Yjs cannot apply breaks the room, which is reloaded from the store', () => {
  it('closes the sender, drops the room and serves the stored board to the next connection', async () => {
    const board = await createBoard(permissive.baseUrl);
    const watcher = await synced(permissive, board, board.facilitatorToken);
    const before = await permissive.app.services.registry.peek(board.boardId);
    // A valid update cut short: Yjs throws while reading it.
    const source = new Y.Doc();
    source.getMap('notes').set('x', new Y.Map());
    const whole = Y.encodeStateAsUpdate(source);
    const raw = openRaw(permissive, board.boardId, board.facilitatorToken);
    expect(await raw.greeted).toBe(true);
    raw.socket.send(encodeUpdate(whole.slice(0, whole.length - 3)));
    expect((await raw.closed).code).toBe(4400);
    await expect.poll(() => watcher.closes.map((c) => c.code)).toContain(1011);
    watcher.destroy();
    const again = await synced(permissive, board, board.facilitatorToken);
    const after = await permissive.app.services.registry.peek(board.boardId);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(after!.isBroken).toBe(false);
    expect(readBoard(again.doc).meta?.title).toBe('Test board');
    again.destroy();
  });
});

describe('item 4: a peer the server closed on purpose cannot keep writing', () => {
  it('drops the removed participant’s frames and cuts the socket off although it never answers the close', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    expect(
      (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
        .status,
    ).toBe(200);
    const client = await synced(server, board, ana.token);
    const ws = (client.provider as unknown as { ws: WebSocket }).ws;
    // A client that ignores the close frame: ws would answer it through close(), so close does nothing here.
    let gotClose!: () => void;
    const closeArrived = new Promise<void>((resolve) => (gotClose = resolve));
    ws.close = () => gotClose();
    const cutOff = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    const removed = await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'removeParticipant',
      participantId: ana.participantId,
    });
    expect(removed.status).toBe(200);
    await closeArrived;
    const note = addNote(client.doc, {
      areaId: 'ex1-a1',
      text: 'Written after removal',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    expect(note.ok).toBe(true);
    await cutOff;
    const notes = await server.app.services.registry.with(board.boardId, (room) =>
      room.read((doc) => readBoard(doc).notes),
    );
    expect(notes).toEqual([]);
    client.destroy();
  });
});

describe('item 5: connection caps per participant, and the facilitator is always admitted', () => {
  it('refuses a third connection of one token with 4430 and still admits the facilitator on a full board', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
    const first = openRaw(server, board.boardId, ana.token);
    const second = openRaw(server, board.boardId, ana.token);
    expect(await first.greeted).toBe(true);
    expect(await second.greeted).toBe(true);
    const third = openRaw(server, board.boardId, ana.token);
    expect(await third.greeted).toBe(false);
    expect((await third.closed).code).toBe(4430);
    const boOne = openRaw(server, board.boardId, bo.token);
    expect(await boOne.greeted).toBe(true);
    // Three connections: the board's cap is reached for everyone but the facilitator.
    const boTwo = openRaw(server, board.boardId, bo.token);
    expect((await boTwo.closed).code).toBe(4430);
    const facilitator = openRaw(server, board.boardId, board.facilitatorToken);
    expect(await facilitator.greeted).toBe(true);
    for (const raw of [first, second, boOne, facilitator]) raw.socket.close();
  });
});

describe('item 7: participants per board', () => {
  it('answers 409 in words once the board holds its most people', async () => {
    const board = await createBoard(server.baseUrl);
    for (const name of ['A', 'B', 'C']) await join(server.baseUrl, board.boardId, board.joinCode, name);
    const refused = await postJson(`${server.baseUrl}/api/boards/${board.boardId}/join`, {
      code: board.observerCode,
      name: 'D',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/at most 3 people/);
  });
});

describe('item 8: JSON bodies only, and same-origin state changes', () => {
  it('refuses a text/plain board creation with 415', async () => {
    const response = await fetch(`${server.baseUrl}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"title":"x"}',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/must be JSON/);
  });

  it('refuses a request from another site, allows its own origin and requests without an Origin', async () => {
    const body = JSON.stringify({ title: 'Origins' });
    const headers = { 'Content-Type': 'application/json' };
    const foreign = await fetch(`${server.baseUrl}/api/boards`, {
      method: 'POST',
      headers: { ...headers, Origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${server.baseUrl}/api/boards`, {
      method: 'POST',
      headers: { ...headers, Origin: server.baseUrl },
      body,
    });
    expect(own.status).toBe(201);
    const none = await fetch(`${server.baseUrl}/api/boards`, { method: 'POST', headers, body });
    expect(none.status).toBe(201);
  });

  it('refuses a websocket from another site before upgrading', async () => {
    const board = await createBoard(server.baseUrl);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${server.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`, {
        headers: { Origin: 'https://evil.example' },
      });
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
    const own = openRaw(server, board.boardId, board.facilitatorToken, { Origin: server.baseUrl });
    expect(await own.greeted).toBe(true);
    own.socket.close();
  });
});

describe('item 10: malformed URLs', () => {
  it('answers 400 for a NUL byte and for bad percent-encoding', async () => {
    for (const path of ['/%00', '/%E0%A4%A', '/b/%ZZ']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(400);
    }
  });
});

describe('item 7: rate limits per address and the size limit on server-side writes', () => {
  it('answers 429 with Retry-After and words once an address has created its boards for the minute', async () => {
    const limited = await startInProcess({ BOARDS_PER_MINUTE: '2', JOINS_PER_MINUTE: '2' });
    try {
      const board = await createBoard(limited.baseUrl);
      await createBoard(limited.baseUrl);
      const third = await fetch(`${limited.baseUrl}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/Too many boards/);
      await join(limited.baseUrl, board.boardId, board.joinCode, 'A');
      await join(limited.baseUrl, board.boardId, board.joinCode, 'B');
      const refused = await postJson(`${limited.baseUrl}/api/boards/${board.boardId}/join`, {
        code: board.joinCode,
        name: 'C',
      });
      expect(refused.status).toBe(429);
      // The bucket refills with the clock.
      limited.clock.advance(60_000);
      expect(
        (await postJson(`${limited.baseUrl}/api/boards/${board.boardId}/join`, { code: board.joinCode, name: 'C' }))
          .status,
      ).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('refuses a join into a board at its size limit with 413, and still lets the facilitator close it', async () => {
    const tiny = await startInProcess({ MAX_BOARD_BYTES: '1024' });
    try {
      const board = await createBoard(tiny.baseUrl);
      const refused = await postJson(`${tiny.baseUrl}/api/boards/${board.boardId}/join`, {
        code: board.joinCode,
        name: 'A',
      });
      expect(refused.status).toBe(413);
      expect(refused.json.error.message).toMatch(/board is full/);
      expect(
        (await command(tiny.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
          .status,
      ).toBe(413);
      expect((await command(tiny.baseUrl, board.boardId, board.facilitatorToken, { type: 'close' })).status).toBe(200);
    } finally {
      await tiny.close();
    }
  });
});

describe('item 6: presence byte budget per board', () => {
  it('drops a presence state that would take the board past its budget', async () => {
    const small = await startInProcess({ MAX_PRESENCE_BYTES_PER_ROOM: '2048' });
    try {
      const board = await createBoard(small.baseUrl);
      const a = openRaw(small, board.boardId, board.facilitatorToken);
      const b = openRaw(small, board.boardId, board.facilitatorToken);
      expect(await a.greeted).toBe(true);
      expect(await b.greeted).toBe(true);
      const presence = (socket: WebSocket) => {
        const seen: number[][] = [];
        socket.on('message', (data: Buffer) => {
          const bytes = new Uint8Array(data);
          if (bytes[0] !== 1) return;
          const decoder = decoding.createDecoder(bytes.subarray(1));
          seen.push(
            decodeAwareness(decoding.readVarUint8Array(decoder), 1 << 20)
              .filter((e) => e.state)
              .map((e) => e.clientId),
          );
        });
        return seen;
      };
      const seenByB = presence(b.socket);
      const state = { cursor: 'x'.repeat(1500) };
      a.socket.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 1, clock: 1, state }])));
      await expect.poll(() => seenByB.flat()).toContain(1);
      b.socket.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 2, clock: 1, state }])));
      // Handled in order after B's own state: the full set the board holds.
      b.socket.send(new Uint8Array([3]));
      await expect.poll(() => seenByB.length).toBeGreaterThan(1);
      expect(seenByB.at(-1)).toEqual([1]);
      a.socket.close();
      b.socket.close();
    } finally {
      await small.close();
    }
  });
});
