// The signed client address a forwarding server adds, and the holder's check of it.
import http from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_HEADER,
  SIGNATURE_HEADER,
  addressHeaders,
  vouchedAddress,
  withoutAddressHeaders,
} from '../../../server/src/cluster/peerAddress.ts';
import { clientAddress, setVouchedAddress } from '../../../server/src/http/clientAddress.ts';
import { readClusterConfig } from '../../../server/src/cluster/clusterConfig.ts';

const SECRET = 'a'.repeat(32);

function request(headers: Record<string, string>): http.IncomingMessage {
  const req = new http.IncomingMessage(new Socket());
  req.headers = headers;
  return req;
}

describe('peer address', () => {
  it('vouches for an address signed with the same secret', () => {
    const headers = addressHeaders(SECRET, '203.0.113.7');
    expect(Object.keys(headers).sort()).toEqual([CLIENT_HEADER, SIGNATURE_HEADER].sort());
    expect(vouchedAddress(request(headers), SECRET)).toBe('203.0.113.7');
    expect(vouchedAddress(request(addressHeaders(SECRET, '2001:db8::1')), SECRET)).toBe('2001:db8::1');
  });

  it('ignores a claim with another secret, another address, a bad signature, or no secret at all', () => {
    const headers = addressHeaders(SECRET, '203.0.113.7');
    expect(vouchedAddress(request(headers), 'b'.repeat(32))).toBeUndefined();
    expect(vouchedAddress(request({ ...headers, [CLIENT_HEADER]: '203.0.113.8' }), SECRET)).toBeUndefined();
    expect(vouchedAddress(request({ ...headers, [SIGNATURE_HEADER]: 'AAAA' }), SECRET)).toBeUndefined();
    expect(vouchedAddress(request({ [CLIENT_HEADER]: '203.0.113.7' }), SECRET)).toBeUndefined();
    expect(vouchedAddress(request(headers), undefined)).toBeUndefined();
    expect(addressHeaders(undefined, '203.0.113.7')).toEqual({});
  });

  it('signs only real addresses, and strips what a browser sent before passing a request on', () => {
    expect(addressHeaders(SECRET, 'unknown')).toEqual({});
    const spoofed = { host: 'x', [CLIENT_HEADER]: '10.0.0.1', [SIGNATURE_HEADER]: 'forged' };
    expect(withoutAddressHeaders(spoofed)).toEqual({ host: 'x' });
  });

  it('counts a request by its socket unless a peer was vouched for', () => {
    const req = request({});
    expect(clientAddress(req)).toBe('unknown');
    setVouchedAddress(req, '198.51.100.2');
    expect(clientAddress(req)).toBe('198.51.100.2');
  });
});

describe('CLUSTER_SECRET', () => {
  const base = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://x@127.0.0.1/db' };

  it('is optional, and when set must be long enough (never echoed in the error)', () => {
    expect(readClusterConfig(base)?.clusterSecret).toBeUndefined();
    expect(readClusterConfig({ ...base, CLUSTER_SECRET: SECRET })?.clusterSecret).toBe(SECRET);
    expect(() => readClusterConfig({ ...base, CLUSTER_SECRET: 'short-secret' })).toThrow(/at least 32 characters/);
    expect(() => readClusterConfig({ ...base, CLUSTER_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
