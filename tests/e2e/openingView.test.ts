// The canvas opens at its opening view from the very first frame: fitted (at a readable scale) on a wide stage,
// 1:1 on a narrow one. No frame shows the board at another scale first and then jumps.
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
      if (stage && this.getChildren().length > 0) draws.push(stage.scaleX());
      return drawScene.apply(this, args);
    };
  };
  ${trapKonvaLayer('wrap')}
})();`;

const drawScales = (page: Page) => page.evaluate(() => (globalThis as unknown as { __draws: number[] }).__draws);

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
    await expect.poll(() => drawScales(page).then((d) => d.length), { timeout: 10_000 }).toBeGreaterThan(0);
    return page;
  };

  it('fits a wide stage at a readable scale, and draws no frame at another scale first', async () => {
    const page = await openAt({ width: 1400, height: 900 }, 'Ana');
    const scales = await drawScales(page);
    // Five stations are wider than the stage at any readable scale: it opens at the readable floor, 0.85.
    expect(scales[0]).toBe(0.85);
    expect(new Set(scales)).toEqual(new Set([0.85]));
  });

  it('opens a narrow stage at 1:1, with every frame at 1:1', async () => {
    const page = await openAt({ width: 1000, height: 800 }, 'Bo');
    const width = await page.locator('.canvas').evaluate((element) => element.clientWidth);
    expect(width).toBeLessThan(700);
    expect(new Set(await drawScales(page))).toEqual(new Set([1]));
    expect(room.pageErrors).toEqual([]);
  });
});
