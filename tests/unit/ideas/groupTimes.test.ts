// Group times: the grouping writes stamp a new group's createdAt and an adopted label's labelUpdatedAt with the time given.
import { describe, expect, it } from 'vitest';
import { readBoard } from '@shared/doc/readBoard.ts';
import { createGroup } from '@shared/doc/ops.ts';
import { applyDrop } from '@shared/ideas/applyDrop.ts';
import { groupNotes } from '@shared/ideas/groupNotes.ts';
import { mergeGroups } from '@shared/ideas/mergeGroups.ts';
import { moveAndMerge } from '@shared/ideas/moveNotes.ts';
import { boardWithNotes, STATION_1 } from './fixtures.ts';

const AT = 1_700_000_123_456;

function twoGroups() {
  const doc = boardWithNotes();
  const labelled = createGroup(doc, { areaId: STATION_1, label: 'Keys', noteIds: ['n1'] });
  const unlabelled = createGroup(doc, { areaId: STATION_1, noteIds: ['n2'] });
  if (!labelled.ok || !unlabelled.ok) throw new Error('setup failed');
  return { doc, from: labelled.value.id, into: unlabelled.value.id };
}

describe('grouping writes stamp the time they are given', () => {
  it('applyDrop onto an ungrouped note makes a group created at `at`', () => {
    const doc = boardWithNotes();
    const intent = { kind: 'joinNote', targetId: 'n1', targetGroupId: undefined } as const;
    expect(applyDrop(doc, { noteId: 'n2', to: { x: 20, y: 250, areaId: STATION_1 }, intent, at: AT }).ok).toBe(true);
    expect(readBoard(doc).groups.map((g) => g.createdAt)).toEqual([AT]);
  });

  it('groupNotes makes a group created at `at`; without it the group has no time, as before', () => {
    const stamped = boardWithNotes();
    expect(groupNotes(stamped, ['n1', 'n2'], 'local', AT).ok).toBe(true);
    expect(readBoard(stamped).groups[0]?.createdAt).toBe(AT);
    const plain = boardWithNotes();
    expect(groupNotes(plain, ['n1', 'n2']).ok).toBe(true);
    expect(readBoard(plain).groups[0]?.createdAt).toBeUndefined();
  });

  it('mergeGroups and moveAndMerge stamp the label the unlabelled group takes over', () => {
    for (const merge of [
      (doc: ReturnType<typeof twoGroups>['doc'], from: string, into: string) =>
        mergeGroups(doc, from, into, 'local', AT),
      (doc: ReturnType<typeof twoGroups>['doc'], from: string, into: string) =>
        moveAndMerge(doc, [], from, into, 'local', AT),
    ]) {
      const { doc, from, into } = twoGroups();
      expect(merge(doc, from, into).ok).toBe(true);
      const group = readBoard(doc).groups.find((g) => g.id === into);
      expect(group).toMatchObject({ label: 'Keys', labelUpdatedAt: AT });
    }
  });
});
