// Tells plain JSON values (what a board field may hold) from what Yjs' ContentAny can also carry.

const MAX_DEPTH = 32;

/**
 * True for null, booleans, finite numbers, strings, and arrays / plain objects of those.
 * ContentAny can also carry undefined, bigints, NaN, Uint8Arrays and objects whose prototype was
 * replaced through a "__proto__" key; none of those survive a JSON round trip, so none belong on a board.
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((entry) => isPlainJson(entry, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((entry) => isPlainJson(entry, depth + 1));
}
