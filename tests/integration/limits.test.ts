// Limits hold: message rate (4429), frame size (4413), HTTP body size (413), connections per address, notes per board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join, postJson } from '../helpers/api.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

const LIMITS = {
  MAX_MESSAGES_PER_SECOND: '5',
  MESSAGE_BURST: '20',
  MAX_MESSAGE_BYTES: '2048',
  MAX_HTTP_BODY_BYTES: '2048',
  MAX_CONNECTIONS_PER_ADDRESS: '5',
  MAX_NOTES_PER_BOARD: '5',
  // The per-address cap is tested with one token's connections; its own per-participant cap is tested elsewhere.
  MAX_CONNECTIONS_PER_PARTICIPANT: '10',
};

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: LIMITS });
});
afterAll(async () => {
  await server?.stop();
});

/** Each test speaks from its own loopback address, so the per-address cap of one does not touch another. */
function socketFrom(localAddress: string): typeof globalThis.WebSocket {
  class BoundSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
    }
  }
  return BoundSocket as unknown as typeof globalThis.WebSocket;
}

interface RawSocket {
  socket: WebSocket;
  /** Resolves with the first message (the server greets a ready connection with sync step 1) or rejects on close. */
  greeted: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

function openRaw(url: string, localAddress: string): RawSocket {
  const socket = new WebSocket(url, { localAddress });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const greeted = new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    void closed.then(({ code }) => reject(new Error(`closed with ${code} before any message`)));
  });
  greeted.catch(() => undefined);
  socket.on('error', () => undefined);
  return { socket, greeted, closed };
}

async function participantBoard() {
  const board = await createBoard(server.baseUrl, 'Limits');
  await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  return { board, ana, wsUrl: `${server.wsUrl}/ws/${board.boardId}?token=${ana.token}` };
}

describe('limits', () => {
  it('closes a connection that floods messages with 4429', async () => {
    const { wsUrl } = await participantBoard();
    const raw = openRaw(wsUrl, '127.0.0.11');
    await raw.greeted;
    // Query-awareness frames are valid and cheap: only the rate is wrong.
    for (let i = 0; i < 100; i++) raw.socket.send(new Uint8Array([3]));
    expect((await raw.closed).code).toBe(4429);
  });

  it('closes a connection that sends an oversized frame with 4413', async () => {
    const { wsUrl } = await participantBoard();
    const raw = openRaw(wsUrl, '127.0.0.12');
    await raw.greeted;
    const frame = new Uint8Array(4096).fill(7);
    frame.set([0, 2]);
    raw.socket.send(frame);
    expect((await raw.closed).code).toBe(4413);
  });

  it('answers an oversized HTTP body with 413 and the error envelope', async () => {
    const { status, json } = await postJson(`${server.baseUrl}/api/boards`, { title: 'x'.repeat(10_000) });
    expect(status).toBe(413);
    expect(typeof json.error.code).toBe('string');
    expect(typeof json.error.message).toBe('string');
  });

  it('caps connections per address, and frees the slot when one closes', async () => {
    const { wsUrl } = await participantBoard();
    const open = Array.from({ length: 5 }, () => openRaw(wsUrl, '127.0.0.13'));
    await Promise.all(open.map((r) => r.greeted));
    const sixth = openRaw(wsUrl, '127.0.0.13');
    expect((await sixth.closed).code).toBe(4430);
    // Another address is not affected.
    const elsewhere = openRaw(wsUrl, '127.0.0.14');
    await elsewhere.greeted;
    open[0]!.socket.close();
    await open[0]!.closed;
    const again = openRaw(wsUrl, '127.0.0.13');
    await again.greeted;
    for (const r of [...open, elsewhere, again]) r.socket.close();
  });

  it('refuses the note beyond MAX_NOTES_PER_BOARD with 4403 and keeps the notes before it', async () => {
    const { board, ana } = await participantBoard();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.wsUrl}/ws`, board.boardId, doc, {
      params: { token: ana.token },
      WebSocketPolyfill: socketFrom('127.0.0.15'),
      disableBc: true,
      maxBackoffTime: 60_000,
    });
    const closes: number[] = [];
    provider.on('connection-close', (event: { code: number } | null) => void (event && closes.push(event.code)));
    const readerDoc = new Y.Doc();
    const reader = new WebsocketProvider(`${server.wsUrl}/ws`, board.boardId, readerDoc, {
      params: { token: board.facilitatorToken },
      WebSocketPolyfill: socketFrom('127.0.0.16'),
      disableBc: true,
    });
    await expect.poll(() => provider.synced && reader.synced).toBe(true);
    const author = { id: ana.participantId, name: 'Ana', role: 'participant' as const };
    for (let i = 0; i < 5; i++) {
      expect(addNote(doc, { areaId: 'ex1-a1', text: `Note ${i}`, author, createdAt: i + 1 }).ok).toBe(true);
    }
    await expect.poll(() => readBoard(readerDoc).notes.length).toBe(5);
    expect(addNote(doc, { areaId: 'ex1-a1', text: 'One too many', author, createdAt: 9 }).ok).toBe(true);
    await expect.poll(() => closes).toContain(4403);
    provider.destroy();

    const freshDoc = new Y.Doc();
    const fresh = new WebsocketProvider(`${server.wsUrl}/ws`, board.boardId, freshDoc, {
      params: { token: board.facilitatorToken },
      WebSocketPolyfill: socketFrom('127.0.0.17'),
      disableBc: true,
    });
    await expect.poll(() => fresh.synced).toBe(true);
    const after = readBoard(freshDoc);
    expect(after.notes.map((n) => n.text)).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4']);
    expect(after.skipped).toEqual([]);
    expect(readBoard(readerDoc).notes).toHaveLength(5);
    fresh.destroy();
    reader.destroy();
  });
});
