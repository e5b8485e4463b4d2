// Notes on the canvas in real Chromium: open one in the side sheet (full text, group, comments), edit and delete
// your own by double-click and by keyboard, and find no way to edit someone else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { command, createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { focusedAttribute, noteCentre, noteIdOf, notePosition, postNote } from '../helpers/canvas.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const LONG =
  'How is L-root operated across its many anycast instances, who decides where new instances go, and how is that reviewed?';
const SHORT = 'Monitoring of RSS latency';
const BOS = 'Zone file integrity checks';

/** Polls for up to 10 s: the whole suite shares two cores, and a loaded machine syncs slower. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

describe.runIf(hasBrowser())('editing notes on the canvas', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let ana: Page;
  let bo: Page;

  const notesOf = (page: Page) => page.getByRole('region', { name: 'Notes', exact: true }).innerText();
  const sheet = (page: Page) => page.getByRole('dialog', { name: /^Note by / });

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Canvas editing');
    ana = await room.joinAs(board.links.participant, 'Ana');
    bo = await room.joinAs(board.links.participant, 'Bo');
    ana.setDefaultTimeout(15_000);
    bo.setDefaultTimeout(15_000);
    await postNote(ana, LONG);
    await postNote(ana, SHORT);
    await postNote(bo, BOS);
    await ana.getByRole('region', { name: 'Notes', exact: true }).getByText(BOS).waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await room?.close();
  });

  it('opens a note on click with its full text, and Escape gives focus back to the note', async () => {
    const at = await noteCentre(ana, 'How is L-root');
    await ana.mouse.click(at.x, at.y);
    const opened = sheet(ana);
    await opened.waitFor();
    // The canvas cuts the long text; the sheet has all of it, the author and the group.
    expect(await opened.innerText()).toContain(LONG);
    expect(await opened.getByRole('heading', { level: 2 }).innerText()).toBe('Note by Ana');
    expect(await opened.innerText()).toContain('Not in a group');
    await ana.keyboard.press('Escape');
    await poll(() => sheet(ana).count()).toBe(0);
    await poll(() => focusedAttribute(ana, 'data-note-handle')).toBe(await noteIdOf(ana, 'How is L-root'));
  });

  it('edits your own note by double-click, and everyone sees the new text', async () => {
    const at = await noteCentre(ana, SHORT);
    await ana.mouse.dblclick(at.x, at.y);
    const editor = sheet(ana).getByLabel(/^Edit note: Monitoring/);
    await editor.waitFor();
    await expect
      .poll(() =>
        editor.evaluate(
          (el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
        ),
      )
      .toBe(true);
    await editor.fill('Monitoring of RSS latency and reachability');
    await editor.press('Enter');
    await poll(() => notesOf(bo)).toContain('Monitoring of RSS latency and reachability');
  });

  it('edits and deletes your own note from the keyboard: Enter opens it, Delete asks first', async () => {
    await ana.keyboard.press('Escape');
    const handle = ana.getByRole('button', { name: /^note: Monitoring of RSS latency and/ });
    await handle.focus();
    await ana.keyboard.press('Enter');
    await sheet(ana).waitFor();
    await sheet(ana)
      .getByRole('button', { name: /^Edit note: Monitoring/ })
      .press('Enter');
    const editor = sheet(ana).getByLabel(/^Edit note: Monitoring/);
    await editor.fill('RSS latency dashboards');
    await editor.press('Enter');
    await poll(() => notesOf(bo)).toContain('RSS latency dashboards');
    await ana.keyboard.press('Escape');

    const renamed = ana.getByRole('button', { name: /^note: RSS latency dashboards/ });
    await renamed.focus();
    await ana.keyboard.press('Delete');
    const confirm = sheet(ana).getByRole('button', { name: /^Yes, delete note: RSS latency/ });
    await confirm.waitFor();
    // Nothing is deleted until the question is answered.
    expect(await notesOf(bo)).toContain('RSS latency dashboards');
    await confirm.press('Enter');
    await poll(() => notesOf(bo)).not.toContain('RSS latency dashboards');
    await poll(() => sheet(ana).count()).toBe(0);
  });

  it("offers no way to edit someone else's note", async () => {
    const at = await noteCentre(ana, BOS);
    await ana.mouse.dblclick(at.x, at.y);
    await sheet(ana).waitFor();
    expect(await sheet(ana).getByRole('heading', { level: 2 }).innerText()).toBe('Note by Bo');
    expect(
      await sheet(ana)
        .getByRole('button', { name: /^(Edit|Delete) note/ })
        .count(),
    ).toBe(0);
    expect(
      await sheet(ana)
        .getByRole('textbox', { name: /^Edit note/ })
        .count(),
    ).toBe(0);
    await ana.keyboard.press('Escape');
    const handle = ana.getByRole('button', { name: /^note: Zone file integrity/ });
    await handle.focus();
    await ana.keyboard.press('Delete');
    expect(await sheet(ana).count()).toBe(0);
  });

  it('brings a note that Tab reaches out of view into view', async () => {
    await bo.getByLabel('Station', { exact: true }).selectOption({ index: 4 });
    await postNote(bo, 'Implementation of SSR2 recommendations');
    const x = async () => (await notePosition(ana, 'Implementation of SSR2')).x;
    const canvas = (await ana.locator('.canvas').boundingBox())!;
    // Station 5 is beyond the right edge at the readable opening scale.
    expect(await x()).toBeGreaterThan(canvas.width);
    await ana.getByRole('button', { name: /^note: Implementation of SSR2/ }).focus();
    await poll(x).toBeLessThan(canvas.width);
    expect(await x()).toBeGreaterThan(0);
  });

  it("shows the note's comments in the sheet, and a comment written there reaches the others", async () => {
    const started = await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'group',
    });
    expect(started.status).toBe(200);
    await ana.getByRole('button', { name: 'Fit board', exact: true }).click();
    const at = await noteCentre(ana, BOS);
    await ana.mouse.click(at.x, at.y);
    const box = sheet(ana).getByLabel('Comment on this note', { exact: true });
    await box.fill('Does this include the signing pipeline?');
    await sheet(ana).getByRole('button', { name: 'Add comment', exact: true }).click();
    await poll(() => sheet(ana).innerText()).toContain('Does this include the signing pipeline?');

    await bo.getByRole('button', { name: 'Fit board', exact: true }).click();
    const onBo = await noteCentre(bo, BOS);
    await bo.mouse.click(onBo.x, onBo.y);
    await sheet(bo).waitFor();
    await poll(() => sheet(bo).innerText()).toContain('Does this include the signing pipeline?');
    expect(await sheet(bo).innerText()).toContain('Ana');
    expect(room.pageErrors).toEqual([]);
  });
});
