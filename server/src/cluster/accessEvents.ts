// What a server does when it hears that people lost access to a board (here or on another server): it closes their
// sockets, both those it serves and those it proxies to the holder, so nobody keeps a socket their token lost.
import type { Actor } from '@shared/rules/Change.ts';
import type { BoardEvent } from '../boards/boardEvents.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { CLOSE } from '../rooms/Peer.ts';
import type { ProxiedSocket } from './proxySocket.ts';

const REMOVED = 'You were removed from this board by the facilitator.';
const NO_LONGER_VALID = 'This link is no longer valid (renewed, or you were removed).';

export interface AccessDeps {
  registry: RoomRegistry;
  /** The sockets this server proxies for a board. */
  proxiesOf: (boardId: string) => Iterable<ProxiedSocket>;
  /** The store's answer for a token now (undefined: it no longer works); the same check the holder makes. */
  authenticate: (boardId: string, token: string | null) => Promise<Actor | undefined>;
}

/** Closes the sockets `event` cut off; events that change nobody's access (closing, archiving) close nothing. */
export async function applyAccessEvent(deps: AccessDeps, event: BoardEvent): Promise<void> {
  if (event.type === 'participantRemoved') {
    // The holder already closed them when it removed the person; a server that still has the room closes its own.
    const room = await deps.registry.peek(event.boardId);
    room?.closePeers((actor) => actor.participantId === event.participantId, CLOSE.badToken, REMOVED);
  }
  // A removal, or an observer-code renewal that ends the old observers' tokens, shows in the store: each proxied
  // socket's token is checked there again. (Renewing the join code keeps everyone who is in, as on one server.)
  if (event.type === 'participantRemoved' || event.type === 'observerCodeRenewed')
    await recheckProxies(deps, event.boardId, event.type === 'participantRemoved' ? REMOVED : NO_LONGER_VALID);
}

async function recheckProxies(deps: AccessDeps, boardId: string, reason: string): Promise<void> {
  const byToken = new Map<string | null, ProxiedSocket[]>();
  for (const proxy of deps.proxiesOf(boardId)) byToken.set(proxy.token, [...(byToken.get(proxy.token) ?? []), proxy]);
  await Promise.all(
    [...byToken].map(async ([token, proxies]) => {
      // The store away: keep the socket (the holder enforces the removal on its side in any case).
      const actor = await deps.authenticate(boardId, token).catch(() => null);
      if (actor === undefined) for (const proxy of proxies) proxy.close(CLOSE.badToken, reason);
    }),
  );
}
