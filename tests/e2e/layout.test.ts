// The canvas-first layout in Chromium: the top bar and its clock stay in view while the console's sections are used,
// at a laptop's 1440x900 and a phone's 390x844; the one next action advances the phase; the team size control and
// "leave out" change the small-room warning.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { createBoard, command, type CreatedBoard } from '../helpers/api.ts';
import { openConsoleSection, type ConsoleSection } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const SECTIONS: readonly ConsoleSection[] = ['Run', 'Teams', 'People', 'Options'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core findings on the page as it is now (the canvas's pixels left out). */
async function axeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<Result> } }).axe;
    const result = await axe.run({ exclude: [['canvas']] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.runIf(hasBrowser())('canvas-first layout', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;

  beforeAll(async () => {
    room = await openRoom();
    board = await createBoard(room.server.baseUrl, 'Layout replay');
  });
  afterAll(async () => {
    await room?.close();
  });

  const inViewport = (box: Box | null, size: { width: number; height: number }) =>
    box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;

  async function facilitatorAt(size: { width: number; height: number }): Promise<Page> {
    const page = await room.newPage({ viewport: size });
    await page.goto(board.links.facilitator);
    await page.getByRole('heading', { name: 'Facilitator console' }).waitFor();
    return page;
  }

  it('keeps the top bar and the countdown in view while every console section is scrolled through', async () => {
    await room.joinAs(board.links.participant, 'Ana');
    expect(
      (await command(room.server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
        .status,
    ).toBe(200);
    for (const size of SIZES) {
      const page = await facilitatorAt(size);
      const bar = page.getByRole('banner');
      const timer = page.getByRole('timer', { name: 'Time left' });
      await expect.poll(() => timer.innerText()).toMatch(/^1[45]:\d\d$/);
      for (const section of SECTIONS) {
        await openConsoleSection(page, section);
        // Scroll to the end of the section: on a laptop the panel scrolls, on a phone the page does.
        await page.locator('[role="tabpanel"]:not([hidden]) > *').last().scrollIntoViewIfNeeded();
        expect(inViewport(await bar.boundingBox(), size), `top bar at ${size.width}, ${section}`).toBe(true);
        expect(inViewport(await timer.boundingBox(), size), `countdown at ${size.width}, ${section}`).toBe(true);
      }
      // Nothing scrolls sideways, and the top bar takes at most two rows.
      const layout = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: Document }).document;
        const rows = new Set(
          [...doc.querySelectorAll('.top-bar-row > *')].map((el) => Math.round(el.getBoundingClientRect().top)),
        );
        return { overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth, rows: rows.size };
      });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.rows).toBeLessThanOrEqual(2);
      await page.close();
    }
  });

  it('has no serious or critical axe-core findings in the top bar, the menus and every console section', async () => {
    // axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
    const page = await room.newPage({ viewport: SIZES[0], bypassCSP: true });
    await page.goto(board.links.facilitator);
    for (const section of SECTIONS) {
      await openConsoleSection(page, section);
      expect(await axeFindings(page), section).toEqual([]);
    }
    await page.getByRole('button', { name: 'Board menu' }).click();
    await page.getByRole('button', { name: /: who is here$/ }).click();
    expect(await axeFindings(page), 'menus open').toEqual([]);
    await page.close();
  });

  it('gives the canvas the rest of a laptop screen: full height under the top bar, beside the console', async () => {
    const size = SIZES[0];
    const page = await facilitatorAt(size);
    const bar = (await page.getByRole('banner').boundingBox())!;
    const canvas = page.locator('.canvas-wrap');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    const side = (await page.getByRole('complementary', { name: 'Session' }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(Math.abs(box.y + box.height - size.height)).toBeLessThanOrEqual(1);
    expect(side.width).toBeLessThanOrEqual(380);
    expect(box.x).toBeGreaterThanOrEqual(side.x + side.width - 1);
    // The page itself does not scroll: the console and the canvas do.
    const scroll = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: Document }).document.documentElement;
      return root.scrollHeight - root.clientHeight;
    });
    expect(scroll).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('advances the phase with the one next action, which then names the step after', async () => {
    const page = await facilitatorAt(SIZES[0]);
    const phase = () => page.getByRole('banner').locator('.session-phase').innerText();
    await expect.poll(phase).toBe('Posting');
    await page.getByRole('button', { name: 'Next step: Start grouping' }).click();
    await expect.poll(phase).toBe('Grouping');
    await page.getByRole('button', { name: 'Next step: Start rotating' }).waitFor();
    expect(room.pageErrors).toEqual([]);
    await page.close();
  });

  it('points the small-room warning at the team size control, and "leave out" sizes the stations to the room', async () => {
    const small = await createBoard(room.server.baseUrl, 'Small room');
    for (const name of ['Ana', 'Bo']) await room.joinAs(small.links.participant, name);
    const page = await room.newPage({ viewport: SIZES[0] });
    await page.goto(small.links.facilitator);
    await openConsoleSection(page, 'Teams');
    const teams = page.locator('.teams-panel');
    await expect
      .poll(() => teams.innerText())
      .toContain('2 people for 5 stations makes teams of 0 to 1; the ground rules ask for at least 4 per team');

    await page.getByRole('button', { name: 'Change the minimum team size' }).click();
    const size = page.getByLabel('Minimum people per team', { exact: true });
    await expect
      .poll(() =>
        size.evaluate((el) => el === (globalThis as unknown as { document: Document }).document.activeElement),
      )
      .toBe(true);
    expect(await size.inputValue()).toBe('4');
    await size.fill('1');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => teams.innerText()).toContain('at least 1 per team');

    const fit = page.getByRole('region', { name: 'Stations in this exercise' });
    await expect.poll(() => fit.innerText()).toContain('2 people are here; at 1 per team they fill 2 stations of 5.');
    await fit.getByRole('button', { name: 'Leave out 3 stations' }).click();
    await expect.poll(() => teams.innerText()).not.toContain('makes teams of');
    await expect.poll(async () => (await fit.innerText()).match(/\(left out\)/g)?.length ?? 0).toBe(3);
    // The server took it: balancing now makes two teams of one.
    await page.getByRole('button', { name: 'Balance teams', exact: true }).click();
    await expect.poll(() => page.locator('.teams .team:not(.team-none)').count()).toBe(2);
    expect(room.pageErrors).toEqual([]);
    await page.close();
  });
});
