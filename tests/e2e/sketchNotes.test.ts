// Zoomed out past reading, the canvas draws each note as one shape with grey bars for its text: every note in view
// is still painted in its colour, opens on click and drags; zoomed back in, the notes get their text again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { laidOut, noteCentre, postNote, settledNoteCentre } from '../helpers/canvas.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const TEXTS = ['Anycast instance review', 'Root zone signing', 'Key rollover drills', 'RSS latency', 'Zone checks'];

/** Polls for up to 10 s: the whole suite shares two cores, and a loaded machine syncs slower. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

interface DrawnNote {
  id: string;
  /** Konva's class of the note's node: 'Shape' when sketched, 'Group' (rects and texts) when readable. */
  kind: string;
  /** The texts drawn on it (none when sketched). */
  texts: string[];
  /** The notes layer's pixel below the text bars, as #rrggbb, and its alpha. */
  colour: string;
  alpha: number;
  /** Alpha of the notes layer's pixel in the gap just left of the note (nothing is drawn there). */
  gapAlpha: number;
}

/** Every note node on the canvas, read in the page from Konva's stage and the notes layer's own pixels. */
function drawnNotes(page: Page): Promise<DrawnNote[]> {
  return page.evaluate(() => {
    type Node = {
      id(): string;
      getClassName(): string;
      getLayer(): {
        getCanvas(): { getPixelRatio(): number; getContext(): { _context: CanvasRenderingContext2D } };
      };
      getAbsolutePosition(): { x: number; y: number };
      find(selector: string): { text(): string }[];
    };
    const stage = (globalThis as unknown as { Konva: { stages: { find(s: string): Node[]; scaleX(): number }[] } })
      .Konva.stages[0]!;
    const scale = stage.scaleX();
    return stage.find('.note').map((node) => {
      const canvas = node.getLayer().getCanvas();
      const ratio = canvas.getPixelRatio();
      const at = node.getAbsolutePosition();
      const pixel = (bx: number, by: number) =>
        canvas
          .getContext()
          ._context.getImageData(Math.round((at.x + bx * scale) * ratio), Math.round((at.y + by * scale) * ratio), 1, 1)
          .data;
      // Board (69, 100): the middle of the note, under its text (at most five lines end at 82) and clear of a short byline.
      const inside = pixel(69, 100);
      const hex = (n: number) => n.toString(16).padStart(2, '0');
      return {
        id: node.id().replace(/^note-/, ''),
        kind: node.getClassName(),
        texts: node.getClassName() === 'Group' ? node.find('Text').map((text) => text.text()) : [],
        colour: `#${hex(inside[0]!)}${hex(inside[1]!)}${hex(inside[2]!)}`,
        alpha: inside[3]!,
        gapAlpha: pixel(-6, 56)[3]!,
      };
    });
  });
}

const stageScale = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { Konva: { stages: { scaleX(): number }[] } }).Konva.stages[0]!.scaleX(),
  );

describe.runIf(hasBrowser())('sketched notes at low zoom', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let ana: Page;
  const sheet = (page: Page) => page.getByRole('dialog', { name: /^Note by / });
  const sketched = new Map<string, DrawnNote>();

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1400, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Sketched notes');
    ana = await room.joinAs(board.links.participant, 'Ana');
    ana.setDefaultTimeout(15_000);
    for (const text of TEXTS) await postNote(ana, text);
  });

  afterAll(async () => {
    await room?.close();
  });

  it('draws every note in view as one painted shape at the smallest scale', async () => {
    await poll(async () => (await laidOut(ana)).length).toBe(TEXTS.length);
    for (let i = 0; i < 10; i++) await ana.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await poll(() => stageScale(ana)).toBe(0.25);
    await poll(async () => (await drawnNotes(ana)).map((note) => note.kind)).toEqual(TEXTS.map(() => 'Shape'));
    const drawn = await drawnNotes(ana);
    expect(drawn.map((note) => note.id).sort()).toEqual((await laidOut(ana)).map((box) => box.id).sort());
    for (const note of drawn) {
      expect(note.alpha).toBe(255);
      expect(note.gapAlpha).toBe(0);
      expect(note.texts).toEqual([]);
      sketched.set(note.id, note);
    }
  });

  it('opens a sketched note on click and moves it by drag', async () => {
    const at = await settledNoteCentre(ana, 'Root zone signing');
    await ana.mouse.click(at.x, at.y);
    await sheet(ana).waitFor();
    expect(await sheet(ana).innerText()).toContain('Root zone signing');
    await ana.getByRole('button', { name: 'Close note', exact: true }).click();
    await poll(() => sheet(ana).count()).toBe(0);

    const before = await laidOut(ana);
    const from = await noteCentre(ana, 'Key rollover drills');
    await ana.mouse.move(from.x, from.y);
    await ana.mouse.down();
    // Down the station, well past the other notes: 60 screen pixels are 240 board pixels at this scale.
    await ana.mouse.move(from.x, from.y + 60, { steps: 8 });
    await ana.mouse.up();
    const moved = (boxes: { id: string; y: number }[]) =>
      boxes.filter((box) => before.some((b) => b.id === box.id && b.y < box.y - 200)).length;
    await poll(async () => moved(await laidOut(ana))).toBe(1);
  });

  it('gives every note its text and the same colour back once zoomed in', async () => {
    for (let i = 0; i < 4; i++) await ana.getByRole('button', { name: 'Zoom in', exact: true }).click();
    expect(await stageScale(ana)).toBeGreaterThan(0.4);
    await poll(async () => (await drawnNotes(ana)).map((note) => note.kind)).toEqual(TEXTS.map(() => 'Group'));
    const drawn = await drawnNotes(ana);
    expect(drawn.map((note) => note.texts[0]).sort()).toEqual([...TEXTS].sort());
    for (const note of drawn) {
      expect(note.texts[1]).toBe('Ana');
      expect(note.colour).toBe(sketched.get(note.id)!.colour);
    }
    expect(room.pageErrors).toEqual([]);
  });
});
