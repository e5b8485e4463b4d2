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

/** The centre of the note whose text contains `text`, in page pixels (from the canvas's own position list). */
export async function noteCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const item = page.locator('[data-testid="note-positions"] li', { hasText: text });
  const canvas = (await page.locator('.canvas').boundingBox())!;
  return {
    x: canvas.x + Number(await item.getAttribute('data-x')),
    y: canvas.y + Number(await item.getAttribute('data-y')),
  };
}

/** The id of the note whose text contains `text`. */
export async function noteIdOf(page: Page, text: string): Promise<string> {
  const item = page.locator('[data-testid="note-positions"] li', { hasText: text });
  return (await item.getAttribute('data-note-id'))!;
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
