// A board page's websocket, opened by the entry before the board page's chunk has downloaded, when the link or this
// browser already holds the token: the server authenticates and sends the board while the page's code arrives.
// The board page (board/useIdentity.ts) then opens the same address, which keeps this socket, or discards it when
// /me refuses the token; the rule for the token is the same (the facilitator link's, else the one kept here).
import { parseFragment, parseRoute } from './route.ts';
import { loadIdentity } from './storage.ts';
import { openEarlySocket, wsBaseFor } from '../sync/earlySocket.ts';

export function openBoardSocketFirst(location: Location, storage: () => Storage): void {
  const route = parseRoute(location.pathname);
  if (route.page !== 'board') return;
  const secret = parseFragment(location.hash);
  const token = secret.kind === 'facilitator' ? secret.token : loadIdentity(storage(), route.boardId)?.token;
  if (token) openEarlySocket(wsBaseFor(location), route.boardId, token);
}
