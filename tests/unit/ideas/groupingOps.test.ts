// Grouping writes: drops, merges and "Group them", each one transaction of valid records.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '@shared/doc/readBoard.ts';
import { createGroup, renameGroup } from '@shared/doc/ops.ts';
import { applyDrop } from '@shared/ideas/applyDrop.ts';
import { groupNotes } from '@shared/ideas/groupNotes.ts';
import { mergeGroups } from '@shared/ideas/mergeGroups.ts';
import { boardWithNotes, STATION_1, STATION_2 } from './fixtures.ts';

function countUpdates(doc: Y.Doc, run: () => void): number {
  let count = 0;
  const onUpdate = () => (count += 1);
  doc.on('update', onUpdate);
  run();
  doc.off('update', onUpdate);
  return count;
}

const groupOf = (doc: Y.Doc, id: string) => readBoard(doc).notes.find((n) => n.id === id)?.groupId;

describe('applyDrop', () => {
  it('makes a new group of two ungrouped notes and moves the dropped one, in one update', () => {
    const doc = boardWithNotes();
    const updates = countUpdates(doc, () => {
      const result = applyDrop(doc, {
        noteId: 'n2',
        to: { x: 20, y: 250, areaId: STATION_1 },
        intent: { kind: 'joinNote', targetId: 'n1', targetGroupId: undefined },
      });
      expect(result.ok).toBe(true);
    });
    expect(updates).toBe(1);
    const board = readBoard(doc);
    expect(board.groups).toHaveLength(1);
    expect(groupOf(doc, 'n1')).toBe(board.groups[0]!.id);
    expect(groupOf(doc, 'n2')).toBe(board.groups[0]!.id);
    expect(board.notes.find((n) => n.id === 'n2')).toMatchObject({ x: 20, y: 250 });
  });

  it("joins the target's group, joins a frame's group, and leaves a group", () => {
    const doc = boardWithNotes();
    const group = createGroup(doc, { areaId: STATION_1, noteIds: ['n1'] });
    if (!group.ok) throw new Error(group.reason);
    applyDrop(doc, {
      noteId: 'n2',
      to: { x: 1, y: 1, areaId: STATION_1 },
      intent: { kind: 'joinNote', targetId: 'n1', targetGroupId: group.value.id },
    });
    applyDrop(doc, {
      noteId: 'n3',
      to: { x: 2, y: 2, areaId: STATION_1 },
      intent: { kind: 'joinGroup', groupId: group.value.id },
    });
    expect(['n1', 'n2', 'n3'].map((id) => groupOf(doc, id))).toEqual([group.value.id, group.value.id, group.value.id]);
    applyDrop(doc, { noteId: 'n2', to: { x: 3, y: 3, areaId: STATION_1 }, intent: { kind: 'leaveGroup' } });
    expect(groupOf(doc, 'n2')).toBeUndefined();
    expect(readBoard(doc).skipped).toEqual([]);
  });

  it('still moves the note when the group it was to join is gone, and says why', () => {
    const doc = boardWithNotes();
    const result = applyDrop(doc, {
      noteId: 'n2',
      to: { x: 5, y: 5, areaId: STATION_1 },
      intent: { kind: 'joinGroup', groupId: 'gone' },
    });
    expect(result.ok).toBe(false);
    expect(readBoard(doc).notes.find((n) => n.id === 'n2')).toMatchObject({ x: 5, y: 5 });
  });
});

describe('mergeGroups', () => {
  it('moves every note over and deletes the emptied group in one update, keeping a label', () => {
    const doc = boardWithNotes();
    const from = createGroup(doc, { areaId: STATION_1, noteIds: ['n1', 'n2'], label: 'Rollover' });
    const into = createGroup(doc, { areaId: STATION_1, noteIds: ['n3'] });
    if (!from.ok || !into.ok) throw new Error('setup');
    const updates = countUpdates(doc, () => expect(mergeGroups(doc, from.value.id, into.value.id).ok).toBe(true));
    expect(updates).toBe(1);
    const board = readBoard(doc);
    expect(board.groups.map((g) => [g.id, g.label])).toEqual([[into.value.id, 'Rollover']]);
    expect(['n1', 'n2', 'n3'].map((id) => groupOf(doc, id))).toEqual([into.value.id, into.value.id, into.value.id]);
  });

  it('refuses groups of different stations, a group into itself, and missing groups', () => {
    const doc = boardWithNotes();
    const a = createGroup(doc, { areaId: STATION_1, noteIds: ['n1'] });
    const b = createGroup(doc, { areaId: STATION_2, noteIds: ['n5'] });
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(mergeGroups(doc, a.value.id, b.value.id).ok).toBe(false);
    expect(mergeGroups(doc, a.value.id, a.value.id).ok).toBe(false);
    expect(mergeGroups(doc, 'nope', a.value.id).ok).toBe(false);
    expect(readBoard(doc).groups).toHaveLength(2);
  });
});

describe('groupNotes', () => {
  it("creates a group, reuses an existing one, and merges several into the first note's", () => {
    const doc = boardWithNotes();
    const first = groupNotes(doc, ['n1', 'n2']);
    if (!first.ok) throw new Error(first.reason);
    const again = groupNotes(doc, ['n3', 'n1']);
    expect(again).toEqual({ ok: true, value: first.value });
    const other = createGroup(doc, { areaId: STATION_1, noteIds: ['n4'] });
    if (!other.ok) throw new Error('setup');
    renameGroup(doc, other.value.id, 'Other');
    expect(groupNotes(doc, ['n4', 'n1'])).toEqual({ ok: true, value: other.value.id });
    expect(readBoard(doc).groups.map((g) => g.id)).toEqual([other.value.id]);
    expect(['n1', 'n2', 'n3', 'n4'].every((id) => groupOf(doc, id) === other.value.id)).toBe(true);
  });

  it('refuses notes of different stations', () => {
    const doc = boardWithNotes();
    expect(groupNotes(doc, ['n1', 'n5']).ok).toBe(false);
    expect(readBoard(doc).groups).toEqual([]);
  });
});
