// The rules accept what shared/src/doc/ops.ts writes for a participant: the records the client makes must pass the guard.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, recordToObject, type RecordMapName } from '@shared/doc/boardDoc.ts';
import { addNote, createBoard, createGroup } from '@shared/doc/ops.ts';
import type { Phase } from '@shared/model/Phase.ts';
import type { BoardView } from '@shared/rules/Change.ts';
import { checkChanges } from '@shared/rules/permissions.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { alice } from './fixtures.ts';

function docView(doc: Y.Doc, phase: Phase): BoardView {
  const maps = boardMaps(doc);
  return {
    phase,
    observersMayPost: false,
    privatePosting: false,
    exerciseId: 'ex1',
    getRecord: (map: RecordMapName, id: string) => (maps[map].has(id) ? recordToObject(maps[map].get(id)) : undefined),
  };
}

describe('ops and rules agree', () => {
  it('accepts a note posted and a group made through ops, as a createRecord of what ops wrote', () => {
    const source = new Y.Doc();
    createBoard(source, getTemplate('ssr2-copenhagen')!, { title: 'SSR2', createdAt: 1 });
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(source));
    const author = { id: alice.participantId, name: alice.name, role: alice.role };
    const note = addNote(source, {
      areaId: 'ex1-a1',
      text: '  What is the DNS abuse baseline?  ',
      author,
      createdAt: 5,
      x: 10,
      y: 20,
    });
    const group = createGroup(source, { areaId: 'ex1-a1', label: 'Baselines', noteIds: [] });
    if (!note.ok || !group.ok) throw new Error('ops refused');
    const noteFields = recordToObject(boardMaps(source).notes.get(note.value.id));
    const groupFields = recordToObject(boardMaps(source).groups.get(group.value.id));
    expect(
      checkChanges(
        [{ kind: 'createRecord', map: 'notes', id: note.value.id, fields: noteFields }],
        alice,
        docView(before, 'post'),
      ),
    ).toEqual({ ok: true, value: undefined });
    expect(
      checkChanges(
        [{ kind: 'createRecord', map: 'groups', id: group.value.id, fields: groupFields }],
        alice,
        docView(before, 'group'),
      ),
    ).toEqual({ ok: true, value: undefined });
  });
});
