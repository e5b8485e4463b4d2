// A page chunk that cannot be downloaded (the network dropped while the board loaded) is said in words, the same
// words for every chunk, and the page recovers by reloading itself once the chunk is served again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request, Route } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { createBoard } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const LOST = /This page lost part of itself/;

describe.runIf(hasBrowser())('a page chunk that fails to load', () => {
  let room: Room;

  beforeAll(async () => {
    room = await openRoom();
  });

  afterAll(async () => {
    await room?.close();
  });

  /**
   * Opens `link` with the chunk named `chunk` and the server's health check refused (the network is down) until
   * `release()`; `failed` settles once the chunk's request has failed.
   */
  async function openWithout(link: string, chunk: string) {
    const page: Page = await room.newPage();
    const pattern = new RegExp(`/assets/${chunk}-[^/]*\\.js$|/healthz$`);
    const refuse = (route: Route) => route.abort('internetdisconnected');
    await page.route(pattern, refuse);
    const failed = page.waitForEvent('requestfailed', (request: Request) => request.url().includes(`/${chunk}-`));
    await page.goto(link);
    return { page, failed, release: () => page.unroute(pattern, refuse) };
  }

  for (const chunk of ['BoardPage', 'ConnectedBoard', 'BoardView']) {
    it(`says so when the ${chunk} chunk cannot be fetched, and loads the board once it can`, async () => {
      const board = await createBoard(room.server.baseUrl, `Chunk ${chunk}`);
      const { page, release } = await openWithout(board.links.facilitator, chunk);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.innerText()).toMatch(LOST);
      expect(await page.getByRole('button', { name: 'Reload now', exact: true }).count()).toBe(1);
      // The details name what failed, for whoever runs the server.
      expect(await page.getByTestId('page-error').textContent()).toMatch(/^Could not load the /);
      // No board behind the message: the console never drew.
      expect(await page.getByRole('heading', { name: 'Facilitator console' }).count()).toBe(0);

      await release();
      // The page asks /healthz every 2 s and reloads by itself once the server answers again.
      await page.getByRole('heading', { name: 'Facilitator console' }).waitFor({ timeout: 20_000 });
      expect(await page.getByRole('alert').filter({ hasText: LOST }).count()).toBe(0);
    });
  }

  it('keeps the join form when the connected board chunk fails before the newcomer joins', async () => {
    const board = await createBoard(room.server.baseUrl, 'Chunk before join');
    const { page, failed } = await openWithout(board.links.participant, 'ConnectedBoard');
    const name = page.getByLabel('Your name', { exact: true });
    await name.waitFor();
    // The failed preload waits until the board is needed: the form stays usable.
    await failed;
    expect(await page.getByRole('alert').filter({ hasText: LOST }).count()).toBe(0);
    await name.fill('Ana');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(LOST);
  });
});
