// The canvas opens at its opening view from the very first frame: fitted (at a readable scale) on a wide stage,
// 1:1 on a narrow one. No frame shows the board at another scale or size first and then jumps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { trapKonvaLayer } from '../helpers/konvaLayerTrap.ts';
import { openRoom, type Room } from '../helpers/room.ts';

/**
 * Records the stage's scale at every draw of a Konva layer that holds something (an empty stage, drawn before the
 * board has synced, shows nothing).
 */
const RECORD_DRAWS = String.raw`(() => {
  const draws = [];
  Object.defineProperty(window, '__draws', { value: draws });
  const wrap = (Layer) => {
    const drawScene = Layer.prototype.drawScene;
    Layer.prototype.drawScene = function (...args) {
      const stage = this.getStage();
      if (stage && this.getChildren().length > 0) draws.push({ scale: stage.scaleX(), height: stage.height() });
      return drawScene.apply(this, args);
    };
  };
  ${trapKonvaLayer('wrap')}
})();`;

interface Draw {
  scale: number;
  /** The stage's height: the canvas follows its box, so a box that changes height redraws everything. */
  height: number;
}

const draws = (page: Page) => page.evaluate(() => (globalThis as unknown as { __draws: Draw[] }).__draws);

describe.runIf(hasBrowser())('the canvas opening view', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;

  beforeAll(async () => {
    room = await openRoom();
    board = await createPostingBoard(room.server.baseUrl, 'Opening view');
  });

  afterAll(async () => {
    await room?.close();
  });

  const openAt = async (viewport: { width: number; height: number }, name: string) => {
    const page = await room.newPage({ viewport });
    await page.addInitScript(RECORD_DRAWS);
    await room.joinAs(board.links.participant, name, { page });
    await expect.poll(() => draws(page).then((d) => d.length), { timeout: 10_000 }).toBeGreaterThan(0);
    return page;
  };

  it('fits a wide stage at a readable scale, and draws no frame at another scale first', async () => {
    const page = await openAt({ width: 1400, height: 900 }, 'Ana');
    const drawn = await draws(page);
    // Five stations are wider than the stage at any readable scale: it opens at the readable floor, 0.85.
    expect(drawn[0]!.scale).toBe(0.85);
    expect(new Set(drawn.map((d) => d.scale))).toEqual(new Set([0.85]));
    // The top bar keeps its height as the board's buttons appear, so the stage is never resized.
    expect(new Set(drawn.map((d) => d.height)).size).toBe(1);
  });

  it('keeps the canvas one height from a board still arriving to a board loaded, so it is not resized at once', async () => {
    const viewport = { width: 1400, height: 900 };
    const heights = (page: Page) =>
      page.evaluate(() => ({
        tools: document.querySelector('.canvas-tools')!.getBoundingClientRect().height,
        canvas: document.querySelector('.canvas')!.getBoundingClientRect().height,
      }));
    // A page whose socket is connected but is never sent the board (sync step 2 and updates are held back) shows
    // the canvas and its toolbar around a board that has not arrived.
    const waiting = await room.newPage({ viewport });
    await waiting.routeWebSocket(/\/ws\//, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        const bytes = typeof message === 'string' ? Buffer.from(message) : message;
        if (bytes[0] === 0 && bytes[1] !== 0) return;
        socket.send(message);
      });
    });
    await waiting.goto(board.links.facilitator);
    await waiting.locator('.canvas-tools').waitFor();
    const loaded = await room.newPage({ viewport });
    await loaded.goto(board.links.facilitator);
    await loaded.getByRole('button', { name: 'Next step: Start grouping' }).waitFor();
    expect(await heights(loaded)).toEqual(await heights(waiting));
  });

  it('opens a narrow stage at 1:1, with every frame at 1:1', async () => {
    const page = await openAt({ width: 1000, height: 800 }, 'Bo');
    const width = await page.locator('.canvas').evaluate((element) => element.clientWidth);
    expect(width).toBeLessThan(700);
    const drawn = await draws(page);
    expect(new Set(drawn.map((d) => d.scale))).toEqual(new Set([1]));
    expect(new Set(drawn.map((d) => d.height)).size).toBe(1);
    expect(room.pageErrors).toEqual([]);
  });
});
