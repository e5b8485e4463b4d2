// Undo and redo of this person's own changes to notes and groups, and whether undoing now would pass the guard.
import * as Y from 'yjs';
import { boardMaps, type Origin } from '../doc/boardDoc.ts';
import type { Phase } from '../model/Phase.ts';
import type { Role } from '../model/Role.ts';
import { refusal } from '../rules/capabilities.ts';
import type { AnyYEvent, AnyYType } from '../doc/yTypes.ts';

/** What one stack item's transaction did, so we know what reverting it would write. */
export interface UndoEffects {
  /** Note records were deleted: reverting re-creates them (posting). */
  deletedNotes: boolean;
  /** Note records were created: reverting deletes them. */
  createdNotes: boolean;
  /** Groups, or notes' group membership, changed: reverting changes groups. */
  changedGroups: boolean;
}

const EFFECTS = 'effects';

/** Transaction.changedParentTypes, typed loosely: the maps it holds are of several kinds. */
type ChangedTypes = Map<AnyYType, AnyYEvent[]>;

function effectsOf(doc: Y.Doc, changed: ChangedTypes): UndoEffects {
  const maps = boardMaps(doc);
  const effects: UndoEffects = { deletedNotes: false, createdNotes: false, changedGroups: changed.has(maps.groups) };
  for (const event of changed.get(maps.notes) ?? []) {
    if (event.target !== maps.notes || !(event instanceof Y.YMapEvent)) continue;
    for (const key of event.keysChanged) {
      if (maps.notes.has(key)) effects.createdNotes = true;
      else effects.deletedNotes = true;
    }
  }
  for (const [type, events] of changed) {
    if (type.parent !== maps.notes) continue;
    if (events.some((event) => event instanceof Y.YMapEvent && event.keysChanged.has('groupId')))
      effects.changedGroups = true;
  }
  return effects;
}

function merge(a: UndoEffects | undefined, b: UndoEffects): UndoEffects {
  if (!a) return b;
  return {
    deletedNotes: a.deletedNotes || b.deletedNotes,
    createdNotes: a.createdNotes || b.createdNotes,
    changedGroups: a.changedGroups || b.changedGroups,
  };
}

/**
 * A Y.UndoManager over the notes and groups maps that tracks only transactions with the `local` origin (what
 * this person did through shared ops), never remote ones; each stack item remembers its UndoEffects.
 * `captureTimeout` merges changes made within that many ms into one step (a multi-note post is one step).
 */
export function createLocalUndo(doc: Y.Doc, captureTimeout = 200): Y.UndoManager {
  const maps = boardMaps(doc);
  const manager = new Y.UndoManager([maps.notes, maps.groups], {
    trackedOrigins: new Set<Origin>(['local']),
    captureTimeout,
  });
  const record = (event: { stackItem: { meta: Map<unknown, unknown> }; changedParentTypes: ChangedTypes }) => {
    const meta = event.stackItem.meta;
    meta.set(EFFECTS, merge(meta.get(EFFECTS) as UndoEffects | undefined, effectsOf(doc, event.changedParentTypes)));
  };
  manager.on('stack-item-added', record);
  manager.on('stack-item-updated', record);
  return manager;
}

/** The effects of the step that undo (or redo) would revert next, if any. */
export function nextEffects(manager: Y.UndoManager, direction: 'undo' | 'redo'): UndoEffects | undefined {
  const stack = direction === 'undo' ? manager.undoStack : manager.redoStack;
  return stack[stack.length - 1]?.meta.get(EFFECTS) as UndoEffects | undefined;
}

/**
 * Why reverting a step with these effects would be refused by the server's guard for this role and phase, or
 * null when it may go ahead (shared/src/rules/capabilities.ts decides).
 */
export function undoRefusal(
  effects: UndoEffects | undefined,
  role: Role,
  phase: Phase,
  observersMayPost: boolean,
): string | null {
  // Undo only reverts this person's own records, so which person it is does not matter to the answer.
  const session = { phase, observersMayPost, votesRevealed: false, participantsMayExport: false };
  return refusal({ participantId: 'self', role }, session, { kind: 'undo', effects });
}
