// A stock y-websocket client echoes every presence frame it receives, whole: in a room of more than 64 people the
// echo of one renewal batch holds more than 64 entries, nearly all of them other people's. Reading it must not
// close the client (it did: every client of a 100-person room was closed with 4400 at the second renewal wave).
import { describe, expect, it } from 'vitest';
import {
  MAX_WANTED_ENTRIES,
  decodeAwareness,
  encodeAwarenessEntries,
} from '../../../server/src/rooms/awarenessStamp.ts';

const entry = (clientId: number) => ({ clientId, clock: 2, state: { user: { name: `P${clientId}` } } });
const frame = (ids: number[]) => encodeAwarenessEntries(ids.map(entry));
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('awareness frames of a large room', () => {
  it('reads the sender’s own entry out of an echo of 150 entries, skipping the others unread', () => {
    const own = 7;
    const entries = decodeAwareness(frame([...ids(100, 149), own]), 1 << 16, (clientId) => clientId === own);
    expect(entries).toEqual([entry(own)]);
  });

  it('still refuses a frame that asks to be read in full for more ids than a connection may hold', () => {
    const many = frame(ids(1, MAX_WANTED_ENTRIES + 1));
    expect(() => decodeAwareness(many, 1 << 16)).toThrow('too many awareness entries');
    expect(decodeAwareness(frame(ids(1, MAX_WANTED_ENTRIES)), 1 << 16)).toHaveLength(MAX_WANTED_ENTRIES);
  });
});
