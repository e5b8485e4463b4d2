// A small board for the permission tests: one exercise, two stations, three notes, two groups, four people.
import type { RecordMapName } from '@shared/doc/boardDoc.ts';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor, BoardView, Change } from '@shared/rules/Change.ts';

export const facilitator: Actor = { participantId: 'p-fac', name: 'Fran', role: 'facilitator' };
export const alice: Actor = { participantId: 'p-alice', name: 'Alice', role: 'participant' };
export const bob: Actor = { participantId: 'p-bob', name: 'Bob', role: 'participant' };
export const olga: Actor = { participantId: 'p-olga', name: 'Olga', role: 'observer' };

const note = (id: string, author: Actor, extra: Record<string, unknown> = {}) => ({
  id,
  areaId: 'a1',
  text: `idea ${id}`,
  authorId: author.participantId,
  authorName: author.name,
  authorRole: author.role,
  createdAt: 100,
  ...extra,
});

const RECORDS: Record<string, Record<string, Record<string, unknown>>> = {
  exercises: {
    ex1: {
      id: 'ex1',
      title: 'Exercise 1',
      question: 'What?',
      order: 0,
      plan: { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2 },
    },
    ex2: { id: 'ex2', title: 'Exercise 2', question: 'How?', order: 1 },
  },
  areas: {
    a1: { id: 'a1', exerciseId: 'ex1', title: 'Station 1', description: '', order: 0 },
    a2: { id: 'a2', exerciseId: 'ex1', title: 'Station 2', description: '', order: 1 },
  },
  notes: {
    'n-alice': note('n-alice', alice, { groupId: 'g1', x: 10, y: 20 }),
    'n-bob': note('n-bob', bob),
    'n-olga': note('n-olga', olga),
  },
  groups: {
    g1: { id: 'g1', areaId: 'a1', label: 'Risks' },
    g2: { id: 'g2', areaId: 'a2', label: 'Other' },
  },
  participants: {
    'p-alice': { id: 'p-alice', name: 'Alice', role: 'participant', joinedAt: 1 },
  },
};

export function view(phase: Phase, observersMayPost = false, privatePosting = false): BoardView {
  return {
    phase,
    observersMayPost,
    privatePosting,
    exerciseId: 'ex1',
    getRecord: (map: RecordMapName, id: string) => {
      const record = RECORDS[map]?.[id];
      return record ? { ...record } : undefined;
    },
  };
}

/** A new note as `author` would post it through ops.addNote. */
export function newNote(id: string, author: Actor, extra: Record<string, unknown> = {}): Change {
  return { kind: 'createRecord', map: 'notes', id, fields: note(id, author, extra) };
}

export const set = (
  map: Extract<Change, { kind: 'setField' }>['map'],
  id: string,
  field: string,
  value: unknown,
): Change => ({ kind: 'setField', map, id, field, value });
export const unset = (map: Extract<Change, { kind: 'deleteField' }>['map'], id: string, field: string): Change => ({
  kind: 'deleteField',
  map,
  id,
  field,
});
export const remove = (map: Extract<Change, { kind: 'deleteRecord' }>['map'], id: string): Change => ({
  kind: 'deleteRecord',
  map,
  id,
});
export const create = (
  map: Extract<Change, { kind: 'createRecord' }>['map'],
  id: string,
  fields: Record<string, unknown>,
): Change => ({ kind: 'createRecord', map, id, fields });
