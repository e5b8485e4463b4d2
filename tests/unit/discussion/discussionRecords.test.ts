// Comments, hand-offs and the new group stamps: validators, readBoard (skipping and repairing), and their ops.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, toRecordMap } from '@shared/doc/boardDoc.ts';
import { addComment, addHandoff, deleteComment } from '@shared/doc/commentOps.ts';
import { addNote, createBoard, createGroup, deleteNote, renameGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { parseComment } from '@shared/model/Comment.ts';
import { parseGroup } from '@shared/model/Group.ts';
import { parseHandoff } from '@shared/model/Handoff.ts';
import { getTemplate } from '@shared/templates/templates.ts';

const alice = { id: 'p-alice', name: 'Alice', role: 'participant' as const };
const bob = { id: 'p-bob', name: 'Bob', role: 'participant' as const };

const comment = (extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  areaId: 'ex1-a1',
  targetType: 'note',
  targetId: 'n1',
  text: 'Agreed',
  authorId: 'p-bob',
  authorName: 'Bob',
  authorRole: 'participant',
  createdAt: 20,
  ...extra,
});
const handoff = (extra: Record<string, unknown> = {}) => ({
  id: 'h1',
  areaId: 'ex1-a1',
  exerciseId: 'ex1',
  rotation: 1,
  text: 'Focus on KSK',
  authorId: 'p-bob',
  authorName: 'Bob',
  createdAt: 30,
  ...extra,
});

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  expect(createBoard(doc, getTemplate('ssr2-copenhagen')!, { title: 'SSR2', createdAt: 1 }).ok).toBe(true);
  expect(addNote(doc, { id: 'n1', areaId: 'ex1-a1', text: 'DNSSEC', author: alice, createdAt: 10 }).ok).toBe(true);
  expect(addNote(doc, { id: 'n2', areaId: 'ex1-a1', text: 'KSK', author: bob, createdAt: 11 }).ok).toBe(true);
  expect(createGroup(doc, { id: 'g1', areaId: 'ex1-a1', label: 'Keys', noteIds: ['n1'], createdAt: 12 }).ok).toBe(true);
  return doc;
}

describe('parseComment', () => {
  it.each([
    ['a valid comment', comment(), true],
    ['a valid reply', comment({ parentId: 'c0' }), true],
    ['a comment on a group', comment({ targetType: 'group', targetId: 'g1' }), true],
    ['an unknown target type', comment({ targetType: 'area' }), /target type/],
    ['no target', comment({ targetId: undefined }), /no target/],
    ['untrimmed text', comment({ text: ' Agreed ' }), /trimmed/],
    ['empty text', comment({ text: '' }), /1 to 500/],
    ['501 characters', comment({ text: 'x'.repeat(501) }), /1 to 500/],
    ['500 emoji (code points)', comment({ text: '🙂'.repeat(500) }), true],
    ['an unknown role', comment({ authorRole: 'admin' }), /role/],
    ['a reply to itself', comment({ parentId: 'c1' }), /answer itself/],
    ['no creation time', comment({ createdAt: 'yesterday' }), /creation time/],
  ] as const)('%s', (_name, raw, expected) => {
    const result = parseComment(raw as Record<string, unknown>);
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result.ok ? 'accepted' : result.reason).toMatch(expected);
  });
});

describe('parseHandoff and the group stamps', () => {
  it.each([
    ['a valid hand-off', handoff(), true],
    ['rotation 0', handoff({ rotation: 0 }), true],
    ['a fractional rotation', handoff({ rotation: 1.5 }), /rotation/],
    ['no exercise', handoff({ exerciseId: '' }), /exercise/],
    ['281 characters', handoff({ text: 'z'.repeat(281) }), /1 to 280/],
  ] as const)('%s', (_name, raw, expected) => {
    const result = parseHandoff(raw as Record<string, unknown>);
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result.ok ? 'accepted' : result.reason).toMatch(expected);
  });

  it('reads createdAt and labelUpdatedAt on groups, and refuses non-times', () => {
    expect(parseGroup({ id: 'g', areaId: 'a', label: 'x', createdAt: 5, labelUpdatedAt: 9 })).toEqual({
      ok: true,
      value: { id: 'g', areaId: 'a', label: 'x', createdAt: 5, labelUpdatedAt: 9 },
    });
    expect(parseGroup({ id: 'g', areaId: 'a', label: 'x', labelUpdatedAt: 'now' }).ok).toBe(false);
    expect(parseGroup({ id: 'g', areaId: 'a', label: 'x' })).toEqual({
      ok: true,
      value: { id: 'g', areaId: 'a', label: 'x' },
    });
  });
});

