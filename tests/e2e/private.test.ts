// Private posting in real Chromium: Ana's private note never reaches Bo's browser until the group phase reveals it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command, createBoard, type CreatedBoard } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

describe.runIf(hasBrowser())('private posting: two participants', () => {
  let room: Room;
  let board: CreatedBoard;
  /** Every websocket frame Bo's browser received, as bytes. */
  const boFrames: Buffer[] = [];

  beforeAll(async () => {
    room = await openRoom();
    board = await createBoard(room.server.baseUrl, 'Private posting');
    const send = (body: unknown) => command(room.server.baseUrl, board.boardId, board.facilitatorToken, body);
    expect((await send({ type: 'setPrivatePosting', enabled: true })).status).toBe(200);
    expect((await send({ type: 'startPhase', phase: 'post' })).status).toBe(200);
  });

  afterAll(async () => {
    await room?.close();
  });

  const joinAs = (page: Page, name: string) => room.joinAs(board.links.participant, name, { page });

  const secret = 'Sealed until grouping: who audits the root KSK ceremony?';
  const boReceived = (text: string) => boFrames.some((frame) => frame.includes(Buffer.from(text, 'utf8')));
  let ana: Page;
  let bo: Page;

  it('keeps Ana’s note on her screen only, while Bo sees the count', async () => {
    ana = await room.newPage();
    bo = await room.newPage();
    bo.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) =>
        boFrames.push(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload)),
      );
    });
    await joinAs(ana, 'Ana');
    await joinAs(bo, 'Bo');
    await expect.poll(() => boFrames.length).toBeGreaterThan(0);

    await ana.getByLabel('Station', { exact: true }).selectOption({ index: 1 });
    const box = ana.getByLabel('Note', { exact: true });
    await box.fill(secret);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('');
    const mine = ana.getByRole('region', { name: 'Your private notes' });
    await expect.poll(() => mine.innerText()).toContain(secret);
    expect(await mine.innerText()).toContain('Only you can see these until the group phase');

    const counts = (page: Page) => page.getByRole('region', { name: 'Private posting' }).innerText();
    await expect.poll(() => counts(bo)).toContain('1 private note');
    await expect.poll(() => counts(ana)).toContain('1 private note');
    // Ana edits it; Bo still gets nothing but the count.
    await mine.getByRole('button', { name: `Edit: ${secret}` }).click();
    await mine.getByLabel('Edit note').fill(`${secret} (and when)`);
    await mine.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => mine.innerText()).toContain('(and when)');

    expect(boReceived(secret.slice(0, 30))).toBe(false);
    expect(await bo.content()).not.toContain(secret.slice(0, 30));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await ana.screenshot({ path: path.join(ARTIFACTS, 'private-ana.png') });
    await bo.screenshot({ path: path.join(ARTIFACTS, 'private-bo.png') });
  });

  it('reveals the note to Bo, with Ana as author, at the group phase', async () => {
    expect(
      (await command(room.server.baseUrl, board.boardId, board.facilitatorToken, { type: 'nextPhase' })).status,
    ).toBe(200);
    const notes = bo.getByRole('region', { name: 'Notes', exact: true });
    await expect.poll(() => notes.innerText()).toContain(`${secret} (and when)`);
    expect(await notes.innerText()).toContain('Ana');
    // Only now do the bytes reach Bo's browser: the frame search above could have seen them.
    expect(boReceived(secret.slice(0, 30))).toBe(true);
    await expect.poll(() => ana.getByRole('region', { name: 'Your private notes' }).count()).toBe(0);
  });

  it('lets Bo place a dot that nobody sees until the facilitator reveals the votes', async () => {
    const send = (body: unknown) => command(room.server.baseUrl, board.boardId, board.facilitatorToken, body);
    expect((await send({ type: 'setVoting', enabled: true })).status).toBe(200);
    expect((await send({ type: 'startPhase', phase: 'vote' })).status).toBe(200);
    const panel = bo.getByRole('region', { name: 'Dot voting' });
    await expect.poll(() => panel.innerText()).toContain('3 of 3 votes left');
    await panel.getByRole('button', { name: `Add a vote to: ${secret} (and when)` }).click();
    await expect.poll(() => panel.innerText()).toContain('2 of 3 votes left');
    await expect
      .poll(() => ana.getByRole('region', { name: 'Dot voting' }).innerText())
      .toContain('1 person has voted so far.');
    expect((await send({ type: 'revealVotes' })).status).toBe(200);
    await expect.poll(() => ana.getByRole('region', { name: 'Votes', exact: true }).innerText()).toContain('1 vote');
  });

  it('ran without script errors in any page', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
