// Undo and redo in Chromium: Ctrl+Z takes back one's own note for everyone, Ctrl+Shift+Z brings it back, others' stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

describe.runIf(hasBrowser())('undo and redo', () => {
  let room: Room;
  let board: CreatedBoard;
  let ana: Page;
  let bo: Page;

  beforeAll(async () => {
    room = await openRoom();
    board = await createPostingBoard(room.server.baseUrl, 'Undo replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  const joinAs = (name: string) => room.joinAs(board.links.participant, name);

  const notesText = (page: Page) => page.getByRole('region', { name: 'Notes', exact: true }).innerText();

  it("undoes Ana's own note for both with Ctrl+Z and redoes it with Ctrl+Shift+Z, leaving Bo's note alone", async () => {
    ana = await joinAs('Ana');
    bo = await joinAs('Bo');
    await bo.getByLabel('Note', { exact: true }).fill('Bo keeps this note');
    await bo.getByLabel('Note', { exact: true }).press('Enter');
    await expect.poll(() => notesText(ana)).toContain('Bo keeps this note');

    const box = ana.getByLabel('Note', { exact: true });
    await box.fill('Ana takes this back');
    await box.press('Enter');
    await expect.poll(() => notesText(bo)).toContain('Ana takes this back');

    await ana.keyboard.press('Control+z');
    await expect.poll(() => notesText(bo)).not.toContain('Ana takes this back');
    // Each page re-renders on its own animation frame: wait for Ana's too, rather than assume it came first.
    await expect.poll(() => notesText(ana)).not.toContain('Ana takes this back');
    expect(await notesText(bo)).toContain('Bo keeps this note');

    await ana.keyboard.press('Control+Shift+z');
    await expect.poll(() => notesText(bo)).toContain('Ana takes this back');
    await expect.poll(() => notesText(ana)).toContain('Ana takes this back');
    // Nothing of Bo's is on Ana's history: more undos take back only Ana's note, never Bo's.
    await ana.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => notesText(bo)).not.toContain('Ana takes this back');
    await expect.poll(() => ana.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
    expect(await notesText(bo)).toContain('Bo keeps this note');
    // The server accepted every undo and redo: nobody was reloaded with a notice.
    expect(await ana.getByRole('alert').count()).toBe(0);
  });

  it('offers to post several ideas as separate notes, and undoes them as one step', async () => {
    const box = ana.getByLabel('Note', { exact: true });
    await box.fill('Who owns the contingency plan? How often is it rehearsed?');
    await ana.getByRole('button', { name: 'Post as 2 separate notes' }).click();
    await expect.poll(() => notesText(bo)).toContain('How often is it rehearsed?');
    expect(await notesText(bo)).toContain('Who owns the contingency plan?');
    expect(await box.inputValue()).toBe('');
    await ana.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => notesText(bo)).not.toContain('Who owns the contingency plan?');
    expect(await notesText(bo)).not.toContain('How often is it rehearsed?');
  });

  it('lists the keyboard shortcuts on "?" and on its button', async () => {
    await ana.evaluate('document.activeElement && document.activeElement.blur()');
    await ana.keyboard.press('?');
    const dialog = ana.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Undo your last change');
    await ana.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await ana.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('ran without script errors in any page', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
