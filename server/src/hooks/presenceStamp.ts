// Awareness is spoofable: every presence state carries the identity of the connection's token, whatever it claims.
import { stampState } from '../rooms/awarenessStamp.ts';
import type { RoomHook } from './RoomHook.ts';

export function stampPresence(): RoomHook {
  return {
    name: 'presence identity',
    onAwareness: ({ actor, entries }) => entries.map((entry) => ({ ...entry, state: stampState(entry.state, actor) })),
  };
}
