// In real Chromium: a participant's phone opens the posting view without downloading the canvas (Konva) code or zod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page, Response } from 'playwright-core';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

describe.runIf(hasBrowser())('bundle split by view', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;

  beforeAll(async () => {
    room = await openRoom();
    board = await createPostingBoard(room.server.baseUrl, 'Bundle board');
  });

  afterAll(async () => {
    await room?.close();
  });

  /** Joins as a participant on `device` and returns the JavaScript the page downloaded once its view is up. */
  async function scriptsFor(
    device: BrowserContextOptions,
    name: string,
    ready: (page: Page) => Locator,
  ): Promise<string[]> {
    const page = await room.newPage(device);
    page.setDefaultTimeout(15_000);
    const scripts: Promise<string>[] = [];
    page.on('response', (response: Response) => {
      if (response.url().endsWith('.js')) scripts.push(response.text());
    });
    await room.joinAs(board.links.participant, name, { page, ready });
    return Promise.all(scripts);
  }

  it('gives a phone the posting view with no Konva code, and a desktop the canvas with it', async () => {
    const phone = await scriptsFor(PHONE, 'Pia', (page) => page.getByRole('heading', { name: /^Your notes/ }));
    expect(phone.length).toBeGreaterThan(0);
    expect(phone.filter((body) => body.includes('Konva'))).toHaveLength(0);
    // Records are read by the small checker (shared/src/model/zodLite.ts), not by zod.
    expect(phone.filter((body) => body.includes('$ZodType'))).toHaveLength(0);
    const desktop = await scriptsFor(DESKTOP, 'Dan', (page) => page.locator('canvas').first());
    expect(desktop.some((body) => body.includes('Konva'))).toBe(true);
  });
});
