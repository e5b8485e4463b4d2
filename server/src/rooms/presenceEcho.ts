// A stock y-websocket client sends every presence frame it receives straight back (its awareness 'update' event
// fires for remote states too), so most presence frames a server reads are echoes of other people's states. Such a
// frame changes nothing; it is recognised from its varuints (no state read, nothing copied) and dropped on arrival.
import * as decoding from 'lib0/decoding';
import { MESSAGE_AWARENESS } from './messages.ts';
import { MAX_ENTRIES_PER_FRAME } from './awarenessStamp.ts';

/**
 * Whether `frame` is a well-formed awareness message whose every entry speaks for a client id another peer owns:
 * what the full path would read and drop without a trace. Anything else (a message of another type, an entry of
 * the sender's own or of nobody's, a malformed frame) is false, and the full path decides.
 */
export function isEchoOfOthers<P>(frame: Uint8Array, ownerOf: ReadonlyMap<number, P>, sender: P): boolean {
  if (frame[0] !== MESSAGE_AWARENESS) return false;
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    const length = decoding.readVarUint(decoder);
    if (decoder.pos + length !== frame.length) return false;
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ENTRIES_PER_FRAME) return false;
    for (let i = 0; i < count; i++) {
      const owner = ownerOf.get(decoding.readVarUint(decoder));
      if (owner === undefined || owner === sender) return false;
      decoding.readVarUint(decoder); // the clock
      // The state is skipped, not read: its length, then past its bytes.
      const stateLength = decoding.readVarUint(decoder);
      decoder.pos += stateLength;
      if (decoder.pos > frame.length) return false;
    }
    return decoder.pos === frame.length;
  } catch {
    // Cut short or out of range: malformed, which the full path refuses.
    return false;
  }
}
