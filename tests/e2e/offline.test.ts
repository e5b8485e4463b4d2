// Offline edits: a note written while the browser is offline is kept (IndexedDB) and merged when it reconnects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command, createBoard } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

describe.runIf(hasBrowser())('offline edits', () => {
  let room: Room;

  beforeAll(async () => {
    room = await openRoom();
  });

  afterAll(async () => {
    await room?.close();
  });

  const joinAs = (link: string, name: string) => room.joinAs(link, name);

  const notesOf = (page: Page) => page.getByRole('region', { name: 'Notes', exact: true }).innerText();
  const connection = (page: Page) => page.getByRole('status', { name: 'Connection' }).innerText();

  it(
    'keeps a note posted offline and delivers it on reconnect, with the offline state visible',
    { timeout: 90_000 },
    async () => {
      const board = await createBoard(room.server.baseUrl, 'Offline board');
      expect(
        (
          await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
            type: 'startPhase',
            phase: 'post',
          })
        ).status,
      ).toBe(200);
      const ana = await joinAs(board.links.participant, 'Ana');
      const bo = await joinAs(board.links.participant, 'Bo');
      await expect.poll(() => connection(ana)).toMatch(/Connected/);

      // Chromium's offline emulation leaves open websockets alone, so the network "goes away" by stopping the server.
      await room.server.stop();
      await expect.poll(() => connection(ana), { timeout: 30_000 }).toMatch(/Offline|Connecting/);
      await ana.getByLabel('Note', { exact: true }).fill('Written on the train, offline');
      await ana.getByRole('button', { name: 'Post', exact: true }).click();
      await expect.poll(() => notesOf(ana)).toContain('Written on the train, offline');

      // The offline copy lives in IndexedDB: wait until y-indexeddb has stored the update.
      await expect
        .poll(() =>
          ana.evaluate<boolean>(
            "indexedDB.databases().then((dbs) => dbs.some((db) => (db.name || '').startsWith('scopeboard:')))",
          ),
        )
        .toBe(true);

      await room.server.restart();
      await expect.poll(() => connection(ana), { timeout: 30_000 }).toMatch(/Connected/);
      await expect.poll(() => notesOf(bo), { timeout: 30_000 }).toContain('Written on the train, offline');
      // And the server stored it: a fresh visitor sees it too.
      const cy = await joinAs(board.links.participant, 'Cy');
      await expect.poll(() => notesOf(cy)).toContain('Written on the train, offline');
    },
  );
});
