// Board management calls: carry a board forward into a new one, archive or unarchive it, read its links.
import {
  AnyReply,
  CreatedBoardReply,
  LinksReply,
  MeReply,
  type BoardLinks,
  type CreatedBoard,
} from '@shared/api/replies.ts';
import { boardPath, request } from '../app/http.ts';

/** Creates a new board starting from this one's exercises, stations, notes and groups (facilitator only). */
export function carryForwardBoard(boardId: string, token: string, title: string | undefined): Promise<CreatedBoard> {
  return request(boardPath(boardId, 'carry-forward'), CreatedBoardReply, {
    token,
    method: 'POST',
    body: title === undefined ? {} : { title },
  });
}

/** Archives (closes, refuses new joins) or unarchives a board (facilitator only). */
export async function setBoardArchived(boardId: string, token: string, isArchived: boolean): Promise<void> {
  await request(boardPath(boardId, 'archive'), AnyReply, { token, method: 'POST', body: { archived: isArchived } });
}

/** Whether the board is archived, as `/me` says; null when it does not, so the interface offers both actions. */
export async function fetchIsArchived(boardId: string, token: string): Promise<boolean | null> {
  return (await request(boardPath(boardId, 'me'), MeReply, { token })).isArchived ?? null;
}

/** The board's participant and observer links (facilitator only). */
export async function fetchLinks(boardId: string, token: string): Promise<BoardLinks> {
  return (await request(boardPath(boardId, 'links'), LinksReply, { token })).links;
}
