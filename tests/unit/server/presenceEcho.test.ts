// An echo (a presence frame whose every entry speaks for an id another peer owns) is recognised from its bytes;
// anything else, malformed frames included, is left to the full path.
import { describe, expect, it } from 'vitest';
import { encodeAwarenessEntries } from '../../../server/src/rooms/awarenessStamp.ts';
import { encodeAwareness, encodeUpdate } from '../../../server/src/rooms/messages.ts';
import { isEchoOfOthers } from '../../../server/src/rooms/presenceEcho.ts';

const ownerOf = new Map([
  [7, 'ana'],
  [8, 'ben'],
  [300_000, 'cara'],
]);
const frameOf = (...ids: number[]) =>
  encodeAwareness(encodeAwarenessEntries(ids.map((clientId) => ({ clientId, clock: 5, state: { cursor: null } }))));

describe('isEchoOfOthers', () => {
  it('is true when every entry speaks for an id another peer owns', () => {
    expect(isEchoOfOthers(frameOf(8), ownerOf, 'ana')).toBe(true);
    expect(isEchoOfOthers(frameOf(8, 300_000), ownerOf, 'ana')).toBe(true);
    expect(
      isEchoOfOthers(encodeAwareness(encodeAwarenessEntries([{ clientId: 8, clock: 2, state: null }])), ownerOf, 'ana'),
    ).toBe(true);
  });

  it('is false when an entry is the sender’s own or nobody’s', () => {
    expect(isEchoOfOthers(frameOf(7), ownerOf, 'ana')).toBe(false);
    expect(isEchoOfOthers(frameOf(8, 7), ownerOf, 'ana')).toBe(false);
    expect(isEchoOfOthers(frameOf(8, 9), ownerOf, 'ana')).toBe(false);
  });

  it('is false for other messages and for every malformed frame, which the full path refuses', () => {
    const echo = frameOf(8, 300_000);
    expect(isEchoOfOthers(encodeUpdate(new Uint8Array([0, 0])), ownerOf, 'ana')).toBe(false);
    for (let cut = 0; cut < echo.length; cut++)
      expect(isEchoOfOthers(echo.subarray(0, cut), ownerOf, 'ana')).toBe(false);
    expect(isEchoOfOthers(new Uint8Array([...echo, 0]), ownerOf, 'ana')).toBe(false);
    // The payload's own length says one byte more than the entries hold: trailing bytes inside the update.
    const padded = encodeAwareness(
      new Uint8Array([...encodeAwarenessEntries([{ clientId: 8, clock: 1, state: null }]), 0]),
    );
    expect(isEchoOfOthers(padded, ownerOf, 'ana')).toBe(false);
    // A varuint that never ends.
    expect(isEchoOfOthers(new Uint8Array([1, 12, 1, ...Array(11).fill(0xff)]), ownerOf, 'ana')).toBe(false);
  });
});
