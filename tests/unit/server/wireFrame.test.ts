// Whole websocket frames (ws/wireFrame.ts), read back by ws's own client-side parser.
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import * as ws from 'ws';
import { binaryFrame, frameOf, WHOLE_FRAME_MAX_BYTES } from '../../../server/src/ws/wireFrame.ts';

/** ws's frame parser: exported by ws but not declared in its types. */
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; binaryType: string }) => Writable & EventEmitter;
};

/** The messages ws's client parser reads from `bytes` (fed in pieces, as TCP may deliver them). */
function parse(bytes: Buffer, piece = bytes.length): Buffer[] {
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
  const messages: Buffer[] = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    messages.push(data);
  });
  receiver.on('error', (error: Error) => {
    throw error;
  });
  for (let at = 0; at < bytes.length; at += piece) receiver.write(bytes.subarray(at, at + piece));
  return messages;
}

function payloadOf(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('binaryFrame', () => {
  it('frames every length up to the maximum so that ws reads the same bytes back', () => {
    const lengths = [0, 1, 125, 126, 127, 1000, 65_535, WHOLE_FRAME_MAX_BYTES];
    const payloads = lengths.map((length, i) => payloadOf(length, i));
    const stream = Buffer.concat(payloads.map((payload) => binaryFrame(payload)));
    for (const piece of [stream.length, 7, 1]) {
      expect(parse(stream, piece).map((message) => [...message])).toEqual(payloads.map((payload) => [...payload]));
    }
  });

  it('uses the short header up to 125 bytes and the 16-bit one above', () => {
    expect(binaryFrame(payloadOf(125, 0)).length).toBe(2 + 125);
    expect(binaryFrame(payloadOf(126, 0)).length).toBe(4 + 126);
  });

  it('refuses a payload too large for a whole frame', () => {
    expect(() => binaryFrame(new Uint8Array(WHOLE_FRAME_MAX_BYTES + 1))).toThrow(RangeError);
  });
});

describe('frameOf', () => {
  it('frames a payload sent to peer after peer once, and a new payload anew', () => {
    const first = payloadOf(300, 1);
    const second = payloadOf(300, 2);
    const framed = frameOf(first);
    expect(frameOf(first)).toBe(framed);
    const next = frameOf(second);
    expect(next).not.toBe(framed);
    expect([...parse(next)[0]!]).toEqual([...second]);
    // Equal bytes in another array are another message: framed anew, the same bytes on the wire.
    const copy = Uint8Array.from(second);
    expect(frameOf(copy)).not.toBe(next);
    expect(frameOf(copy).equals(next)).toBe(true);
  });
});
