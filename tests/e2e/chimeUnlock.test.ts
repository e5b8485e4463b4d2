// The time-up chime's audio is unlocked by a gesture browsers accept (a key press, the release of a click or tap),
// never by a press: a touch's press is not a user gesture, and creating audio there stalls the start of a drag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { openRoom, type Room } from '../helpers/room.ts';

/** Records, for every AudioContext the page creates, the input event being handled at the time. */
const RECORD_AUDIO = String.raw`(() => {
  const contexts = (window.__audioCreatedOn = []);
  let handling = 'none';
  for (const type of ['pointerdown', 'pointerup', 'keydown'])
    window.addEventListener(type, () => { handling = type; }, { capture: true });
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(...args) {
      super(...args);
      contexts.push(handling);
    }
  };
})();`;

const createdOn = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __audioCreatedOn: string[] }).__audioCreatedOn);

describe.runIf(hasBrowser())('the chime unlock', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;

  beforeAll(async () => {
    room = await openRoom();
    board = await createPostingBoard(room.server.baseUrl, 'Chime unlock');
  });

  afterAll(async () => {
    await room?.close();
  });

  const open = async (options: Parameters<Room['newPage']>[0] = {}) => {
    const page = await room.newPage(options);
    await page.addInitScript(RECORD_AUDIO);
    await page.goto(board.links.facilitator);
    await page.locator('.session-clock').waitFor();
    return page;
  };

  it('creates the audio on the release of a press held on the canvas, not on the press, and once', async () => {
    const page = await open({ viewport: { width: 1400, height: 900 } });
    const box = (await page.locator('.canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 4 });
    expect(await createdOn(page)).toEqual([]);
    await page.mouse.up();
    expect(await createdOn(page)).toEqual(['pointerup']);
    await page.mouse.click(box.x + 20, box.y + 20);
    await page.keyboard.press('Shift');
    expect(await createdOn(page)).toEqual(['pointerup']);
  });

  it('creates it on a key press, and on the end of a tap on a phone', async () => {
    const laptop = await open({ viewport: { width: 1400, height: 900 } });
    await laptop.keyboard.press('Shift');
    expect(await createdOn(laptop)).toEqual(['keydown']);
    const phone = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const box = (await phone.locator('.session-clock').boundingBox())!;
    await phone.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    expect(await createdOn(phone)).toEqual(['pointerup']);
    expect(room.pageErrors).toEqual([]);
  });
});
