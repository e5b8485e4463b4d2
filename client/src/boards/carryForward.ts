// Carrying a board forward from the browser: create the new board, then keep its identity and link on this device.
import { fetchMe } from '../app/api.ts';
import { rememberCreatedBoard, saveIdentity } from '../app/storage.ts';
import { carryForwardBoard } from './boardApi.ts';

export interface CarriedBoard {
  boardId: string;
  title: string;
  facilitatorLink: string;
}

/**
 * Creates the continuation of `boardId` and remembers it in `storage` (the facilitator's identity on it, and the
 * start page's list of boards created here), so the facilitator finds it again without the link.
 */
export async function carryForwardAndRemember(input: {
  boardId: string;
  token: string;
  title: string;
  storage: Storage;
  now: () => number;
}): Promise<CarriedBoard> {
  const title = input.title.trim();
  const created = await carryForwardBoard(input.boardId, input.token, title === '' ? undefined : title);
  // The server names the facilitator and may shorten the title: ask rather than guess.
  const me = await fetchMe(created.boardId, created.facilitatorToken);
  saveIdentity(input.storage, created.boardId, {
    participantId: me.participantId,
    token: created.facilitatorToken,
    role: me.role,
    name: me.name,
  });
  const finalTitle = me.title ?? title;
  rememberCreatedBoard(input.storage, {
    boardId: created.boardId,
    title: finalTitle,
    facilitatorLink: created.links.facilitator,
    createdAt: input.now(),
  });
  return { boardId: created.boardId, title: finalTitle, facilitatorLink: created.links.facilitator };
}
