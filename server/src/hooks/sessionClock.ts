// Deadlines live in the doc: a board loaded after a restart (or after it was unloaded) gets its clock back.
import type { RoomHook } from './RoomHook.ts';

export function resumeSessionClock(resume: (boardId: string) => Promise<void>): RoomHook {
  return {
    name: 'session clock',
    afterLoad: ({ boardId }) => void resume(boardId).catch(() => undefined),
  };
}
