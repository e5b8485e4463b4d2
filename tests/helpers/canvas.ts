// Browser-test helpers for the board canvas: where a note is on screen, posting from the form, who has focus.
import type { Page } from 'playwright-core';

/** A note's rectangle in board coordinates, as the canvas's probe (window.scopeboardLayout) reports it. */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The notes' rectangles as the app's own layout computed them (empty when no canvas is mounted). */
export function laidOut(page: Page): Promise<Box[]> {
  return page.evaluate(
    () => (globalThis as unknown as { scopeboardLayout?: { laidOut: () => Box[] } }).scopeboardLayout?.laidOut() ?? [],
  );
}

/** The pairs of boxes that overlap, as "idA/idB". */
export function overlapping(boxes: readonly Box[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        pairs.push(`${a.id}/${b.id}`);
    }),
  );
  return pairs;
}

/** A note's centre in the canvas element's pixels, with its id and text (window.scopeboardLayout.positions()). */
export interface NotePosition {
  id: string;
  text: string;
  x: number;
  y: number;
}

/** Every note of the canvas's current exercise, where its centre is under the current view (empty without a canvas). */
export function notePositions(page: Page): Promise<NotePosition[]> {
  return page.evaluate(
    () =>
      (
        globalThis as unknown as { scopeboardLayout?: { positions: () => NotePosition[] } }
      ).scopeboardLayout?.positions() ?? [],
  );
}

/**
 * The position of the one note whose text contains `text`, waiting up to `timeoutMs` for the canvas to lay it out
 * (as a locator would wait for it). Two notes matching is an error, as it would be for a strict locator.
 */
export async function notePosition(page: Page, text: string, timeoutMs = 10_000): Promise<NotePosition> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = (await notePositions(page)).filter((p) => p.text.includes(text));
    if (found.length > 1) throw new Error(`${found.length} notes contain "${text}"`);
    if (found[0]) return found[0];
    if (performance.now() > deadline) throw new Error(`no note containing "${text}" on the canvas`);
    await page.waitForTimeout(50);
  }
}

/** The centre of the note whose text contains `text`, in page pixels. */
export async function noteCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const { x, y } = await notePosition(page, text);
  const canvas = (await page.locator('.canvas').boundingBox())!;
  return { x: canvas.x + x, y: canvas.y + y };
}

/**
 * noteCentre once two reads 50 ms apart agree: after a fit or a zoom, the view (and so the note) may still be moving.
 */
export async function settledNoteCentre(
  page: Page,
  text: string,
  timeoutMs = 10_000,
): Promise<{ x: number; y: number }> {
  const deadline = performance.now() + timeoutMs;
  let last = await noteCentre(page, text);
  for (;;) {
    await page.waitForTimeout(50);
    const next = await noteCentre(page, text);
    if (next.x === last.x && next.y === last.y) return next;
    if (performance.now() > deadline) throw new Error(`the note containing "${text}" kept moving`);
    last = next;
  }
}

/** The id of the note whose text contains `text`. */
export async function noteIdOf(page: Page, text: string): Promise<string> {
  return (await notePosition(page, text)).id;
}

/** Posts `text` from the side panel's form and waits until the box is empty again (the note was written). */
export async function postNote(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Note', { exact: true });
  const post = page.getByRole('button', { name: 'Post', exact: true });
  await box.fill(text);
  // Post is enabled once the board is synced and posting is open; Enter before that would post nothing.
  await page.waitForFunction(
    (button) => !(button as unknown as { disabled: boolean }).disabled,
    await post.elementHandle(),
  );
  await box.press('Enter');
  await page.waitForFunction(
    (input) => (input as unknown as { value: string }).value === '',
    await box.elementHandle(),
  );
}

/** The focused element's attribute `name` (null when it has none, or nothing is focused). */
export function focusedAttribute(page: Page, name: string): Promise<string | null> {
  return page.evaluate((attribute) => {
    const doc = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } })
      .document;
    return doc.activeElement?.getAttribute(attribute) ?? null;
  }, name);
}

/** The focused element's accessible-ish name: its aria-label, else its text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: { activeElement: { getAttribute(n: string): string | null; textContent: string | null } | null };
      }
    ).document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });
}

/** A board link with `?view=` put before the fragment that carries the secret. */
export function withView(link: string, view: string): string {
  const [base, fragment] = link.split('#');
  return `${base}?view=${view}#${fragment}`;
}
