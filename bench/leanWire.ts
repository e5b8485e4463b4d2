// The bytes a lean bench receiver sends and reads: y-websocket sync and awareness frames (in Hocuspocus's framing
// when the target speaks it) and a scan of update bytes for note-id markers, without decoding Yjs.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WireProtocol } from './targets.ts';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus's own message types beside y-websocket's 0 (sync) and 1 (awareness). */
export const HOCUSPOCUS_AUTH = 2;
/** A sync message that asks for no step 1 back; its body reads as a sync message. */
export const HOCUSPOCUS_SYNC_REPLY = 4;

/** Sync step 1 with an empty state vector: "send me everything" (the server answers with its whole doc). */
export const EMPTY_STEP1 = new Uint8Array([MESSAGE_SYNC, SYNC_STEP1, 1, 0]);
/** Sync step 2 carrying an empty update (no structs, empty delete set): the answer of a peer that holds nothing. */
export const EMPTY_STEP2 = new Uint8Array([MESSAGE_SYNC, SYNC_STEP2, 2, 0, 0]);

/** A Hocuspocus frame: the document name, then the y-websocket message. */
export function hocuspocusFrame(room: string, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** Hocuspocus queues everything until a token message arrives (even without an onAuthenticate hook). */
export function hocuspocusAuth(room: string, token = 'bench'): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/**
 * An awareness update for one client id, as y-protocols encodes it: the stock provider's initial local state is
 * `{}`, and each renewal is the same state with the clock one higher.
 */
export function awarenessFrame(clientId: number, clock: number, state: string = '{}'): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, state);
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

export type LeanIncoming =
  /** The server's sync step 1: answer with EMPTY_STEP2. */
  | { kind: 'step1' }
  /** Step 2 (the answer to our step 1) or an update; `from` is where the update bytes start. */
  | { kind: 'step2' | 'update'; from: number }
  /** Awareness, Hocuspocus's auth and status frames, and anything else a receiver ignores. */
  | { kind: 'other' };

/** Reads a frame's header (after the document name for Hocuspocus) as far as a receiver needs. */
export function readIncoming(bytes: Uint8Array, protocol: WireProtocol): LeanIncoming {
  const decoder = decoding.createDecoder(bytes);
  if (protocol === 'hocuspocus') decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && !(protocol === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return { kind: 'other' };
  const step = decoding.readVarUint(decoder);
  if (step === SYNC_STEP1) return { kind: 'step1' };
  // The payload's own length prefix is skipped: the scan reads to the end of the frame.
  decoding.readVarUint(decoder);
  if (step === SYNC_STEP2) return { kind: 'step2', from: decoder.pos };
  if (step === SYNC_UPDATE) return { kind: 'update', from: decoder.pos };
  return { kind: 'other' };
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * The numbers n of every note id `${key}-${n}` written in `bytes` from `from` on. Yjs writes a string (a map key,
 * a JSON value) as a varuint byte length and its UTF-8 bytes, so an id counts only when the byte before it is its
 * whole length: "B1-12" is then told from "B1-123", and from a text that merely contains "B1-12". Ids of bench
 * notes are short (< 128 bytes), so that length is one byte. An id may appear more than once (key and field).
 */
export function scanNoteMarkers(bytes: Uint8Array, prefix: Buffer, from = 0): number[] {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let at = buffer.indexOf(prefix, from); at !== -1; at = buffer.indexOf(prefix, at + prefix.length)) {
    let end = at + prefix.length;
    let n = 0;
    while (end < buffer.length && buffer[end]! >= DIGIT_0 && buffer[end]! <= DIGIT_9) {
      n = n * 10 + buffer[end]! - DIGIT_0;
      end++;
    }
    if (end > at + prefix.length && at > from && buffer[at - 1] === end - at) found.push(n);
  }
  return found;
}

/** The marker prefix of a step's notes (ids are `${key}-${n}`, see bench/loadWorker.ts). */
export const markerPrefix = (key: string) => Buffer.from(`${key}-`, 'utf8');
