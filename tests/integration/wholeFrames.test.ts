// Broadcast frames written whole to each peer's TCP socket, past ws's sender (ws/wireFrame.ts): real clients
// read every frame intact and in order, between the frames ws sends itself (pongs, close frames), under
// back-pressure, and while a peer leaves half-way. The too-slow cut-off (4408) is backpressure.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { encodeAwareness } from '../../server/src/rooms/messages.ts';
import { decodeAwareness, encodeAwarenessEntries } from '../../server/src/rooms/awarenessStamp.ts';
import { WHOLE_FRAME_MAX_BYTES } from '../../server/src/ws/wireFrame.ts';

const WRITER_ID = 7001;
/** Note lengths on both sides of each header size and of the whole-frame maximum (larger ones go through ws.send). */
const NOTE_LENGTHS = [1, 60, 200, 5_000, 40_000, WHOLE_FRAME_MAX_BYTES - 400, WHOLE_FRAME_MAX_BYTES + 10, 90_000];

let server: InProcessServer;

beforeAll(async () => {
  server = await startInProcess({
    MAX_AWARENESS_BYTES: '200000',
    MAX_PRESENCE_BYTES_PER_ROOM: '1000000',
    MAX_MESSAGES_PER_SECOND: '100000',
    MESSAGE_BURST: '100000',
    MAX_CONNECTIONS_PER_PARTICIPANT: '20',
    MAX_SEND_BUFFER_BYTES: String(64 * 1024 * 1024),
  });
});

afterAll(async () => {
  await server.close();
});

const noteOf = (clock: number) => `${clock}:` + 'n'.repeat(NOTE_LENGTHS[clock % NOTE_LENGTHS.length]!);

/** A socket on the board that records the writer's presence states it reads, and the pongs, in arrival order. */
async function openReader(url: string) {
  const socket = new WebSocket(url);
  socket.on('error', () => undefined);
  const events: string[] = [];
  const notes: { clock: number; note: unknown }[] = [];
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    if (bytes[0] !== 1) return;
    const update = decoding.readVarUint8Array(decoding.createDecoder(bytes.subarray(1)));
    for (const entry of decodeAwareness(update, 1 << 20)) {
      if (entry.clientId !== WRITER_ID) continue;
      notes.push({ clock: entry.clock, note: entry.state?.note });
      events.push(`note ${entry.clock}`);
    }
  });
  socket.on('pong', (data: Buffer) => events.push(`pong ${data.toString()}`));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  return { socket, events, notes, closed };
}

/** Every note from 1 to `last`, once, in order and whole. */
function expectEveryNote(notes: { clock: number; note: unknown }[], last: number): void {
  expect(notes.map((entry) => entry.clock)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  for (const { clock, note } of notes) expect(note).toBe(noteOf(clock));
}

describe('whole broadcast frames', () => {
  it('reach every reader intact and in order, between pongs, through a stall and a peer leaving half-way', async () => {
    const board = await createBoard(server.baseUrl);
    const url = `${server.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`;
    const [steady, stalled, leaving, writer] = await Promise.all([1, 2, 3, 4].map(() => openReader(url)));
    const stalledTcp = (stalled!.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    stalledTcp.pause();
    const rounds = 400; // about 12 MB to each reader: more than loopback's kernel buffers hold for a stalled one
    for (let clock = 1; clock <= rounds; clock++) {
      const state = { note: noteOf(clock) };
      writer!.socket.send(encodeAwareness(encodeAwarenessEntries([{ clientId: WRITER_ID, clock, state }])));
      // Pings: ws answers each with a pong written through its own sender, between our frames.
      if (clock % 10 === 0) steady!.socket.ping(`p${clock}`);
      if (clock === rounds / 2) leaving!.socket.terminate();
    }
    // The writer is sent its own states too: once the last is back, every frame was written to every socket.
    await expect.poll(() => writer!.notes.length, { timeout: 20_000 }).toBe(rounds);
    await expect.poll(() => steady!.notes.length, { timeout: 20_000 }).toBe(rounds);
    expect(stalled!.notes.length).toBeLessThan(rounds);
    stalledTcp.resume();
    await expect.poll(() => stalled!.notes.length, { timeout: 20_000 }).toBe(rounds);
    for (const reader of [steady, stalled, writer]) expectEveryNote(reader!.notes, rounds);
    // Each pong came after the frames written before the server read its ping, and the pongs kept their order.
    const pongs = steady!.events.filter((event) => event.startsWith('pong'));
    expect(pongs).toEqual(Array.from({ length: rounds / 10 }, (_, i) => `pong p${(i + 1) * 10}`));
    expect(steady!.events.indexOf(`pong p${rounds}`)).toBeGreaterThan(steady!.events.indexOf('note 1'));
    // The room still serves the rest after a peer vanished mid-stream.
    expect(server.app.connectionCount()).toBeGreaterThanOrEqual(3);
    for (const reader of [steady, stalled, writer]) reader!.socket.close();
  }, 60_000);

  it('keeps the frames written before a close frame ws sends ahead of it, each whole', async () => {
    const board = await createBoard(server.baseUrl);
    const base = `${server.wsUrl}/ws/${board.boardId}?token=`;
    const member = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const [removed, writer] = await Promise.all([
      openReader(base + member.token),
      openReader(base + board.facilitatorToken),
    ]);
    const removedTcp = (removed!.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    removedTcp.pause();
    const rounds = 120;
    for (let clock = 1; clock <= rounds; clock++) {
      const state = { note: noteOf(clock) };
      writer!.socket.send(encodeAwareness(encodeAwarenessEntries([{ clientId: WRITER_ID, clock, state }])));
    }
    await expect.poll(() => writer!.notes.length, { timeout: 20_000 }).toBe(rounds);
    // Removal closes the member's socket through ws (4401) while our frames still wait in its send buffer.
    const answer = await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'removeParticipant',
      participantId: member.participantId,
    });
    expect(answer.status).toBe(200);
    removedTcp.resume();
    const { code } = await removed!.closed;
    expect(code).toBe(4401);
    expectEveryNote(removed!.notes, rounds);
    writer!.socket.close();
  }, 60_000);
});
