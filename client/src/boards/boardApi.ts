// Board management calls: carry a board forward into a new one, archive or unarchive it.
import type { CreatedBoard } from '../app/api.ts';
import { authorizedFetch, boardPath } from './request.ts';

/** Creates a new board starting from this one's exercises, stations, notes and groups (facilitator only). */
export async function carryForwardBoard(boardId: string, token: string, title: string | undefined): Promise<CreatedBoard> {
  const response = await authorizedFetch(boardPath(boardId, 'carry-forward'), token, {
    method: 'POST',
    body: title === undefined ? {} : { title },
  });
  return (await response.json()) as CreatedBoard;
}

/** Archives (closes, refuses new joins) or unarchives a board (facilitator only). */
export async function setBoardArchived(boardId: string, token: string, isArchived: boolean): Promise<void> {
  await authorizedFetch(boardPath(boardId, 'archive'), token, { method: 'POST', body: { archived: isArchived } });
}

/**
 * Whether the board is archived, when the server says so in `/me` (`isArchived` or `archived`); null when it does not,
 * so the interface offers both actions rather than guess.
 */
export async function fetchIsArchived(boardId: string, token: string): Promise<boolean | null> {
  const response = await authorizedFetch(boardPath(boardId, 'me'), token);
  const me = (await response.json()) as { isArchived?: unknown; archived?: unknown } | null;
  const value = me?.isArchived ?? me?.archived;
  return typeof value === 'boolean' ? value : null;
}
