// Merging duplicate notes: one transaction keeps a chosen text, the group membership and the comments of both.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment } from '@shared/doc/commentOps.ts';
import { addNote, createBoard, createGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { mergeNotes } from '@shared/discussion/mergeNotes.ts';
import { getTemplate } from '@shared/templates/templates.ts';

const alice = { id: 'p-alice', name: 'Alice', role: 'participant' as const };
const bob = { id: 'p-bob', name: 'Bob', role: 'participant' as const };

/** n1 (Alice, ungrouped) and n2 (Bob, in g1) say the same; n3 sits at another station. */
function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, getTemplate('ssr2-copenhagen')!, { title: 'SSR2', createdAt: 1 });
  addNote(doc, { id: 'n1', areaId: 'ex1-a1', text: 'KSK rollover risk', author: alice, createdAt: 10 });
  addNote(doc, { id: 'n2', areaId: 'ex1-a1', text: 'Risk of the KSK roll', author: bob, createdAt: 11 });
  addNote(doc, { id: 'n3', areaId: 'ex1-a2', text: 'KSK rollover risk', author: bob, createdAt: 12 });
  createGroup(doc, { id: 'g1', areaId: 'ex1-a1', label: 'Keys', noteIds: ['n2'] });
  return doc;
}

describe('mergeNotes', () => {
  it("keeps one note with the chosen text, joins the duplicate's group and deletes it, in one transaction", () => {
    const doc = newBoard();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(mergeNotes(doc, { keepId: 'n1', removeId: 'n2', text: '  KSK rollover risk (two posts) ' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(transactions).toBe(1);
    const board = readBoard(doc);
    expect(board.notes.map((n) => [n.id, n.text, n.groupId, n.authorName])).toEqual([
      ['n1', 'KSK rollover risk (two posts)', 'g1', 'Alice'],
      ['n3', 'KSK rollover risk', undefined, 'Bob'],
    ]);
  });

  it("keeps the kept note's own group when both are grouped", () => {
    const doc = newBoard();
    createGroup(doc, { id: 'g2', areaId: 'ex1-a1', label: 'Risks', noteIds: ['n1'] });
    expect(mergeNotes(doc, { keepId: 'n1', removeId: 'n2', text: 'KSK rollover risk' }).ok).toBe(true);
    expect(readBoard(doc).notes.find((n) => n.id === 'n1')?.groupId).toBe('g2');
  });

  it('does not take a group of another station', () => {
    const doc = newBoard();
    createGroup(doc, { id: 'g3', areaId: 'ex1-a2', label: 'Elsewhere', noteIds: ['n3'] });
    expect(mergeNotes(doc, { keepId: 'n1', removeId: 'n3', text: 'KSK rollover risk' }).ok).toBe(true);
    expect(readBoard(doc).notes.find((n) => n.id === 'n1')?.groupId).toBeUndefined();
  });

  it("moves the duplicate's comments, threads intact, to the kept note", () => {
    const doc = newBoard();
    addComment(doc, {
      id: 'c1',
      targetType: 'note',
      targetId: 'n2',
      text: 'Which roll?',
      author: alice,
      createdAt: 20,
    });
    addComment(doc, {
      id: 'c2',
      targetType: 'note',
      targetId: 'n2',
      parentId: 'c1',
      text: 'The 2018 one',
      author: bob,
      createdAt: 21,
    });
    addComment(doc, { id: 'c3', targetType: 'note', targetId: 'n1', text: 'Agreed', author: bob, createdAt: 22 });
    expect(mergeNotes(doc, { keepId: 'n1', removeId: 'n2', text: 'KSK rollover risk' }).ok).toBe(true);
    expect(readBoard(doc).comments.map((c) => [c.id, c.targetId, c.parentId, c.areaId])).toEqual([
      ['c1', 'n1', undefined, 'ex1-a1'],
      ['c2', 'n1', 'c1', 'ex1-a1'],
      ['c3', 'n1', undefined, 'ex1-a1'],
    ]);
  });

  it.each([
    ['the same note twice', { keepId: 'n1', removeId: 'n1', text: 'x' }, /two different notes/],
    ['a missing note', { keepId: 'n1', removeId: 'n9', text: 'x' }, /no longer exists/],
    ['an empty text', { keepId: 'n1', removeId: 'n2', text: '  ' }, /1 to 280/],
    ['a text over 280', { keepId: 'n1', removeId: 'n2', text: 'x'.repeat(281) }, /1 to 280/],
  ])('refuses %s and changes nothing', (_name, input, reason) => {
    const doc = newBoard();
    const before = JSON.stringify(readBoard(doc));
    const result = mergeNotes(doc, input);
    expect(result.ok ? 'merged' : result.reason).toMatch(reason);
    expect(JSON.stringify(readBoard(doc))).toBe(before);
  });
});
