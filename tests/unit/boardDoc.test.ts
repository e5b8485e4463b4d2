import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createBoard,
  addNote,
  editNote,
  moveNote,
  deleteNote,
  createGroup,
  setNoteGroup,
  deleteGroup,
  renameGroup,
} from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { getTemplate } from '@shared/templates/templates.ts';

const alice = { id: 'p-alice', name: 'Alice', role: 'participant' as const };

function newBoard() {
  const doc = new Y.Doc();
  const template = getTemplate('ssr2-copenhagen');
  if (!template) throw new Error('template missing');
  const result = createBoard(doc, template, { title: 'SSR2 ToR', createdAt: 1000 });
  expect(result.ok).toBe(true);
  return doc;
}

describe('createBoard from ssr2-copenhagen', () => {
  it('writes both exercises with five areas each, ground rules and the plan', () => {
    const board = readBoard(newBoard());
    expect(board.meta).toEqual({
      formatVersion: 1,
      title: 'SSR2 ToR',
      templateId: 'ssr2-copenhagen',
      createdAt: 1000,
      groundRules: getTemplate('ssr2-copenhagen')?.groundRules,
      minTeamSize: getTemplate('ssr2-copenhagen')?.minTeamSize,
      noteColours: 'station',
    });
    expect(
      board.exercises.map((e) => [
        e.id,
        e.plan.postMinutes,
        e.plan.groupMinutes,
        e.plan.rotateMinutes,
        e.plan.rotations,
      ]),
    ).toEqual([
      ['ex1', 15, 5, 15, 2],
      ['ex2', 10, 5, 15, 2],
    ]);
    expect(board.areas.filter((a) => a.exerciseId === 'ex1')).toHaveLength(5);
    expect(board.areas.filter((a) => a.exerciseId === 'ex2')).toHaveLength(5);
    expect(board.areas[0]?.reference).toBe('Bylaws 4.6(c)(ii)(A)');
    expect(board.groundRules[0]).toBe('One idea per post-it note');
    expect(board.session.phase).toBe('setup');
    expect(board.skipped).toEqual([]);
  });

  it('refuses an empty title', () => {
    const template = getTemplate('ssr2-copenhagen')!;
    expect(createBoard(new Y.Doc(), template, { title: '   ', createdAt: 0 }).ok).toBe(false);
  });
});

describe('note operations', () => {
  it.each([
    ['', false],
    ['   ', false],
    ['x'.repeat(281), false],
    ['x'.repeat(280), true],
    ['  What is the root zone KSK plan?  ', true],
    ['🔐'.repeat(280), true],
  ])('addNote(%j) ok=%s', (text, expected) => {
    const doc = newBoard();
    const result = addNote(doc, { areaId: 'ex1-a1', text, author: alice, createdAt: 5 });
    expect(result.ok).toBe(expected);
    expect(readBoard(doc).notes).toHaveLength(expected ? 1 : 0);
  });

  it('trims text, edits, moves between areas (leaving its group) and deletes', () => {
    const doc = newBoard();
    const note = addNote(doc, { areaId: 'ex1-a1', text: '  DNSSEC  ', author: alice, createdAt: 5 });
    if (!note.ok) throw new Error(note.reason);
    expect(note.value.text).toBe('DNSSEC');
    expect(createGroup(doc, { areaId: 'ex1-a1', noteIds: [note.value.id], label: 'Crypto' }).ok).toBe(true);
    expect(readBoard(doc).notes[0]?.groupId).toBeDefined();
    expect(editNote(doc, note.value.id, 'DNSSEC key rollover').ok).toBe(true);
    expect(moveNote(doc, note.value.id, { x: 10.4, y: 20, areaId: 'ex1-a2' }).ok).toBe(true);
    const moved = readBoard(doc).notes[0];
    expect(moved).toMatchObject({ text: 'DNSSEC key rollover', areaId: 'ex1-a2', x: 10, y: 20 });
    expect(moved?.groupId).toBeUndefined();
    expect(moveNote(doc, note.value.id, { x: Number.NaN, y: 0 }).ok).toBe(false);
    expect(deleteNote(doc, note.value.id).ok).toBe(true);
    expect(readBoard(doc).notes).toEqual([]);
  });

  it('refuses a note in an unknown area', () => {
    expect(addNote(newBoard(), { areaId: 'nope', text: 'x', author: alice, createdAt: 1 }).ok).toBe(false);
  });
});

describe('groups', () => {
  it('groups notes of one station, renames, ungroups and deletes', () => {
    const doc = newBoard();
    const a = addNote(doc, { areaId: 'ex1-a1', text: 'one', author: alice, createdAt: 1 });
    const b = addNote(doc, { areaId: 'ex1-a1', text: 'two', author: alice, createdAt: 2 });
    const c = addNote(doc, { areaId: 'ex1-a2', text: 'other', author: alice, createdAt: 3 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('setup');
    expect(createGroup(doc, { areaId: 'ex1-a1', noteIds: [a.value.id, c.value.id] }).ok).toBe(false);
    const group = createGroup(doc, { areaId: 'ex1-a1', noteIds: [a.value.id, b.value.id] });
    if (!group.ok) throw new Error(group.reason);
    expect(renameGroup(doc, group.value.id, ' Root zone resilience ').ok).toBe(true);
    expect(readBoard(doc).groups[0]?.label).toBe('Root zone resilience');
    expect(setNoteGroup(doc, c.value.id, group.value.id).ok).toBe(false);
    expect(setNoteGroup(doc, a.value.id, null).ok).toBe(true);
    expect(deleteGroup(doc, group.value.id).ok).toBe(true);
    const board = readBoard(doc);
    expect(board.groups).toEqual([]);
    expect(board.notes.every((n) => n.groupId === undefined)).toBe(true);
  });
});

describe('readBoard never trusts the doc', () => {
  it('skips malformed records and repairs dangling group references', () => {
    const doc = newBoard();
    const maps = boardMaps(doc);
    const bad = new Y.Map<unknown>();
    bad.set('id', 'n1');
    bad.set('text', 42);
    maps.notes.set('n1', bad);
    const dangling = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      id: 'n2',
      areaId: 'ex1-a1',
      text: 'ok',
      authorId: 'p',
      authorName: 'P',
      authorRole: 'participant',
      createdAt: 1,
      groupId: 'gone',
    }))
      dangling.set(k, v);
    maps.notes.set('n2', dangling);
    const board = readBoard(doc);
    expect(board.skipped.map((s) => s.id)).toEqual(['n1']);
    expect(board.notes).toHaveLength(1);
    expect(board.notes[0]?.groupId).toBeUndefined();
  });
});
