// Five people post and two views group: on every canvas no note covers another, and the canvas draws what the layout says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command, createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { noteCentre, overlapping, settledNoteCentre, type Box } from '../helpers/canvas.ts';
import { openRoom, type Room } from '../helpers/room.ts';

interface Probe {
  laidOut: () => Box[];
  drawn: () => Box[];
}

const PEOPLE = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli'];
const textOf = (name: string, n: number) => `${name}'s idea ${n} about the root zone`;

/** The layout's rectangles and the drawn ones, read in the page through the canvas's probe. */
function readProbe(page: Page): Promise<{ laidOut: Box[]; drawn: Box[] }> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { scopeboardLayout?: Probe }).scopeboardLayout;
    return probe ? { laidOut: probe.laidOut(), drawn: probe.drawn() } : { laidOut: [], drawn: [] };
  });
}

describe.runIf(hasBrowser())('notes never overlap', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Placement replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  it('places the posts of five people side by side, the same on every screen', async () => {
    for (const name of PEOPLE) pages.set(name, await room.joinAs(board.links.participant, name));
    for (const [name, page] of pages) {
      for (const n of [1, 2]) {
        const box = page.getByLabel('Note', { exact: true });
        await box.fill(textOf(name, n));
        await box.press('Enter');
        await expect.poll(() => box.inputValue()).toBe('');
      }
    }
    const ana = pages.get('Ana')!;
    await expect.poll(async () => (await readProbe(ana)).laidOut.length).toBe(10);
    for (const page of pages.values()) {
      await expect.poll(async () => (await readProbe(page)).laidOut.length).toBe(10);
      const { laidOut, drawn } = await readProbe(page);
      expect(overlapping(laidOut)).toEqual([]);
      expect(laidOut).toEqual((await readProbe(ana)).laidOut);
      expect([...drawn].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...laidOut].sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
  });

  it('keeps them apart when one person groups in the list view and another drags on the canvas', async () => {
    expect(
      (
        await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
          type: 'startPhase',
          phase: 'group',
        })
      ).status,
    ).toBe(200);
    const ana = pages.get('Ana')!;
    const bo = pages.get('Bo')!;
    await ana.getByRole('button', { name: 'List', exact: true }).click();
    const noteItem = (text: string) => ana.getByRole('listitem').filter({ hasText: text });
    const first = noteItem(textOf('Eli', 2));
    await first.getByLabel('Move to group', { exact: true }).selectOption('__new__');
    await first.getByLabel('New group name', { exact: true }).fill('Cluster');
    await first.getByRole('button', { name: /^Move note: / }).click();
    await ana.getByRole('heading', { level: 4, name: 'Cluster' }).waitFor();
    for (const text of [textOf('Ana', 1), textOf('Chen', 2)]) {
      const item = noteItem(text);
      await item.getByLabel('Move to group', { exact: true }).selectOption({ label: 'Cluster' });
      await item.getByRole('button', { name: /^Move note: / }).click();
      await expect.poll(() => ana.getByRole('list', { name: 'Cluster', exact: true }).innerText()).toContain(text);
    }

    // Bo drags one note straight onto another: it joins it, beside it rather than on top.
    await expect.poll(async () => overlapping((await readProbe(bo)).laidOut)).toEqual([]);
    // Bo's screen follows his team's station; the notes are all in station 1: he looks at the whole board.
    await bo.getByRole('button', { name: 'Fit board', exact: true }).click();
    const from = await settledNoteCentre(bo, textOf('Dara', 1));
    const to = await noteCentre(bo, textOf('Bo', 2));
    await bo.mouse.move(from.x, from.y);
    await bo.mouse.down();
    await bo.mouse.move(to.x, to.y, { steps: 12 });
    await bo.mouse.up();
    await expect
      .poll(() => bo.getByRole('region', { name: 'Groups', exact: true }).innerText())
      .toContain('Unnamed group');

    for (const name of ['Bo', 'Chen', 'Dara', 'Eli']) {
      const page = pages.get(name)!;
      await expect
        .poll(() => page.getByRole('region', { name: 'Groups', exact: true }).innerText())
        .toContain('Cluster');
      await expect
        .poll(() => page.getByRole('region', { name: 'Groups', exact: true }).innerText())
        .toContain('Unnamed group');
      await expect.poll(async () => overlapping((await readProbe(page)).laidOut)).toEqual([]);
      const { laidOut, drawn } = await readProbe(page);
      expect(laidOut).toEqual((await readProbe(bo)).laidOut);
      // Only notes near the view are mounted (the others follow their team's station): each is drawn where laid out.
      const byId = new Map(laidOut.map((box) => [box.id, box]));
      for (const box of drawn) expect(box).toEqual(byId.get(box.id));
      if (name === 'Bo') expect(drawn.length).toBe(laidOut.length);
    }
    expect(room.pageErrors).toEqual([]);
  });
});
