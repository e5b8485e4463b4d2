// The guard: decodes an update into board changes and judges them by the sender's role and the board's phase.
import type * as Y from 'yjs';
import type { Limits } from '../config.ts';
import { boardMaps, recordToObject, type BoardMaps } from '@shared/doc/boardDoc.ts';
import { checkChanges, checkMayWrite } from '@shared/rules/permissions.ts';
import type { Actor, BoardView, Change } from '@shared/rules/Change.ts';
import { fail, ok, type Result } from '@shared/model/Result.ts';
import { isPhase } from '@shared/model/Phase.ts';
import { inspectUpdate } from './describeUpdate.ts';
import { createLiveNoteCounter } from './liveNoteCounter.ts';

/** Judges an incoming update against the room's doc before it is applied. */
export type UpdateCheck = (doc: Y.Doc, update: Uint8Array, actor: Actor) => Result<void>;

/** Each room doc's maps, looked up once: a doc's root types never change. */
const mapsOfDoc = new WeakMap<Y.Doc, BoardMaps>();

function mapsOf(doc: Y.Doc): BoardMaps {
  let maps = mapsOfDoc.get(doc);
  if (!maps) mapsOfDoc.set(doc, (maps = boardMaps(doc)));
  return maps;
}

/**
 * A live view of the room's doc as it is before the update (records read lazily, only those touched, each once:
 * the doc does not change while one update is judged, and the rules only copy what they read).
 */
export function boardView(doc: Y.Doc): BoardView {
  const maps = mapsOf(doc);
  const records = new Map<string, Record<string, unknown> | undefined>();
  const phase = maps.session.get('phase');
  const exerciseId = maps.session.get('exerciseId');
  return {
    phase: isPhase(phase) ? phase : 'setup',
    observersMayPost: maps.session.get('observersMayPost') === true,
    privatePosting: maps.session.get('privatePosting') === true,
    exerciseId: typeof exerciseId === 'string' ? exerciseId : null,
    getRecord: (map, id) => {
      const key = `${map}\u0000${id}`;
      if (records.has(key)) return records.get(key);
      const value = maps[map].get(id);
      const record = value === undefined ? undefined : recordToObject(value);
      records.set(key, record);
      return record;
    },
    noteIdsIn: (areaId) => {
      const ids: string[] = [];
      maps.notes.forEach((note, id) => void (note.get('areaId') === areaId && ids.push(id)));
      return ids;
    },
  };
}

/**
 * The room's update check. Order matters: the shape bounds and the role / phase gate come before
 * anything looks at what the update means, so an update that describes no board change (GC structs,
 * known copies, tombstones) still gets nothing past them.
 */
export function createUpdateCheck(limits: Pick<Limits, 'maxNotesPerBoard'>): UpdateCheck {
  const liveNotes = createLiveNoteCounter();
  return (doc, update, actor): Result<void> => {
    const inspected = inspectUpdate(doc, update);
    if (!inspected.ok) return inspected;
    const { changes, writes } = inspected.value;
    if (!writes) return ok(undefined);
    const view = boardView(doc);
    const mayWrite = checkMayWrite(actor, view);
    if (!mayWrite.ok) return mayWrite;
    if (changes.length === 0) return ok(undefined);
    const created = changes.filter((c: Change) => c.kind === 'createRecord' && c.map === 'notes').length;
    if (created > 0 && liveNotes(doc) + created > limits.maxNotesPerBoard) {
      return fail(`This board is full: it holds at most ${limits.maxNotesPerBoard} notes.`);
    }
    return checkChanges(changes, actor, view);
  };
}
