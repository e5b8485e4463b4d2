// The discussion panel's pure helpers: threads as trees, the "Discuss" options, and who may comment or hand off.
import { describe, expect, it } from 'vitest';
import { buildThread, discussionTargets } from '../../../client/src/discussion/discussionView.ts';
import { shorten } from '../../../client/src/ui/shorten.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Comment } from '@shared/model/Comment.ts';
import type { Note } from '@shared/model/Note.ts';

const comment = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  areaId: 'a1',
  targetType: 'note',
  targetId: 'n1',
  text: id,
  authorId: 'p-ana',
  authorName: 'Ana',
  authorRole: 'participant',
  createdAt: 1,
  ...extra,
});
const area = (id: string, order: number): Area => ({ id, exerciseId: 'ex1', title: id, description: '', order });
const note = (id: string, areaId: string, text: string): Note => ({
  id,
  areaId,
  text,
  authorId: 'p-ana',
  authorName: 'Ana',
  authorRole: 'participant',
  createdAt: 1,
});

describe('buildThread', () => {
  it("nests replies under what they answer and keeps only the target's comments", () => {
    const thread = buildThread(
      [
        comment('c1'),
        comment('c2', { parentId: 'c1' }),
        comment('c3', { parentId: 'c2' }),
        comment('c4'),
        comment('other', { targetId: 'n2' }),
        comment('group', { targetType: 'group' }),
      ],
      'note',
      'n1',
    );
    const shape = (nodes: ReturnType<typeof buildThread>): unknown =>
      nodes.map((n) => [n.comment.id, shape(n.replies)]);
    expect(shape(thread)).toEqual([
      ['c1', [['c2', [['c3', []]]]]],
      ['c4', []],
    ]);
  });
});

describe('discussionTargets', () => {
  it('lists groups then notes per station, with comment counts', () => {
    const options = discussionTargets(
      {
        notes: [note('n1', 'a1', 'KSK'), note('n2', 'a2', 'x'.repeat(80))],
        groups: [{ id: 'g1', areaId: 'a1', label: '' }],
        comments: [comment('c1'), comment('c2')],
      },
      [area('a1', 0), area('a2', 1)],
    );
    expect(options.map((o) => [o.area.id, o.targets.map((t) => [t.key, t.label])])).toEqual([
      [
        'a1',
        [
          ['group:g1', 'Group: Unnamed group'],
          ['note:n1', 'Note: KSK (Ana) (2 comments)'],
        ],
      ],
      ['a2', [['note:n2', `Note: ${'x'.repeat(59)}… (Ana)`]]],
    ]);
    expect(shorten('🙂'.repeat(61))).toBe(`${'🙂'.repeat(59)}…`);
  });
});
