// Several notes at once on the canvas in real Chromium: shift-click and lasso select, drag moves them together,
// Group puts them in one group as one undo step, and the laid-out notes still never overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { command, createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { laidOut, noteCentre, noteIdOf, overlapping, postNote } from '../helpers/canvas.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const TEXTS = ['Root server metrics', 'RSSAC047 measurements', 'Anycast site placement'];

/** Polls for up to 10 s: the whole suite shares two cores, and a loaded machine syncs slower. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

describe.runIf(hasBrowser())('multi-select on the canvas', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let ana: Page;
  const ids = new Map<string, string>();

  const groupsText = () => ana.getByRole('region', { name: 'Groups', exact: true }).innerText();
  const selectionBar = () => ana.getByRole('group', { name: 'Selected notes', exact: true });

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Multi-select');
    ana = await room.joinAs(board.links.participant, 'Ana');
    ana.setDefaultTimeout(15_000);
    for (const text of TEXTS) await postNote(ana, text);
    const started = await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'group',
    });
    if (started.status !== 200) throw new Error(`group phase refused: ${started.status}`);
  });

  afterAll(async () => {
    await room?.close();
  });

  it('selects two notes with shift-click, moves them together, and groups them as one undo step', async () => {
    await ana.getByRole('button', { name: 'Fit board', exact: true }).click();
    await poll(async () => (await laidOut(ana)).length).toBe(3);
    for (const text of TEXTS) ids.set(text, await noteIdOf(ana, text));
    const [first, second] = [await noteCentre(ana, TEXTS[0]!), await noteCentre(ana, TEXTS[1]!)];
    await ana.keyboard.down('Shift');
    await ana.mouse.click(first.x, first.y);
    await ana.mouse.click(second.x, second.y);
    await ana.keyboard.up('Shift');
    await poll(() => selectionBar().innerText()).toContain('2 notes selected');
    // A shift-click selects; it opens no note.
    expect(await ana.getByRole('dialog').count()).toBe(0);

    // Dragging one of them takes the other along.
    const before = new Map((await laidOut(ana)).map((b) => [b.id, b]));
    await ana.mouse.move(first.x, first.y);
    await ana.mouse.down();
    await ana.mouse.move(first.x + 4, first.y + 60, { steps: 4 });
    await ana.mouse.move(first.x + 4, first.y + 160, { steps: 8 });
    await ana.mouse.up();
    const moved = (id: string) => async () => {
      const now = (await laidOut(ana)).find((b) => b.id === id)!;
      return now.y - before.get(id)!.y;
    };
    await poll(moved(ids.get(TEXTS[0]!)!)).toBeGreaterThan(60);
    await poll(moved(ids.get(TEXTS[1]!)!)).toBeGreaterThan(60);
    expect(await moved(ids.get(TEXTS[2]!)!)()).toBe(0);

    await selectionBar().getByRole('button', { name: 'Group 2 notes', exact: true }).click();
    await poll(groupsText).toContain('Unnamed group (2 notes)');
    expect(overlapping(await laidOut(ana))).toEqual([]);
    // Both notes joined in one change: one Undo takes the group away again.
    await ana.getByRole('button', { name: 'Undo', exact: true }).click();
    await poll(groupsText).not.toContain('Unnamed group');
    await ana.getByRole('button', { name: 'Redo', exact: true }).click();
    await poll(groupsText).toContain('Unnamed group (2 notes)');
  });

  it('selects every note in a lasso box and adds them to the existing group', async () => {
    await ana.getByRole('button', { name: 'Fit board', exact: true }).click();
    const centres = await Promise.all(TEXTS.map((text) => noteCentre(ana, text)));
    const left = Math.min(...centres.map((c) => c.x)) - 40;
    const right = Math.max(...centres.map((c) => c.x)) + 40;
    // From the station's header (empty board, not a note or frame) to below the lowest note.
    const top = Math.min(...centres.map((c) => c.y)) - 90;
    const bottom = Math.max(...centres.map((c) => c.y)) + 40;
    await ana.getByRole('button', { name: 'Select area', exact: true }).click();
    await ana.mouse.move(left, top);
    await ana.mouse.down();
    await ana.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 });
    await ana.mouse.move(right, bottom, { steps: 4 });
    await ana.mouse.up();
    await poll(() => selectionBar().innerText()).toContain('3 notes selected');
    await selectionBar().getByLabel('Group into', { exact: true }).selectOption({ label: 'Unnamed group' });
    await selectionBar().getByRole('button', { name: 'Group 3 notes', exact: true }).click();
    await poll(groupsText).toContain('Unnamed group (3 notes)');
    await poll(async () => overlapping(await laidOut(ana))).toEqual([]);
    expect(room.pageErrors).toEqual([]);
  });
});
