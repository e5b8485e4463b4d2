// Presence fan-out (issue 15): changes reach peers at once, unchanged renewals are merged per room, none is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { createBoard } from '../helpers/api.ts';
import { encodeAwareness } from '../../server/src/rooms/messages.ts';
import { decodeAwareness, encodeAwarenessEntries, type AwarenessEntry } from '../../server/src/rooms/awarenessStamp.ts';
import { RENEWAL_DELAY_MS } from '../../server/src/rooms/RoomPresence.ts';

let server: InProcessServer;

beforeAll(async () => {
  server = await startInProcess({ MAX_CONNECTIONS_PER_PARTICIPANT: '10' });
});

afterAll(async () => {
  await server.close();
});

/** A raw socket on the board, with every presence frame it receives, decoded, in order. */
async function openWatched(boardId: string, token: string) {
  const socket = new WebSocket(`${server.wsUrl}/ws/${boardId}?token=${token}`);
  socket.on('error', () => undefined);
  const frames: AwarenessEntry[][] = [];
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    if (bytes[0] !== 1) return;
    frames.push(decodeAwareness(decoding.readVarUint8Array(decoding.createDecoder(bytes.subarray(1))), 1 << 20));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  const say = (clientId: number, clock: number, state: Record<string, unknown> | null) =>
    socket.send(encodeAwareness(encodeAwarenessEntries([{ clientId, clock, state }])));
  return { socket, frames, say };
}

/** The frames holding client `clientId` at `clock`. */
const framesWith = (frames: AwarenessEntry[][], clientId: number, clock: number) =>
  frames.filter((frame) => frame.some((entry) => entry.clientId === clientId && entry.clock === clock));

const renewalWait = { timeout: RENEWAL_DELAY_MS * 3 };

describe('presence fan-out', () => {
  it('sends renewals to peers, several clients merged in one frame', async () => {
    const board = await createBoard(server.baseUrl);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => openWatched(board.boardId, board.facilitatorToken)));
    a!.say(11, 1, { drag: null });
    b!.say(12, 1, { drag: null });
    // New states are changes: each goes out at once.
    await expect.poll(() => framesWith(c!.frames, 11, 1).length).toBeGreaterThan(0);
    await expect.poll(() => framesWith(c!.frames, 12, 1).length).toBeGreaterThan(0);
    // Renewals: the same state with a newer clock, which keeps peers from timing the state out.
    a!.say(11, 2, { drag: null });
    b!.say(12, 2, { drag: null });
    await expect.poll(() => framesWith(c!.frames, 11, 2).length, renewalWait).toBeGreaterThan(0);
    const [renewed] = framesWith(c!.frames, 11, 2);
    expect(renewed!.map((entry) => [entry.clientId, entry.clock]).sort()).toEqual([
      [11, 2],
      [12, 2],
    ]);
    // Still stamped with the connection's identity, as every presence state is.
    expect(renewed![0]!.state).toMatchObject({ drag: null, user: { role: 'facilitator' } });
    for (const peer of [a, b, c]) peer!.socket.close();
  }, 30_000);

  it('sends a change at once, with the renewals that were waiting', async () => {
    const board = await createBoard(server.baseUrl);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => openWatched(board.boardId, board.facilitatorToken)));
    a!.say(21, 1, { drag: null });
    b!.say(22, 1, { drag: null });
    await expect.poll(() => framesWith(c!.frames, 22, 1).length).toBeGreaterThan(0);
    await expect.poll(() => framesWith(c!.frames, 21, 1).length).toBeGreaterThan(0);
    a!.say(21, 2, { drag: null });
    b!.say(22, 2, { drag: { noteId: 'n1', x: 10, y: 20 } });
    await expect.poll(() => framesWith(c!.frames, 22, 2).length).toBeGreaterThan(0);
    const [changed] = framesWith(c!.frames, 22, 2);
    expect(changed!.find((entry) => entry.clientId === 22)!.state).toMatchObject({ drag: { noteId: 'n1' } });
    expect(changed!.some((entry) => entry.clientId === 21 && entry.clock === 2)).toBe(true);
    for (const peer of [a, b, c]) peer!.socket.close();
  }, 30_000);

  it('drops, unread, what a connection sends for client ids another one speaks for', async () => {
    const board = await createBoard(server.baseUrl);
    const [a, b] = await Promise.all([1, 2].map(() => openWatched(board.boardId, board.facilitatorToken)));
    a!.say(41, 1, { drag: null });
    await expect.poll(() => framesWith(b!.frames, 41, 1).length).toBeGreaterThan(0);
    // As a stock provider echoes what it receives, but with a newer clock and a state that is not even JSON.
    const echo = encoding.createEncoder();
    encoding.writeVarUint(echo, 1);
    encoding.writeVarUint(echo, 41);
    encoding.writeVarUint(echo, 5);
    encoding.writeVarString(echo, '{not json');
    b!.socket.send(encodeAwareness(encoding.toUint8Array(echo)));
    // B is still heard (its own state goes out), and A's state was never replaced.
    b!.say(42, 1, { drag: null });
    await expect.poll(() => framesWith(a!.frames, 42, 1).length).toBeGreaterThan(0);
    expect(framesWith(a!.frames, 41, 5)).toEqual([]);
    expect(framesWith(b!.frames, 41, 5)).toEqual([]);
    a!.socket.close();
    b!.socket.close();
  });

  it('tells peers at once when someone leaves, and a newcomer gets every state', async () => {
    const board = await createBoard(server.baseUrl);
    const [a, b] = await Promise.all([1, 2].map(() => openWatched(board.boardId, board.facilitatorToken)));
    a!.say(31, 1, { drag: null });
    b!.say(32, 1, { drag: null });
    await expect.poll(() => framesWith(b!.frames, 31, 1).length).toBeGreaterThan(0);
    b!.say(32, 2, { drag: null });
    const newcomer = await openWatched(board.boardId, board.facilitatorToken);
    // The newcomer's greeting holds the renewal that peers have not been sent yet.
    await expect.poll(() => framesWith(newcomer.frames, 32, 2).length).toBeGreaterThan(0);
    a!.socket.close();
    await expect.poll(() => b!.frames.flat().some((entry) => entry.clientId === 31 && entry.state === null)).toBe(true);
    await expect
      .poll(() => newcomer.frames.flat().some((entry) => entry.clientId === 31 && entry.state === null))
      .toBe(true);
    b!.socket.close();
    newcomer.socket.close();
  }, 30_000);
});
