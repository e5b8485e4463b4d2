// Locale-free orderings for exports: the same board sorts the same way on every machine.
import type { Note } from '../model/Note.ts';

/** Code-unit order, never localeCompare (which depends on the runtime's ICU data). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes by creation time, then id. */
export function compareNotes(a: Pick<Note, 'createdAt' | 'id'>, b: Pick<Note, 'createdAt' | 'id'>): number {
  return a.createdAt - b.createdAt || compareText(a.id, b.id);
}
