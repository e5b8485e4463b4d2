// Phase safety in Chromium: a step back asks first in plain words, a "no" changes nothing, and the change can be undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command, createBoard, type CreatedBoard } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

describe.runIf(hasBrowser())('phase safety', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createBoard(room.server.baseUrl, 'Phase safety');
    for (const body of [{ type: 'startPhase', phase: 'post' }, { type: 'nextPhase' }]) {
      expect((await command(room.server.baseUrl, board.boardId, board.facilitatorToken, body)).status).toBe(200);
    }
    facilitator = await room.newPage();
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('heading', { name: 'Facilitator console' }).waitFor();
  });

  afterAll(async () => {
    await room?.close();
  });

  const phase = () => facilitator.locator('.session-phase').innerText();
  const controls = () => facilitator.getByRole('group', { name: 'Change phase' });

  it('offers only what makes sense while grouping, and asks before going back to posting', async () => {
    await expect.poll(phase).toBe('Grouping');
    const labels = await controls().getByRole('button').allInnerTexts();
    expect(labels).toEqual(['Next phase', 'Start rotate', 'Back to posting', 'Close board', 'Undo last phase change']);
    expect(await controls().getByRole('button', { name: 'Start post', exact: true }).count()).toBe(0);

    const asked: string[] = [];
    facilitator.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await controls().getByRole('button', { name: 'Back to posting', exact: true }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^Go back to posting\? The room stops grouping/);
    // Said no: still grouping.
    expect(await phase()).toBe('Grouping');

    facilitator.once('dialog', (dialog) => void dialog.accept());
    await controls().getByRole('button', { name: 'Back to posting', exact: true }).click();
    await expect.poll(phase).toBe('Posting');
  });

  it('undoes the step back: grouping again, with the time that was left, and the session log says so', async () => {
    facilitator.once('dialog', (dialog) => {
      expect(dialog.message()).toMatch(/^Undo the last change of phase\? The board goes back to the group phase/);
      void dialog.accept();
    });
    await controls().getByRole('button', { name: 'Undo last phase change', exact: true }).click();
    await expect.poll(phase).toBe('Grouping');
    const me = await fetch(`${room.server.baseUrl}/api/boards/${board.boardId}/export?format=json`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    });
    const exported = JSON.stringify(await me.json());
    // group, post (the step back), group again: three records of this exercise's log after posting.
    expect(exported.match(/"phase":"group"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const timer = facilitator.getByRole('timer', { name: 'Time left' });
    // The default plan gives grouping 5 minutes or more; the undo kept what was left, not a fresh 15 of posting.
    expect(await timer.innerText()).toMatch(/^[0-9]:\d\d$/);
    expect(room.pageErrors).toEqual([]);
  });
});
