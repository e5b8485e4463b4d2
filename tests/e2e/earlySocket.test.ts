// The board's socket opens early (from the entry when the link or a kept identity holds the token, else beside the
// identity check; sync/earlySocket.ts) and the provider takes it over: one socket per page, the board synced through
// it, and every refusal still said in the same words, the socket closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { createPostingBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { openRoom, type Room } from '../helpers/room.ts';
import { waitForServerState } from '../helpers/serverState.ts';

/** Counts the page's websockets and the frames each sent, before any page script runs. */
const COUNT_SOCKETS = `(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const record = { url: String(args[0]), sent: [], createdAt: performance.now() };
      window.__sockets.push({ record, socket: this });
      const send = this.send.bind(this);
      this.send = (data) => {
        record.sent.push(Array.from(new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer, data.byteOffset ?? 0, data.byteLength)).slice(0, 4).join(','));
        send(data);
      };
    }
  };
})()`;

interface SocketRecord {
  url: string;
  sent: string[];
  createdAt: number;
  readyState: number;
}

/** When the page asked for the board page's chunk (ms since navigation), one entry per request. */
const boardPageChunkRequested = (page: Page) =>
  page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => /\\/assets\\/BoardPage-[^/]*\\.js$/.test(e.name)).map((e) => e.startTime)`,
  ) as Promise<number[]>;

const sockets = (page: Page) =>
  page.evaluate(
    `window.__sockets.map(({ record, socket }) => ({ ...record, readyState: socket.readyState }))`,
  ) as Promise<SocketRecord[]>;

describe.runIf(hasBrowser())('the board socket opened early', () => {
  let room: Room;
  let board: CreatedBoard;

  beforeAll(async () => {
    room = await openRoom();
    board = await createPostingBoard(room.server.baseUrl, 'Early socket');
    const ana = await join(room.server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const client = connect(room.server.wsUrl, board.boardId, ana.token);
    await client.synced();
    addNote(client.doc, {
      areaId: 'ex1-a1',
      text: 'Posted before the facilitator came',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    await waitForServerState(
      room.server.wsUrl,
      board.boardId,
      board.facilitatorToken,
      (doc) => readBoard(doc).notes.length,
      (n) => n === 1,
    );
    client.destroy();
  });

  afterAll(async () => {
    await room?.close();
  });

  async function open(link: string): Promise<Page> {
    const page = await room.newPage();
    await page.addInitScript(COUNT_SOCKETS);
    await page.goto(link);
    return page;
  }

  it('is the one socket the board syncs through, asking for the board once', async () => {
    const page = await open(board.links.facilitator);
    const notes = page.getByRole('region', { name: 'Notes', exact: true });
    await expect.poll(() => notes.innerText(), { timeout: 15_000 }).toContain('Posted before the facilitator came');
    const [only, ...others] = await sockets(page);
    expect(others).toEqual([]);
    expect(only!.url).toMatch(new RegExp(`/ws/${board.boardId}\\?token=`));
    expect(only!.readyState).toBe(1);
    // Opened before the identity check was even asked, not after it answered.
    const me = (await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/me')).map((e) => e.startTime)`,
    )) as number[];
    expect(me).toHaveLength(1);
    expect(only!.createdAt).toBeLessThanOrEqual(me[0]!);
    // Opened by the entry (app/boardSocketFirst.ts), before the board page's chunk was even asked for.
    const chunk = await boardPageChunkRequested(page);
    expect(chunk).toHaveLength(1);
    expect(only!.createdAt).toBeLessThanOrEqual(chunk[0]!);
    // So was the identity check, whose answer the board page took instead of asking again (one /me above).
    expect(me[0]!).toBeLessThanOrEqual(chunk[0]!);
    // Sync step 1 of an empty doc (0,0,1,0) went out once: the provider's own was the same request.
    expect(only!.sent.filter((frame) => frame === '0,0,1,0')).toHaveLength(1);
    // And it carries the page's edits: a note posted here reaches the server's copy for others.
    const other = await room.joinAs(board.links.participant, 'Bo');
    await page.getByLabel('Note', { exact: true }).fill('Written through the adopted socket');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect
      .poll(() => other.getByRole('region', { name: 'Notes', exact: true }).innerText(), { timeout: 15_000 })
      .toContain('Written through the adopted socket');
  });

  it('opens from the entry for the identity this browser kept, on a reload', async () => {
    const page = await room.joinAs(board.links.participant, 'Cy');
    await page.addInitScript(COUNT_SOCKETS);
    await page.reload();
    const notes = page.getByRole('region', { name: 'Notes', exact: true });
    await expect.poll(() => notes.innerText(), { timeout: 15_000 }).toContain('Posted before the facilitator came');
    const [only, ...others] = await sockets(page);
    expect(others).toEqual([]);
    expect(only!.readyState).toBe(1);
    const chunk = await boardPageChunkRequested(page);
    expect(chunk).toHaveLength(1);
    expect(only!.createdAt).toBeLessThanOrEqual(chunk[0]!);
  });

  it('says a refused facilitator link in the same words, and closes the socket it opened', async () => {
    const page = await open(`${room.server.baseUrl}/b/${board.boardId}#f=not-the-facilitator-token`);
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 15_000 })
      .toBe('This facilitator link is no longer valid.');
    await expect.poll(async () => (await sockets(page)).map((s) => s.readyState)).toEqual([3]);
  });

  it('says an unknown board in the same words', async () => {
    const page = await open(`${room.server.baseUrl}/b/NoSuchBoard0000000000#f=${board.facilitatorToken}`);
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 15_000 })
      .toBe('This board does not exist.');
    await expect.poll(async () => (await sockets(page)).every((s) => s.readyState === 3)).toBe(true);
  });

  it('asks for the link again when the kept identity stopped working, and closes the socket', async () => {
    const page = await room.joinAs(board.links.participant, 'Cy');
    await page.addInitScript(COUNT_SOCKETS);
    await page.evaluate((boardId) => {
      const key = `scopeboard:identity:${boardId}`;
      const kept = JSON.parse(localStorage.getItem(key)!) as { token: string };
      localStorage.setItem(key, JSON.stringify({ ...kept, token: 'revoked-token' }));
    }, board.boardId);
    await page.goto(`${room.server.baseUrl}/b/${board.boardId}`);
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 15_000 })
      .toBe('This link is no longer valid. Ask the facilitator for the current link.');
    await expect.poll(async () => (await sockets(page)).map((s) => s.readyState)).toEqual([3]);
    expect(room.pageErrors).toEqual([]);
  });
});