describe('readBoard reads comments and hand-offs', () => {
  it('keeps valid records, skips dangling ones with a reason, and repairs orphaned replies', () => {
    const doc = newBoard();
    const maps = boardMaps(doc);
    maps.comments.set('c1', toRecordMap(comment()));
    maps.comments.set('c2', toRecordMap(comment({ id: 'c2', parentId: 'c1', createdAt: 21 })));
    maps.comments.set('c3', toRecordMap(comment({ id: 'c3', parentId: 'c-gone', createdAt: 22 })));
    maps.comments.set('c4', toRecordMap(comment({ id: 'c4', targetId: 'n-gone' })));
    maps.comments.set(
      'c5',
      toRecordMap(comment({ id: 'c5', targetType: 'group', targetId: 'g1', parentId: 'c1', createdAt: 23 })),
    );
    maps.comments.set('c6', toRecordMap(comment({ id: 'c6', text: '' })));
    // A cycle of replies: both become top-level so neither is lost.
    maps.comments.set('c7', toRecordMap(comment({ id: 'c7', parentId: 'c8', createdAt: 24 })));
    maps.comments.set('c8', toRecordMap(comment({ id: 'c8', parentId: 'c7', createdAt: 25 })));
    maps.comments.set('c9', toRecordMap(comment({ id: 'c9', parentId: 'c8', createdAt: 26 })));
    maps.handoffs.set('h1', toRecordMap(handoff()));
    maps.handoffs.set('h2', toRecordMap(handoff({ id: 'h2', areaId: 'nowhere' })));
    maps.handoffs.set('h3', toRecordMap(handoff({ id: 'h3', exerciseId: 'ex2' })));
    const board = readBoard(doc);
    expect(board.comments.map((c) => [c.id, c.parentId ?? null])).toEqual([
      ['c1', null],
      ['c2', 'c1'],
      ['c3', null],
      ['c5', null],
      ['c7', null],
      ['c8', null],
      ['c9', 'c8'],
    ]);
    expect(board.handoffs.map((h) => h.id)).toEqual(['h1']);
    expect(board.skipped).toEqual(
      expect.arrayContaining([
        { map: 'comments', id: 'c4', reason: 'its note no longer exists' },
        { map: 'comments', id: 'c6', reason: expect.stringMatching(/comment text/) },
        { map: 'handoffs', id: 'h2', reason: 'unknown area' },
        { map: 'handoffs', id: 'h3', reason: 'station of another exercise' },
      ]),
    );
    expect(board.skipped).toHaveLength(4);
  });

  it('a comment whose note is deleted disappears from the board', () => {
    const doc = newBoard();
    expect(addComment(doc, { targetType: 'note', targetId: 'n2', text: 'Yes', author: alice, createdAt: 40 }).ok).toBe(
      true,
    );
    expect(readBoard(doc).comments).toHaveLength(1);
    deleteNote(doc, 'n2');
    expect(readBoard(doc).comments).toHaveLength(0);
  });
});

describe('comment and hand-off operations', () => {
  it("addComment trims, takes the target's station and checks replies", () => {
    const doc = newBoard();
    const first = addComment(doc, {
      id: 'c1',
      targetType: 'group',
      targetId: 'g1',
      text: '  Good name ',
      author: bob,
      createdAt: 50,
    });
    expect(first).toEqual({
      ok: true,
      value: expect.objectContaining({ areaId: 'ex1-a1', text: 'Good name', authorName: 'Bob' }),
    });
    const reply = addComment(doc, {
      targetType: 'group',
      targetId: 'g1',
      parentId: 'c1',
      text: 'Thanks',
      author: alice,
      createdAt: 51,
    });
    expect(reply.ok).toBe(true);
    expect(
      addComment(doc, { targetType: 'note', targetId: 'n1', parentId: 'c1', text: 'x', author: alice, createdAt: 52 }),
    ).toEqual({ ok: false, reason: 'a reply must be about the same note or group' });
    expect(addComment(doc, { targetType: 'note', targetId: 'n9', text: 'x', author: alice, createdAt: 52 }).ok).toBe(
      false,
    );
    expect(addComment(doc, { targetType: 'note', targetId: 'n1', text: '   ', author: alice, createdAt: 52 }).ok).toBe(
      false,
    );
    expect(readBoard(doc).comments.map((c) => c.text)).toEqual(['Good name', 'Thanks']);
    expect(deleteComment(doc, 'c1').ok).toBe(true);
    expect(deleteComment(doc, 'c1').ok).toBe(false);
    // The reply survives its parent, as a top-level comment.
    expect(readBoard(doc).comments.map((c) => [c.text, c.parentId])).toEqual([['Thanks', undefined]]);
  });

  it('addHandoff checks the station and its exercise', () => {
    const doc = newBoard();
    const input = {
      areaId: 'ex1-a1',
      exerciseId: 'ex1',
      rotation: 1,
      text: ' Look at n1 ',
      author: bob,
      createdAt: 60,
    };
    expect(addHandoff(doc, input)).toEqual({
      ok: true,
      value: expect.objectContaining({ text: 'Look at n1', authorId: 'p-bob' }),
    });
    expect(addHandoff(doc, { ...input, exerciseId: 'ex2' }).ok).toBe(false);
    expect(addHandoff(doc, { ...input, areaId: 'nope' }).ok).toBe(false);
    expect(readBoard(doc).handoffs).toHaveLength(1);
  });

  it('createGroup stores createdAt and renameGroup stamps labelUpdatedAt only when given a time', () => {
    const doc = newBoard();
    expect(readBoard(doc).groups[0]).toEqual({ id: 'g1', areaId: 'ex1-a1', label: 'Keys', createdAt: 12 });
    expect(renameGroup(doc, 'g1', 'Key management', 'local', 70).ok).toBe(true);
    expect(readBoard(doc).groups[0]).toMatchObject({ label: 'Key management', labelUpdatedAt: 70 });
    expect(renameGroup(doc, 'g1', 'Keys again').ok).toBe(true);
    expect(readBoard(doc).groups[0]).toMatchObject({ label: 'Keys again', labelUpdatedAt: 70 });
    expect(renameGroup(doc, 'g1', 'Bad', 'local', -1).ok).toBe(false);
  });
});
