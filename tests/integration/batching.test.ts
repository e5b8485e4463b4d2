// Updates that arrive together are committed together and broadcast as one frame per peer: every peer still gets
// every accepted change, a sender never gets its own back, and a refusal in the middle of a burst costs nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { MESSAGE_SYNC, SYNC_UPDATE, encodeUpdate } from '../../server/src/rooms/messages.ts';

/** Generous: the machine running the suite may be busy; the polls end as soon as the condition holds. */
const POLL = { timeout: 20_000 };

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { LOG_QUIET: '1' } });
});
afterAll(async () => {
  await server?.stop();
});

interface Writer {
  participantId: string;
  socket: WebSocket;
  /** The payloads of the sync-update frames the server sent this socket. */
  received: Uint8Array[];
  closed: Promise<number>;
}

/** A raw socket that never syncs: it sends only what it is told to, and records the updates it is sent. */
async function rawWriter(boardId: string, token: string, participantId: string): Promise<Writer> {
  const socket = new WebSocket(`${server.wsUrl}/ws/${boardId}?token=${token}`);
  const received: Uint8Array[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    if (decoding.readVarUint(decoder) === SYNC_UPDATE) received.push(decoding.readVarUint8Array(decoder));
  });
  // The server speaks first (sync step 1) once the connection is authenticated and the room loaded.
  await opened;
  return { participantId, socket, received, closed };
}

/** Note updates, each made on its own copy of the board, as separate browsers would. */
function noteUpdates(boardState: Uint8Array, author: { id: string; name: string }, texts: string[]): Uint8Array[] {
  return texts.map((text) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, boardState);
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    addNote(doc as never, { areaId: 'ex1-a1', text, author: { ...author, role: 'participant' }, createdAt: 1 });
    return update;
  });
}

/** The texts of a doc's notes, sorted. */
function sortedTexts(doc: Y.Doc): string[] {
  return readBoard(doc)
    .notes.map((note) => note.text)
    .sort();
}

/** The notes of the board once `updates` are applied to it. */
function textsIn(boardState: Uint8Array, updates: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, boardState);
  for (const update of updates) Y.applyUpdate(doc, update);
  return sortedTexts(doc);
}

async function postingBoard() {
  const board = await createBoard(server.baseUrl);
  await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const reader = connect(server.wsUrl, board.boardId, board.facilitatorToken);
  await reader.synced();
  return { board, reader, boardState: Y.encodeStateAsUpdate(reader.doc) };
}

type Board = Awaited<ReturnType<typeof postingBoard>>;

/** Someone who joins with `code` on a raw socket, with `count` notes ("<name> <i>") ready to send. */
async function writer({ board, boardState }: Board, code: string, name: string, count: number) {
  const joined = await join(server.baseUrl, board.boardId, code, name);
  const socket = await rawWriter(board.boardId, joined.token, joined.participantId);
  const texts = Array.from({ length: count }, (_, i) => `${name} ${i}`);
  return { ...socket, texts, updates: noteUpdates(boardState, { id: joined.participantId, name }, texts) };
}

describe('a burst of updates from two writers', () => {
  it('reaches every peer, and each writer gets only the other one’s notes', async () => {
    const room = await postingBoard();
    const { board, reader, boardState } = room;
    const a = await writer(room, board.joinCode, 'Ana', 20);
    const b = await writer(room, board.joinCode, 'Ben', 20);
    const { texts: anaTexts, updates: fromAna } = a;
    const { texts: benTexts, updates: fromBen } = b;
    // Interleaved and sent without waiting, so the server finds them queued together.
    for (let i = 0; i < 20; i++) {
      a.socket.send(encodeUpdate(fromAna[i]!));
      b.socket.send(encodeUpdate(fromBen[i]!));
    }
    const everything = [...anaTexts, ...benTexts].sort();
    await expect.poll(() => sortedTexts(reader.doc), POLL).toEqual(everything);
    await expect.poll(() => textsIn(boardState, a.received), POLL).toEqual([...benTexts].sort());
    await expect.poll(() => textsIn(boardState, b.received), POLL).toEqual([...anaTexts].sort());
    // Nothing of a writer's own came back to it, not even inside a merged frame.
    const own = (writer: Writer, texts: string[]) =>
      textsIn(boardState, writer.received).filter((t) => texts.includes(t));
    expect(own(a, anaTexts)).toEqual([]);
    expect(own(b, benTexts)).toEqual([]);
    // And all of it is stored: a fresh client after a restart sees the same board.
    a.socket.close();
    b.socket.close();
    reader.destroy();
    await server.stop();
    await server.restart();
    const after = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await after.synced();
    expect(sortedTexts(after.doc)).toEqual(everything);
    after.destroy();
  });

  it('refuses one writer’s forbidden change without losing the others’ notes queued around it', async () => {
    const room = await postingBoard();
    const { board, reader } = room;
    const b = await writer(room, board.joinCode, 'Ben', 10);
    const o = await writer(room, board.observerCode, 'Olga', 1);
    const { texts: benTexts, updates: fromBen } = b;
    const [forbidden] = o.updates;
    for (const update of fromBen.slice(0, 5)) b.socket.send(encodeUpdate(update));
    o.socket.send(encodeUpdate(forbidden!));
    for (const update of fromBen.slice(5)) b.socket.send(encodeUpdate(update));
    expect(await o.closed).toBe(4403);
    await expect.poll(() => sortedTexts(reader.doc), POLL).toEqual([...benTexts].sort());
    expect(readBoard(reader.doc).notes.some((n) => n.text === 'Olga 0')).toBe(false);
    b.socket.close();
    reader.destroy();
  });
});
