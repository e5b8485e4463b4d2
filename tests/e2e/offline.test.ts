// Offline edits: a note written while the browser is offline is kept (IndexedDB) and merged when it reconnects.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { command, createBoard } from '../helpers/api.ts';
import { startServer, type RunningServer } from '../helpers/startServer.ts';

const CLIENT_BUILT = path.resolve(import.meta.dirname, '../../client/dist/index.html');

describe.runIf(hasBrowser())('offline edits', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CLIENT_BUILT)) throw new Error('client/dist is missing: run `npm run build` before the browser tests.');
    server = await startServer({ env: { LOG_QUIET: '1' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function joinAs(link: string, name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('Your name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('heading', { name: 'Here now', exact: false }).waitFor();
    return page;
  }

  const notesOf = (page: Page) => page.getByRole('region', { name: 'Notes', exact: true }).innerText();
  const connection = (page: Page) => page.getByRole('status', { name: 'Connection' }).innerText();

  it('keeps a note posted offline and delivers it on reconnect, with the offline state visible', { timeout: 90_000 }, async () => {
    const board = await createBoard(server.baseUrl, 'Offline board');
    expect((await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' })).status).toBe(200);
    const ana = await joinAs(board.links.participant, 'Ana');
    const bo = await joinAs(board.links.participant, 'Bo');
    await expect.poll(() => connection(ana)).toMatch(/Connected/);

    // Chromium's offline emulation leaves open websockets alone, so the network "goes away" by stopping the server.
    await server.stop();
    await expect.poll(() => connection(ana), { timeout: 30_000 }).toMatch(/Offline|Connecting/);
    await ana.getByLabel('Note', { exact: true }).fill('Written on the train, offline');
    await ana.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => notesOf(ana)).toContain('Written on the train, offline');

    // The offline copy lives in IndexedDB: wait until y-indexeddb has stored the update.
    await expect
      .poll(() => ana.evaluate<boolean>("indexedDB.databases().then((dbs) => dbs.some((db) => (db.name || '').startsWith('scopeboard:')))"))
      .toBe(true);

    await server.restart();
    await expect.poll(() => connection(ana), { timeout: 30_000 }).toMatch(/Connected/);
    await expect.poll(() => notesOf(bo), { timeout: 30_000 }).toContain('Written on the train, offline');
    // And the server stored it: a fresh visitor sees it too.
    const cy = await joinAs(board.links.participant, 'Cy');
    await expect.poll(() => notesOf(cy)).toContain('Written on the train, offline');
  });
});
