// Reads the laid-out text boxes of a page region in Chromium, and finds the pairs that overlap or leave the viewport.
import type { Page } from 'playwright-core';

export interface Box {
  /** What the box says (shortened), to name it in a failure. */
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Layout {
  /** The visible part of every leaf text box (and image, and button) in the region. */
  boxes: Box[];
  /** The same boxes before clipping: what must stay inside the viewport. */
  outer: Box[];
  viewport: { width: number; height: number };
  /** How far the region and the page could scroll (0 when everything fits). */
  overflow: { x: number; y: number };
}

/**
 * The boxes inside `selector`. A text box is the nearest non-inline element around a text node (a paragraph, a list
 * item, a flex item, a button): lines inside one box cannot collide, boxes can. Each is clipped by the ancestors
 * that clip their overflow (a line cut with "…" counts only as far as it shows). Visually hidden text (the 1 px
 * screen-reader-only kind) is left out, as are elements nested in another measured box (they cannot overlap it).
 */
export function readLayout(page: Page, selector: string): Promise<Layout> {
  return page.evaluate((rootSelector) => {
    const root = document.querySelector(rootSelector);
    if (!root) throw new Error(`no element matches ${rootSelector}`);
    const isInline = (el: Element) => getComputedStyle(el).display.startsWith('inline') && el.tagName !== 'BUTTON';
    const blockOf = (el: Element): Element => {
      let current = el;
      while (current !== root && isInline(current) && current.parentElement) current = current.parentElement;
      return current;
    };
    const measured = new Set<Element>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.trim() && node.parentElement) measured.add(blockOf(node.parentElement));
    }
    root.querySelectorAll('img, button').forEach((el) => measured.add(el));
    const boxes: { text: string; left: number; top: number; right: number; bottom: number }[] = [];
    const outer: typeof boxes = [];
    for (const el of measured) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      // Nested in another measured box: inside it by construction.
      let isNested = false;
      for (let up = el.parentElement; up && up !== root; up = up.parentElement) if (measured.has(up)) isNested = true;
      if (isNested) continue;
      const text = (el.textContent || el.getAttribute('alt') || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 50);
      let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      outer.push({ text, ...box });
      for (let up = el.parentElement; up && up !== root; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        box = {
          left: Math.max(box.left, clip.left),
          top: Math.max(box.top, clip.top),
          right: Math.min(box.right, clip.right),
          bottom: Math.min(box.bottom, clip.bottom),
        };
      }
      if (box.right - box.left > 1 && box.bottom - box.top > 1) boxes.push({ text, ...box });
    }
    const page = document.documentElement;
    return {
      boxes,
      outer,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      overflow: {
        x: Math.max(root.scrollWidth - root.clientWidth, page.scrollWidth - page.clientWidth),
        y: Math.max(root.scrollHeight - root.clientHeight, page.scrollHeight - page.clientHeight),
      },
    };
  }, selector);
}

/** Pairs of boxes that share more than half a pixel each way (boxes that only touch are fine). */
export function overlaps(boxes: readonly Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0.5 && y > 0.5) found.push(`"${a.text}" overlaps "${b.text}" by ${x.toFixed(1)} × ${y.toFixed(1)} px`);
    }
  });
  return found;
}

/** Boxes that reach outside the viewport (by more than half a pixel). */
export function outside(layout: Layout): string[] {
  const { width, height } = layout.viewport;
  return layout.outer
    .filter((b) => b.left < -0.5 || b.top < -0.5 || b.right > width + 0.5 || b.bottom > height + 0.5)
    .map(
      (b) => `"${b.text}" at ${Math.round(b.left)},${Math.round(b.top)}-${Math.round(b.right)},${Math.round(b.bottom)}`,
    );
}
