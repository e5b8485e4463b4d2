// The y-websocket wire protocol: decoding incoming frames strictly and encoding the frames we send.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  /** Step 2 and plain updates both carry an update; both go through the guard. */
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

/** Decodes one frame; throws on anything malformed (unknown type, truncation, trailing bytes). */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: IncomingMessage;
  if (type === MESSAGE_SYNC) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP1) {
      // Decoded here so that a malformed state vector is a malformed frame (4400), not a server error later.
      Y.decodeStateVector(payload);
      message = { type: 'syncStep1', stateVector: payload };
    } else if (step === SYNC_STEP2 || step === SYNC_UPDATE) message = { type: 'update', update: payload };
    else throw new Error(`unknown sync step ${step}`);
  } else if (type === MESSAGE_AWARENESS) {
    message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    message = { type: 'queryAwareness' };
  } else {
    throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message');
  return message;
}

/** Bytes of `value` as a lib0 variable-length unsigned integer. */
export function varUintLength(value: number): number {
  let length = 1;
  while (value > 0x7f) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Writes `value` as a lib0 varuint at `at` of `target`; returns the position after it. */
export function writeVarUint(target: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    target[at++] = 0x80 | (value & 0x7f);
    value = Math.floor(value / 128);
  }
  target[at++] = value;
  return at;
}

/**
 * One frame: the header's small varuints, then the payload with its length, written straight into one buffer of
 * the right size (the same bytes as lib0's encoder, without an encoder and its chunks per frame). A Buffer, so
 * `ws` sends it as it is instead of wrapping it in a new Buffer for every peer; every byte of it is written here.
 */
function frame(header: readonly number[], payload: Uint8Array): Uint8Array {
  const headerLength = header.reduce((sum, value) => sum + varUintLength(value), 0);
  const out = Buffer.allocUnsafe(headerLength + varUintLength(payload.length) + payload.length);
  let at = 0;
  for (const value of header) at = writeVarUint(out, at, value);
  at = writeVarUint(out, at, payload.length);
  out.set(payload, at);
  return out;
}

const SYNC_STEP1_HEADER = [MESSAGE_SYNC, SYNC_STEP1];
const SYNC_STEP2_HEADER = [MESSAGE_SYNC, SYNC_STEP2];
const SYNC_UPDATE_HEADER = [MESSAGE_SYNC, SYNC_UPDATE];
const AWARENESS_HEADER = [MESSAGE_AWARENESS];

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(SYNC_STEP1_HEADER, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame(SYNC_STEP2_HEADER, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(SYNC_UPDATE_HEADER, update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(AWARENESS_HEADER, update);
}
