// May this person do X now, and if not, why: answered by asking the guard's own rules about a probe change.
import type { RecordMapName } from '../doc/boardDoc.ts';
import type { Phase } from '../model/Phase.ts';
import type { Role } from '../model/Role.ts';
import type { BoardView, Change } from './Change.ts';
import { checkChanges } from './permissions.ts';

/** Who asks, as the client knows itself (its name does not change what it may do). */
export interface CapabilityActor {
  participantId: string;
  role: Role;
}

/** The part of the session that decides what people may do. */
export interface CapabilitySession {
  phase: Phase;
  observersMayPost: boolean;
  votesRevealed: boolean;
  participantsMayExport: boolean;
}

/** What a reverted step would write again (see ideas/localUndo.ts). */
export interface UndoEffectsLike {
  deletedNotes: boolean;
  changedGroups: boolean;
}

export type Action =
  | { kind: 'post' }
  | { kind: 'editNote'; authorId: string }
  | { kind: 'deleteNote'; authorId: string }
  | { kind: 'moveNote'; authorId: string }
  | { kind: 'group' }
  | { kind: 'comment' }
  | { kind: 'deleteComment'; authorId: string }
  | { kind: 'handOff' }
  | { kind: 'vote' }
  | { kind: 'export' }
  | { kind: 'undo'; effects: UndoEffectsLike | undefined };

export type Verdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Verdict = { allowed: true };
const refuse = (reason: string): Verdict => ({ allowed: false, reason });

// The probe board: one exercise, one station, one note and one comment by `authorId`. Enough for the rules to judge a
// single change the way they judge a real one, so the answer and its words are exactly the server's.
const P = {
  exercise: 'probe-exercise',
  area: 'probe-station',
  note: 'probe-note',
  comment: 'probe-comment',
  name: 'Probe',
};

function probeView(session: CapabilitySession, authorId: string): BoardView {
  const byAuthor = { authorId, authorName: P.name, authorRole: 'participant', createdAt: 1 };
  const records: Partial<Record<RecordMapName, Record<string, Record<string, unknown>>>> = {
    exercises: { [P.exercise]: { id: P.exercise, title: 'Exercise', question: '', order: 0 } },
    areas: { [P.area]: { id: P.area, exerciseId: P.exercise, title: 'Station', description: '', order: 0 } },
    notes: { [P.note]: { id: P.note, areaId: P.area, text: 'note', ...byAuthor } },
    comments: {
      [P.comment]: {
        id: P.comment,
        areaId: P.area,
        targetType: 'note',
        targetId: P.note,
        text: 'comment',
        ...byAuthor,
      },
    },
  };
  return {
    phase: session.phase,
    observersMayPost: session.observersMayPost,
    // Private posting changes where a note goes (the sealed store), not whether this person may post.
    privatePosting: false,
    // The probe's station belongs to the running exercise: a real post goes to one of its stations.
    exerciseId: P.exercise,
    getRecord: (map, id) => {
      const record = records[map]?.[id];
      return record ? { ...record } : undefined;
    },
  };
}

/** The one change that doing `action` would send, written as this actor. */
function probeChange(action: Action, actor: CapabilityActor): Change | null {
  const mine = { authorId: actor.participantId, authorName: P.name, createdAt: 1 };
  switch (action.kind) {
    case 'post':
      return {
        kind: 'createRecord',
        map: 'notes',
        id: 'probe-new',
        fields: { id: 'probe-new', areaId: P.area, text: 'idea', authorRole: actor.role, ...mine },
      };
    case 'editNote':
      return { kind: 'setField', map: 'notes', id: P.note, field: 'text', value: 'better idea' };
    case 'deleteNote':
      return { kind: 'deleteRecord', map: 'notes', id: P.note };
    case 'moveNote':
      return { kind: 'setField', map: 'notes', id: P.note, field: 'x', value: 1 };
    case 'group':
      return {
        kind: 'createRecord',
        map: 'groups',
        id: 'probe-group',
        fields: { id: 'probe-group', areaId: P.area, label: '' },
      };
    case 'comment':
      return {
        kind: 'createRecord',
        map: 'comments',
        id: 'probe-new-comment',
        fields: {
          id: 'probe-new-comment',
          areaId: P.area,
          targetType: 'note',
          targetId: P.note,
          text: 'why?',
          authorRole: actor.role,
          ...mine,
        },
      };
    case 'deleteComment':
      return { kind: 'deleteRecord', map: 'comments', id: P.comment };
    case 'handOff':
      return {
        kind: 'createRecord',
        map: 'handoffs',
        id: 'probe-handoff',
        fields: { id: 'probe-handoff', areaId: P.area, exerciseId: P.exercise, rotation: 1, text: 'summary', ...mine },
      };
    default:
      return null;
  }
}

function targetAuthor(action: Action, actor: CapabilityActor): string {
  return 'authorId' in action ? action.authorId : actor.participantId;
}

function askGuard(actor: CapabilityActor, session: CapabilitySession, action: Action): Verdict {
  const change = probeChange(action, actor);
  if (!change) return ALLOWED;
  const result = checkChanges([change], { ...actor, name: P.name }, probeView(session, targetAuthor(action, actor)));
  return result.ok ? ALLOWED : refuse(result.reason);
}

function undoVerdict(
  actor: CapabilityActor,
  session: CapabilitySession,
  effects: UndoEffectsLike | undefined,
): Verdict {
  if (!effects) return refuse('Nothing to undo.');
  if (actor.role === 'facilitator') return ALLOWED;
  // Reverting touches one's own notes at least: if even that is refused, the board is read-only for this person.
  if (!askGuard(actor, session, { kind: 'editNote', authorId: actor.participantId }).allowed) {
    return refuse('The board is read-only for you now.');
  }
  if (effects.deletedNotes && !askGuard(actor, session, { kind: 'post' }).allowed) {
    return refuse('That would post a note again, and posting is closed now.');
  }
  if (effects.changedGroups && !askGuard(actor, session, { kind: 'group' }).allowed) {
    return refuse('Groups cannot be changed in this phase.');
  }
  return ALLOWED;
}

/** May `actor` do `action` in this session now? The reason, when not, is in words for that person. */
export function capability(actor: CapabilityActor, session: CapabilitySession, action: Action): Verdict {
  switch (action.kind) {
    case 'vote':
      if (actor.role !== 'participant') return refuse('Only participants vote.');
      return session.phase === 'vote' && !session.votesRevealed ? ALLOWED : refuse('Voting is not open now.');
    case 'export':
      return actor.role === 'facilitator' || session.participantsMayExport
        ? ALLOWED
        : refuse('Only the facilitator can export this board (they can allow participants to).');
    case 'undo':
      return undoVerdict(actor, session, action.effects);
    default:
      return askGuard(actor, session, action);
  }
}

/** The same question, when only yes or no matters. */
export function may(actor: CapabilityActor, session: CapabilitySession, action: Action): boolean {
  return capability(actor, session, action).allowed;
}

/** Why this person cannot act, or null when they can: what screens show beside a disabled control. */
export function refusal(actor: CapabilityActor, session: CapabilitySession, action: Action): string | null {
  const verdict = capability(actor, session, action);
  return verdict.allowed ? null : verdict.reason;
}
