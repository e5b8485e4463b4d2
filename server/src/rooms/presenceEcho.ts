// A stock y-websocket client sends every presence frame it receives straight back (its awareness 'update' event
// fires for remote states too), so most presence frames a server reads are echoes of other people's states. Such a
// frame changes nothing; it is recognised from its bytes (nothing decoded, nothing allocated) and dropped on arrival.
import { MESSAGE_AWARENESS } from './messages.ts';
import { MAX_ENTRIES_PER_FRAME } from './awarenessStamp.ts';

let at = 0;

/** The lib0 varuint at `at` in `bytes` (moving `at` past it), or -1 when it is cut short or too large. */
function readVarUint(bytes: Uint8Array): number {
  let value = 0;
  let scale = 1;
  while (at < bytes.length) {
    const byte = bytes[at++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
    if (scale > 2 ** 53) return -1;
  }
  return -1;
}

/**
 * Whether `frame` is a well-formed awareness message whose every entry speaks for a client id another peer owns:
 * what the full path would read and drop without a trace. Anything else (a message of another type, an entry of
 * the sender's own or of nobody's, a malformed frame) is false, and the full path decides.
 */
export function isEchoOfOthers<P>(frame: Uint8Array, ownerOf: ReadonlyMap<number, P>, sender: P): boolean {
  at = 0;
  if (readVarUint(frame) !== MESSAGE_AWARENESS) return false;
  const length = readVarUint(frame);
  if (length < 0 || at + length !== frame.length) return false;
  const count = readVarUint(frame);
  if (count < 0 || count > MAX_ENTRIES_PER_FRAME) return false;
  for (let i = 0; i < count; i++) {
    const owner = ownerOf.get(readVarUint(frame));
    if (owner === undefined || owner === sender || readVarUint(frame) < 0) return false;
    const stateLength = readVarUint(frame);
    if (stateLength < 0 || at + stateLength > frame.length) return false;
    at += stateLength;
  }
  return at === frame.length;
}
