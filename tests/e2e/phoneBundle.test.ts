// In real Chromium: a participant's phone opens the posting view without downloading the canvas (Konva) code, zod or
// Yjs's text types.
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
/** A string only Yjs's own code holds (its warning for a type read before it is in a document). */
const YJS_MARK = 'Add Yjs type to a document before reading data';
/** The Note schema's JSON Schema description (shared/src/model/Note.ts), which only docs/schema needs. */
const NOTE_SCHEMA_DESCRIPTION = 'One idea, posted by one person into one station.';

/** A method name only Yjs's text types have, kept by the minifier. */
const Y_TEXT_MARK = 'applyDelta';
/** The words of the browser build's stand-in for those types. */
const YJS_STAND_IN_WORDS = "is not in Scopeboard's browser build";

/** How many copies of Yjs `scripts` hold, counted by the mark. */
function yjsCopies(scripts: string[]): number {
  return scripts.reduce((count, body) => count + body.split(YJS_MARK).length - 1, 0);
}

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

  /** Opens a page on `device` and collects the JavaScript it downloads. */
  async function watchedPage(device: BrowserContextOptions): Promise<{ page: Page; scripts: () => Promise<string[]> }> {
    const page = await room.newPage(device);
    page.setDefaultTimeout(15_000);
    const scripts: Promise<string>[] = [];
    // Read until the view is up: a body read later (a chunk loaded after the first paint) could still be in flight
    // when the room closes the page, and fail the run as an unhandled rejection.
    let isCollecting = true;
    page.on('response', (response: Response) => {
      if (isCollecting && response.url().endsWith('.js')) scripts.push(response.text());
    });
    return {
      page,
      scripts: () => {
        isCollecting = false;
        return Promise.all(scripts);
      },
    };
  }

  /** Joins as a participant on `device` and returns the JavaScript the page downloaded once its view is up. */
  async function scriptsFor(
    device: BrowserContextOptions,
    name: string,
    ready: (page: Page) => Locator,
  ): Promise<string[]> {
    const { page, scripts } = await watchedPage(device);
    await room.joinAs(board.links.participant, name, { page, ready });
    return scripts();
  }

  it('gives a phone the posting view with no Konva code, and a desktop the canvas with it', async () => {
    const phone = await scriptsFor(PHONE, 'Pia', (page) => page.getByRole('heading', { name: /^Your notes/ }));
    expect(phone.length).toBeGreaterThan(0);
    expect(phone.filter((body) => body.includes('Konva'))).toHaveLength(0);
    // Records are read by the small checker (shared/src/model/zodLite.ts), not by zod.
    expect(phone.filter((body) => body.includes('$ZodType'))).toHaveLength(0);
    // ... and without the JSON Schema's words (stripSchemaMeta in client/vite.config.ts), though the notes' rules are there.
    expect(phone.some((body) => body.includes('note text must be 1 to 280 characters'))).toBe(true);
    expect(phone.filter((body) => body.includes(NOTE_SCHEMA_DESCRIPTION))).toHaveLength(0);
    // Yjs without the types no board holds (client/src/app/yjsMapsOnly.ts): the stand-in's words, not Y.Text's code.
    expect(phone.some((body) => body.includes(YJS_STAND_IN_WORDS))).toBe(true);
    expect(phone.filter((body) => body.includes(Y_TEXT_MARK))).toHaveLength(0);
    const desktop = await scriptsFor(DESKTOP, 'Dan', (page) => page.locator('canvas').first());
    expect(desktop.some((body) => body.includes('Konva'))).toBe(true);
    // Yjs comes from its sources, split across chunks (the undo manager goes with the canvas): still one copy.
    expect(yjsCopies(desktop)).toBe(1);
    expect(desktop.filter((body) => body.includes(Y_TEXT_MARK))).toHaveLength(0);
  });

  it('gives the start page no Yjs: the connected board is one chunk, and the start page shares none of it', async () => {
    const { page, scripts } = await watchedPage(DESKTOP);
    await page.goto(room.server.baseUrl);
    await page.getByRole('button', { name: 'Create board' }).waitFor();
    const start = await scripts();
    expect(start.length).toBeGreaterThan(0);
    expect(start.filter((body) => body.includes(YJS_MARK))).toHaveLength(0);
    // The same mark is in what a phone loads (once: one Yjs, as sync needs), so the check above can fail.
    const phone = await scriptsFor(PHONE, 'Ines', (p) => p.getByRole('heading', { name: /^Your notes/ }));
    expect(yjsCopies(phone)).toBe(1);
  });
});
