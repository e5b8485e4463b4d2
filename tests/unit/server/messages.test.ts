// The frames the server writes are byte for byte what lib0's encoder writes, at every length boundary of a varuint.
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import {
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '../../../server/src/rooms/messages.ts';

function withLib0(header: number[], payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const value of header) encoding.writeVarUint(encoder, value);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Byte equality (vitest's deep equality is far too slow for megabytes). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const lengths = [0, 1, 127, 128, 300, 16_383, 16_384, 70_000, 2_097_152];

describe('frames', () => {
  it.each(lengths)('match lib0 for a payload of %i bytes', (length) => {
    const payload = new Uint8Array(length).map((_, i) => (i * 31) % 256);
    expect(same(encodeUpdate(payload), withLib0([MESSAGE_SYNC, SYNC_UPDATE], payload))).toBe(true);
    expect(same(encodeSyncStep2(payload), withLib0([MESSAGE_SYNC, SYNC_STEP2], payload))).toBe(true);
    expect(same(encodeSyncStep1(payload), withLib0([MESSAGE_SYNC, SYNC_STEP1], payload))).toBe(true);
    expect(same(encodeAwareness(payload), withLib0([MESSAGE_AWARENESS], payload))).toBe(true);
  });

  it('decode back to what was encoded', () => {
    const payload = new Uint8Array([0, 0]);
    expect(decodeMessage(encodeUpdate(payload))).toEqual({ type: 'update', update: payload });
    expect(decodeMessage(encodeAwareness(payload))).toEqual({ type: 'awareness', update: payload });
  });
});
