// The facilitator console's sections in Chromium: a section is built the first time it is opened (the join renders
// only the one in view), and once built it keeps its state while another is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { openConsoleSection } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';

describe.runIf(hasBrowser())('the console sections', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;
  const linkRequests: string[] = [];

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Console sections');
    facilitator = await room.newPage();
    facilitator.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/links')) linkRequests.push(request.url());
    });
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('tab', { name: 'Run', selected: true }).waitFor();
  });
  afterAll(async () => {
    await room?.close();
  });

  const panelOf = async (section: string) => {
    const id = await facilitator.getByRole('tab', { name: section, exact: true }).getAttribute('aria-controls');
    return facilitator.locator(`[id="${id}"]`);
  };

  it('builds a section only when it is first opened', async () => {
    const run = await panelOf('Run');
    await expect.poll(() => run.locator('*').count()).toBeGreaterThan(0);
    const options = await panelOf('Options');
    expect(await options.locator('*').count()).toBe(0);
    // The links section fetches the board's links when it is built: not at the join.
    expect(linkRequests).toEqual([]);
    await openConsoleSection(facilitator, 'Options');
    await options.getByRole('heading', { name: 'Links' }).waitFor();
    await expect.poll(() => linkRequests.length).toBe(1);
  });

  it('keeps a built section as it was while another one is open', async () => {
    const options = await panelOf('Options');
    await options.locator('summary', { hasText: 'Observer link' }).click();
    await options.getByRole('button', { name: 'Renew observer code' }).waitFor();
    await openConsoleSection(facilitator, 'Run');
    expect(await options.isHidden()).toBe(true);
    await openConsoleSection(facilitator, 'Options');
    // The observer link stays unfolded and the links are not fetched again: the section was kept, not rebuilt.
    expect(await options.getByRole('button', { name: 'Renew observer code' }).isVisible()).toBe(true);
    expect(linkRequests).toHaveLength(1);
  });

  it('ran without script errors', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
