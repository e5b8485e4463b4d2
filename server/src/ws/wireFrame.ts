// A server-to-client websocket frame built whole, header and payload in one buffer (RFC 6455 section 5.2).
//
// A broadcast sends the same message to every peer of a room. Through `ws.send`, each peer pays for its own
// header buffer and a corked two-buffer write (a `writev`); framed once here, each peer's socket gets one plain
// write of the same buffer. The frame is final (FIN), binary, unmasked (a server never masks) and uncompressed:
// the gateway negotiates no permessage-deflate, so no extension may change how a frame is written.

/**
 * Payloads above this go through `ws.send`: copying a large one-off frame (a board's whole doc) saves nothing.
 * It is the largest payload a 16-bit length holds, so the header is 2 or 4 bytes.
 */
export const WHOLE_FRAME_MAX_BYTES = 0xffff;

const FIN_BINARY = 0x82;

/** The complete frame for `payload` (a binary message of at most `WHOLE_FRAME_MAX_BYTES`). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  if (length > WHOLE_FRAME_MAX_BYTES) throw new RangeError('frame payload too large to build whole');
  // A 7-bit length up to 125, else 126 and a 16-bit length.
  const headerLength = length < 126 ? 2 : 4;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_BINARY;
  if (length < 126) frame[1] = length;
  else {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

let lastPayload: Uint8Array | undefined;
let lastFrame: Buffer | undefined;

/**
 * The frame of `payload`, built once for the peers a broadcast sends it to one after another: the last payload
 * framed is remembered by identity. Safe because nothing sent is written to afterwards (a sent message is never
 * reused for other bytes; `ws` relies on the same, as it keeps the buffer until the kernel took it).
 */
export function frameOf(payload: Uint8Array): Buffer {
  if (payload !== lastPayload || lastFrame === undefined) {
    lastFrame = binaryFrame(payload);
    lastPayload = payload;
  }
  return lastFrame;
}
