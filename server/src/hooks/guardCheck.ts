// The guard as a room hook: every update is judged by the sender's role and the board's phase (4403 when refused).
import type { Logger } from '../log.ts';
import type { UpdateCheck } from '../guard/checkUpdate.ts';
import { CLOSE } from '../rooms/Peer.ts';
import type { RoomHook } from './RoomHook.ts';

export function guardCheck(check: UpdateCheck, log: Logger): RoomHook {
  return {
    name: 'guard',
    beforeUpdate({ boardId, doc, update, actor }) {
      let verdict;
      try {
        verdict = check(doc, update, actor);
      } catch {
        verdict = { ok: false as const, reason: 'The change could not be read.' };
      }
      if (verdict.ok) return undefined;
      log.info('update refused', { boardId, participantId: actor.participantId, reason: verdict.reason });
      return { code: CLOSE.forbidden, reason: verdict.reason, label: 'guard' };
    },
  };
}
