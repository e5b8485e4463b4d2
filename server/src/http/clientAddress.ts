// The address a request came from: its socket's, unless a server of the same cluster passed it on and vouched for
// the person's own address (see server/src/cluster/peerAddress.ts). Per-address limits count this one.
import type { IncomingMessage } from 'node:http';

const vouched = new WeakMap<IncomingMessage, string>();

/** Records the address a trusted peer server vouched for (call only after checking its signature). */
export function setVouchedAddress(req: IncomingMessage, address: string): void {
  vouched.set(req, address);
}

export function clientAddress(req: IncomingMessage): string {
  return vouched.get(req) ?? req.socket.remoteAddress ?? 'unknown';
}
