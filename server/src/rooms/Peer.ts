// One client connection as a room sees it: who it is, and how to send to it or close it.
import type { Actor } from '@shared/rules/Change.ts';

export interface Peer {
  readonly actor: Actor;
  readonly isOpen: boolean;
  /** True once the server closed this connection on purpose: nothing it sends after that counts. */
  readonly isClosedByServer: boolean;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Close codes of the websocket contract (docs/api.md), plus 4400 for a frame we cannot read. */
export const CLOSE = {
  malformed: 4400,
  badToken: 4401,
  forbidden: 4403,
  unknownBoard: 4404,
  /** The connection stopped reading: its send buffer passed the limit. */
  tooSlow: 4408,
  tooLarge: 4413,
  tooMany: 4429,
  tooManyConnections: 4430,
  serverError: 1011,
  goingAway: 1001,
} as const;

/** Websocket close reasons are limited to 123 bytes of UTF-8. */
export function closeReason(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 123) return text;
  let cut = text;
  while (new TextEncoder().encode(cut + '…').length > 123) cut = cut.slice(0, -1);
  return cut + '…';
}
