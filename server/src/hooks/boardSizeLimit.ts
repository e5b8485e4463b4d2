// A board's stored size is bounded (MAX_BOARD_BYTES): an update that would pass it is refused with 4413.
import { CLOSE } from '../rooms/Peer.ts';
import type { RoomHook } from './RoomHook.ts';

/** The board has reached its size limit: server-side writes (joins, commands) are refused too. */
export function isBoardFull(storedBytes: number, maxBoardBytes: number): boolean {
  return storedBytes >= maxBoardBytes;
}

export function boardSizeLimit(maxBoardBytes: number): RoomHook {
  return {
    name: 'board size limit',
    beforeUpdate: ({ storedBytes, update }) =>
      storedBytes + update.length > maxBoardBytes
        ? { code: CLOSE.tooLarge, reason: 'This board is full: it has reached its size limit.', label: 'board_full' }
        : undefined,
  };
}
