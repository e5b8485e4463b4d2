// A board page's websocket and identity check, started by the entry before the board page's chunk has downloaded,
// when the link or this browser already holds the token: the server authenticates and sends the board, and answers
// /me, while the page's code arrives (the connected board's chunk starts too). The board page (board/useIdentity.ts)
// then opens the same address, which keeps this socket, and takes this /me answer; the rule for the token is the
// same (the facilitator link's, else the one kept here).
import { fetchMe, type Me } from './api.ts';
import { connectedBoardModule } from './connectedBoardModule.ts';
import { parseFragment, parseRoute } from './route.ts';
import { loadIdentity } from './storage.ts';
import { openEarlySocket, wsBaseFor } from '../sync/earlySocket.ts';

let earlyMe: { boardId: string; token: string; reply: Promise<Me> } | null = null;

export function openBoardSocketFirst(location: Location, storage: () => Storage): void {
  const route = parseRoute(location.pathname);
  if (route.page !== 'board') return;
  const secret = parseFragment(location.hash);
  const token = secret.kind === 'facilitator' ? secret.token : loadIdentity(storage(), route.boardId)?.token;
  if (!token) return;
  openEarlySocket(wsBaseFor(location), route.boardId, token);
  const reply = fetchMe(route.boardId, token);
  // Whoever takes it handles its failure; until then it is not an unhandled rejection.
  reply.catch(() => undefined);
  earlyMe = { boardId: route.boardId, token, reply };
  connectedBoardModule.start();
}

/** /me for `token` on `boardId`: the entry's answer when it asked for exactly that (taken once), else a new request. */
export function takeMe(boardId: string, token: string): Promise<Me> {
  const found = earlyMe;
  earlyMe = null;
  return found?.boardId === boardId && found.token === token ? found.reply : fetchMe(boardId, token);
}
