// The cached reader gives exactly what readBoard gives, after local and remote changes of every kind.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createBoard, createGroup, deleteNote, editNote, moveNote, setNoteGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { createBoardReader } from '@shared/doc/boardReader.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { getTemplate } from '@shared/templates/templates.ts';

const alice = { id: 'p-alice', name: 'Alice', role: 'participant' as const };

function newBoard() {
  const doc = new Y.Doc();
  const created = createBoard(doc, getTemplate('ssr2-copenhagen')!, { title: 'Reader', createdAt: 1000 });
  expect(created.ok).toBe(true);
  return doc;
}

describe('createBoardReader', () => {
  it('matches readBoard after adds, edits, moves, grouping, deletes and a remote update', () => {
    const doc = newBoard();
    const reader = createBoardReader(doc);
    const same = () => expect(reader.read()).toEqual(readBoard(doc));
    same();
    const ids = Array.from({ length: 6 }, (_, i) => {
      const note = addNote(doc, { areaId: 'ex1-a1', text: `Note ${i}`, author: alice, createdAt: 2000 + i });
      if (!note.ok) throw new Error(note.reason);
      return note.value.id;
    });
    same();
    const first = reader.read().notes[0]!;
    editNote(doc, ids[1]!, 'Changed');
    same();
    // An untouched record keeps its object: views memoised on it skip it.
    expect(reader.read().notes[0]).toBe(first);
    moveNote(doc, ids[2]!, { x: 40, y: 300, areaId: 'ex1-a2' });
    same();
    const other2 = addNote(doc, { areaId: 'ex1-a2', text: 'Beside', author: alice, createdAt: 3000 });
    if (!other2.ok) throw new Error(other2.reason);
    const group = createGroup(doc, { areaId: 'ex1-a2', label: 'G', noteIds: [ids[2]!, other2.value.id] });
    if (!group.ok) throw new Error(group.reason);
    same();
    setNoteGroup(doc, other2.value.id, null);
    same();
    deleteNote(doc, ids[3]!);
    same();
    // A record made invalid in place (a field set by hand) is skipped, as readBoard skips it.
    boardMaps(doc).notes.get(ids[4]!)!.set('text', '');
    same();
    expect(reader.read().skipped.map((s) => s.id)).toContain(ids[4]);
    // A change from another doc arrives as an update.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    editNote(other, ids[5]!, 'From elsewhere');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    same();
    expect(reader.read().notes.find((n) => n.id === ids[5])?.text).toBe('From elsewhere');
    reader.destroy();
  });
});
