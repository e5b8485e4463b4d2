// Small field checks for code outside the record schemas (ops, commands, HTTP bodies): each returns the clean value or undefined.
import { COORD_MAX, ID_MAX } from './limits.ts';

/** A non-empty id without whitespace, at most ID_MAX characters. */
export function cleanId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX && !/\s/.test(value)
    ? value
    : undefined;
}

/** Trimmed text of 1..max characters (counted in code points, so emoji count once). */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 1 && fitsCodePoints(trimmed, max) ? trimmed : undefined;
}

export function cleanCoord(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= COORD_MAX ? value : undefined;
}

export function cleanTime(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Code-point length, as the limits are stated to users (an emoji counts once; a lone surrogate counts once, as
 * `[...text].length` does), counted in place: the guard checks every note's text, and a copy per check showed.
 */
export function textLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      length--;
      i++;
    }
  }
  return length;
}

/** Whether `text` has at most `max` code points: a text of at most `max` UTF-16 units has, without counting. */
export function fitsCodePoints(text: string, max: number): boolean {
  return text.length <= max || textLength(text) <= max;
}
