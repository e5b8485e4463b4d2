// The guard: decodes an update into board changes and judges them by the sender's role and the board's phase.
import type * as Y from 'yjs';
import type { Limits } from '../config.ts';
import type { UpdateCheck } from '../rooms/Room.ts';
import { boardMaps, recordToObject } from '../../../shared/src/doc/boardDoc.ts';
import { checkChanges } from '../../../shared/src/rules/permissions.ts';
import type { BoardView, Change } from '../../../shared/src/rules/Change.ts';
import { fail, ok, type Result } from '../../../shared/src/model/Result.ts';
import { isPhase } from '../../../shared/src/model/Phase.ts';
import { describeUpdate } from './describeUpdate.ts';

/** A live view of the room's doc as it is before the update (records read lazily, only those touched). */
export function boardView(doc: Y.Doc): BoardView {
  const maps = boardMaps(doc);
  const phase = maps.session.get('phase');
  return {
    phase: isPhase(phase) ? phase : 'setup',
    observersMayPost: maps.session.get('observersMayPost') === true,
    privatePosting: maps.session.get('privatePosting') === true,
    getRecord: (map, id) => {
      const value = maps[map].get(id);
      return value === undefined ? undefined : recordToObject(value);
    },
    exerciseId: typeof maps.session.get('exerciseId') === 'string' ? (maps.session.get('exerciseId') as string) : null,
    noteIdsIn: (areaId) => {
      const ids: string[] = [];
      maps.notes.forEach((note, id) => void (note.get('areaId') === areaId && ids.push(id)));
      return ids;
    },
  };
}

export function createUpdateCheck(limits: Pick<Limits, 'maxNotesPerBoard'>): UpdateCheck {
  return (doc, update, actor): Result<void> => {
    const described = describeUpdate(doc, update);
    if (!described.ok) return described;
    const changes = described.value;
    if (changes.length === 0) return ok(undefined);
    const created = changes.filter((c: Change) => c.kind === 'createRecord' && c.map === 'notes').length;
    if (created > 0 && boardMaps(doc).notes.size + created > limits.maxNotesPerBoard) {
      return fail(`This board is full: it holds at most ${limits.maxNotesPerBoard} notes.`);
    }
    return checkChanges(changes, actor, boardView(doc));
  };
}
