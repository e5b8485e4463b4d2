// A forwarded request carries the person's own address, signed with CLUSTER_SECRET, so the holder's per-address
// limits count the person rather than the forwarding server. Without the secret the headers are neither sent nor read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

export const CLIENT_HEADER = 'x-scopeboard-client';
export const SIGNATURE_HEADER = 'x-scopeboard-client-signature';

function sign(secret: string, address: string): Buffer {
  return createHmac('sha256', secret).update(`scopeboard-client:${address}`).digest();
}

/** The headers a forwarding server adds; none without a secret. */
export function addressHeaders(secret: string | undefined, address: string): Record<string, string> {
  if (!secret || !isIP(address)) return {};
  return { [CLIENT_HEADER]: address, [SIGNATURE_HEADER]: sign(secret, address).toString('base64url') };
}

/** The address a peer vouched for, when its signature checks out (compared in constant time); otherwise undefined. */
export function vouchedAddress(req: IncomingMessage, secret: string | undefined): string | undefined {
  const address = req.headers[CLIENT_HEADER];
  const signature = req.headers[SIGNATURE_HEADER];
  if (!secret || typeof address !== 'string' || typeof signature !== 'string') return undefined;
  if (address.length > 64 || !isIP(address) || signature.length > 100) return undefined;
  const expected = sign(secret, address);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
}

/** Request headers without the vouching pair, so that what a browser sent is never passed on as ours. */
export function withoutAddressHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const copy = { ...headers };
  delete copy[CLIENT_HEADER];
  delete copy[SIGNATURE_HEADER];
  return copy;
}
