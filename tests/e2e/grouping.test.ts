// Two people grouping in Chromium: a drag on the canvas makes a group both see, suggestions, rename, tidy.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command, createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { settledNoteCentre } from '../helpers/canvas.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');
const ANA_NOTE = 'How is the DNSSEC key rollover rehearsed?';
const BO_NOTE = 'Is the DNSSEC key rollover ever rehearsed or tested?';

describe.runIf(hasBrowser())('grouping on the canvas', () => {
  let room: Room;
  let board: CreatedBoard;
  let ana: Page;
  let bo: Page;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1400, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Grouping replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  const joinAs = (name: string) => room.joinAs(board.links.participant, name);

  async function post(page: Page, text: string): Promise<void> {
    const box = page.getByLabel('Note', { exact: true });
    await box.fill(text);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('');
  }

  const groupsPanel = (page: Page) => page.getByRole('region', { name: 'Groups', exact: true });

  it('shows a suggestion for two similar notes once the room is grouping', async () => {
    ana = await joinAs('Ana');
    bo = await joinAs('Bo');
    await post(ana, ANA_NOTE);
    await post(bo, BO_NOTE);
    await expect.poll(() => ana.getByRole('region', { name: 'Notes', exact: true }).innerText()).toContain(BO_NOTE);
    // No suggestions while posting: they would distract from writing.
    expect(await ana.getByRole('region', { name: 'Suggestions' }).count()).toBe(0);
    expect(
      (await command(room.server.baseUrl, board.boardId, board.facilitatorToken, { type: 'nextPhase' })).status,
    ).toBe(200);
    await expect.poll(() => ana.locator('.session-phase').innerText()).toContain('Grouping');
    await expect.poll(() => bo.locator('.session-phase').innerText()).toContain('Grouping');
    const suggestions = bo.getByRole('region', { name: 'Suggestions' });
    await expect.poll(() => suggestions.innerText()).toContain('These look similar');
    expect(await suggestions.innerText()).toContain(ANA_NOTE);
    expect(await suggestions.getByRole('button', { name: 'Group them' }).count()).toBe(1);
  });

  it('groups two notes when Ana drags one onto the other, and Bo sees the group', async () => {
    const from = await settledNoteCentre(ana, BO_NOTE);
    const to = await settledNoteCentre(ana, ANA_NOTE);
    await ana.mouse.move(from.x, from.y);
    await ana.mouse.down();
    await ana.mouse.move(to.x, to.y, { steps: 12 });
    await ana.mouse.up();
    const group = bo.getByRole('list', { name: 'Notes in Unnamed group' });
    await expect.poll(() => group.innerText()).toContain(ANA_NOTE);
    expect(await group.innerText()).toContain(BO_NOTE);
    await expect.poll(() => groupsPanel(ana).innerText()).toContain('Unnamed group');
    // Grouped together, they are no longer suggested.
    await expect
      .poll(() => bo.getByRole('region', { name: 'Suggestions' }).innerText())
      .toContain('No similar notes spotted');
    // The dropped note was put beside its partner, not on top of it.
    const a = await settledNoteCentre(ana, ANA_NOTE);
    const b = await settledNoteCentre(ana, BO_NOTE);
    expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeGreaterThan(50);
  });

  it('renames the group through the label on its frame, for both', async () => {
    const handle = ana.locator('.frame-handle').first();
    const box = (await handle.boundingBox())!;
    await ana.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    const input = ana.getByLabel('Group label', { exact: true });
    await input.fill('Key rollover');
    await input.press('Enter');
    await expect.poll(() => groupsPanel(bo).innerText()).toContain('Key rollover');
    await expect.poll(() => groupsPanel(ana).innerText()).toContain('Key rollover');
    expect(await bo.getByRole('list', { name: 'Notes in Key rollover' }).innerText()).toContain(BO_NOTE);
  });

  it('tidies the station and keeps the group, then saves a screenshot', async () => {
    const station = await ana
      .getByRole('button', { name: /^Tidy / })
      .first()
      .innerText();
    await ana.getByRole('button', { name: station }).click();
    await expect.poll(() => bo.getByRole('list', { name: 'Notes in Key rollover' }).innerText()).toContain(ANA_NOTE);
    await ana.getByRole('button', { name: /^Zoom to station 1:/ }).click();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await ana.screenshot({ path: path.join(ARTIFACTS, 'grouping.png') });
  });

  it('ungroups from the panel: the notes stay', async () => {
    await bo.getByRole('button', { name: 'Ungroup Key rollover' }).click();
    await expect.poll(() => groupsPanel(ana).innerText()).not.toContain('Key rollover');
    expect(await ana.getByRole('region', { name: 'Notes', exact: true }).innerText()).toContain(BO_NOTE);
  });

  it('ran without script errors in any page', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
