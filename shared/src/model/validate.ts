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
  const length = [...trimmed].length;
  return length >= 1 && length <= max ? trimmed : undefined;
}

export function cleanCoord(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= COORD_MAX ? value : undefined;
}

export function cleanTime(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Code-point length, as the limits are stated to users. */
export function textLength(text: string): number {
  return [...text].length;
}
