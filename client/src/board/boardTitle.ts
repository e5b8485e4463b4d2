// The board's title as every view shows it.
import type { Board } from '@shared/doc/readBoard.ts';

/** The board's title; until the first sync there is none to show yet, which is not the same as having none. */
export function boardTitle(board: Board, isSynced: boolean): string {
  return board.meta?.title ?? (isSynced ? 'Untitled board' : 'Loading board…');
}
