// Table-driven tests of the discussion rules: who may comment, reply, hand off, edit and delete, in which phase.
import { describe, expect, it } from 'vitest';
import type { RecordMapName } from '@shared/doc/boardDoc.ts';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor, BoardView, Change } from '@shared/rules/Change.ts';
import { checkChanges } from '@shared/rules/permissions.ts';
import { alice, bob, create, facilitator, newNote, olga, remove, set, unset, view } from './fixtures.ts';

const comment = (id: string, author: Actor, extra: Record<string, unknown> = {}) => ({
  id,
  areaId: 'a1',
  targetType: 'note',
  targetId: 'n-bob',
  text: `remark ${id}`,
  authorId: author.participantId,
  authorName: author.name,
  authorRole: author.role,
  createdAt: 200,
  ...extra,
});
const handoff = (id: string, author: Actor, extra: Record<string, unknown> = {}) => ({
  id,
  areaId: 'a1',
  exerciseId: 'ex1',
  rotation: 1,
  text: `summary ${id}`,
  authorId: author.participantId,
  authorName: author.name,
  createdAt: 300,
  ...extra,
});

/** The permission fixture board plus one comment by Alice on Bob's note and one hand-off by Alice. */
const EXTRA: Record<string, Record<string, Record<string, unknown>>> = {
  comments: { 'c-alice': comment('c-alice', alice) },
  handoffs: { 'h-alice': handoff('h-alice', alice) },
};

function discussionView(phase: Phase, observersMayPost = false): BoardView {
  const base = view(phase, observersMayPost);
  return {
    ...base,
    getRecord: (map: RecordMapName, id: string) => {
      const extra = EXTRA[map]?.[id];
      return extra ? { ...extra } : base.getRecord(map, id);
    },
  };
}

const newComment = (id: string, author: Actor, extra: Record<string, unknown> = {}): Change =>
  create('comments', id, comment(id, author, extra));
const newHandoff = (id: string, author: Actor, extra: Record<string, unknown> = {}): Change =>
  create('handoffs', id, handoff(id, author, extra));

type Row = [
  name: string,
  actor: Actor,
  phase: Phase,
  changes: Change[],
  expected: true | RegExp,
  observersMayPost?: boolean,
];

const comments: Row[] = [
  ['participant comments in rotate', bob, 'rotate', [newComment('c1', bob)], true],
  ['participant comments in group', bob, 'group', [newComment('c1', bob)], true],
  [
    'participant comments on a group',
    bob,
    'rotate',
    [newComment('c1', bob, { targetType: 'group', targetId: 'g1' })],
    true,
  ],
  [
    'participant comments in post',
    bob,
    'post',
    [newComment('c1', bob)],
    /Comments can be written in the group and rotate phases; the room is in the post phase\./,
  ],
  ['participant comments in setup', bob, 'setup', [newComment('c1', bob)], /has not started yet/],
  ['participant comments in closed', bob, 'closed', [newComment('c1', bob)], /board is closed/],
  ['facilitator comments in setup', facilitator, 'setup', [newComment('c1', facilitator)], true],
  ['facilitator comments in closed', facilitator, 'closed', [newComment('c1', facilitator)], true],
  ['participant comments as someone else', bob, 'rotate', [newComment('c1', alice)], /only write comments as yourself/],
  [
    'participant comments under another name',
    bob,
    'rotate',
    [newComment('c1', bob, { authorName: 'Alice' })],
    /as yourself/,
  ],
  [
    'participant comments as facilitator role',
    bob,
    'rotate',
    [newComment('c1', bob, { authorRole: 'facilitator' })],
    /as yourself/,
  ],
  [
    'reply to an existing comment on the same note',
    bob,
    'rotate',
    [newComment('c1', bob, { parentId: 'c-alice' })],
    true,
  ],
  [
    'reply to a comment created in the same batch',
    bob,
    'rotate',
    [newComment('c1', bob), newComment('c2', bob, { parentId: 'c1' })],
    true,
  ],
  [
    'reply to a missing comment',
    bob,
    'rotate',
    [newComment('c1', bob, { parentId: 'c-gone' })],
    /answering does not exist/,
  ],
  [
    'reply about another target',
    bob,
    'rotate',
    [newComment('c1', bob, { targetId: 'n-alice', parentId: 'c-alice' })],
    /same note or group/,
  ],
  ['comment on a missing note', bob, 'rotate', [newComment('c1', bob, { targetId: 'n-gone' })], /note does not exist/],
  [
    'comment on a missing group',
    bob,
    'rotate',
    [newComment('c1', bob, { targetType: 'group', targetId: 'g9' })],
    /group does not exist/,
  ],
  [
    'comment filed under another station',
    bob,
    'rotate',
    [newComment('c1', bob, { areaId: 'a2' })],
    /station of the note or group/,
  ],
  [
    'comment on a group of another station',
    bob,
    'rotate',
    [newComment('c1', bob, { targetType: 'group', targetId: 'g2' })],
    /station of the note or group/,
  ],
  [
    'comment on a note posted in the same batch',
    bob,
    'rotate',
    [newNote('n-new', bob), newComment('c1', bob, { targetId: 'n-new' })],
    true,
  ],
  [
    'facilitator comments on a missing note',
    facilitator,
    'rotate',
    [newComment('c1', facilitator, { targetId: 'n-gone' })],
    /does not exist/,
  ],
  ['empty text', bob, 'rotate', [newComment('c1', bob, { text: '' })], /not valid: comment text/],
  ['untrimmed text', bob, 'rotate', [newComment('c1', bob, { text: ' hi ' })], /not valid/],
  ['text of exactly 500', bob, 'rotate', [newComment('c1', bob, { text: 'x'.repeat(500) })], true],
  ['text of 501', bob, 'rotate', [newComment('c1', bob, { text: 'x'.repeat(501) })], /not valid/],
  [
    'unknown target type',
    bob,
    'rotate',
    [newComment('c1', bob, { targetType: 'area' })],
    /not valid: comment target type/,
  ],
  ['unknown field', bob, 'rotate', [newComment('c1', bob, { votes: 3 })], /no field called "votes"/],
  ['existing id', bob, 'rotate', [newComment('c-alice', bob)], /exists already/],
  ['observer without posting rights', olga, 'rotate', [newComment('c1', olga)], /Observers can only read this board\./],
  ['observer with posting rights', olga, 'rotate', [newComment('c1', olga)], true, true],
  [
    'observer with posting rights as participant role',
    olga,
    'rotate',
    [newComment('c1', olga, { authorRole: 'participant' })],
    /as yourself/,
    true,
  ],
];

const commentChanges: Row[] = [
  ['author deletes own comment', alice, 'rotate', [remove('comments', 'c-alice')], true],
  ['author deletes own comment in post', alice, 'post', [remove('comments', 'c-alice')], true],
  ['another participant deletes it', bob, 'rotate', [remove('comments', 'c-alice')], /only delete your own comments/],
  ['facilitator deletes it', facilitator, 'closed', [remove('comments', 'c-alice')], true],
  ['author edits own text', alice, 'rotate', [set('comments', 'c-alice', 'text', 'clearer')], true],
  [
    'author edits own text in post',
    alice,
    'post',
    [set('comments', 'c-alice', 'text', 'clearer')],
    /edited in the group and rotate phases/,
  ],
  [
    'another participant edits the text',
    bob,
    'rotate',
    [set('comments', 'c-alice', 'text', 'mine now')],
    /only edit your own comments/,
  ],
  ['facilitator edits the wording', facilitator, 'rotate', [set('comments', 'c-alice', 'text', 'tidied')], true],
  [
    'author retargets own comment',
    alice,
    'rotate',
    [set('comments', 'c-alice', 'targetId', 'n-alice')],
    /cannot be changed once it exists/,
  ],
  [
    'facilitator changes the author',
    facilitator,
    'rotate',
    [set('comments', 'c-alice', 'authorId', 'p-bob')],
    /cannot be changed/,
  ],
  ['author removes the text', alice, 'rotate', [unset('comments', 'c-alice', 'text')], /cannot be removed/],
  ['deleting a comment already gone', bob, 'rotate', [remove('comments', 'c-gone')], true],
];

const handoffs: Row[] = [
  ['participant leaves a hand-off in rotate', bob, 'rotate', [newHandoff('h1', bob)], true],
  ['participant leaves a hand-off in group (for the first rotation)', bob, 'group', [newHandoff('h1', bob)], true],
  [
    'participant leaves a hand-off in post',
    bob,
    'post',
    [newHandoff('h1', bob)],
    /Hand-offs can be written in the group and rotate phases; the room is in the post phase\./,
  ],
  ['facilitator leaves a hand-off in setup', facilitator, 'setup', [newHandoff('h1', facilitator)], true],
  ['as someone else', bob, 'rotate', [newHandoff('h1', alice)], /only write hand-offs as yourself/],
  [
    'observer with posting rights',
    olga,
    'rotate',
    [newHandoff('h1', olga)],
    /Observers cannot leave station hand-offs/,
    true,
  ],
  ['observer without posting rights', olga, 'rotate', [newHandoff('h1', olga)], /Observers can only read/],
  ['text of 281', bob, 'rotate', [newHandoff('h1', bob, { text: 'y'.repeat(281) })], /not valid: hand-off text/],
  ['unknown station', bob, 'rotate', [newHandoff('h1', bob, { areaId: 'a9' })], /station does not exist/],
  [
    'station of another exercise',
    bob,
    'rotate',
    [newHandoff('h1', bob, { exerciseId: 'ex2' })],
    /exercise of its station/,
  ],
  ['negative rotation', bob, 'rotate', [newHandoff('h1', bob, { rotation: -1 })], /not valid/],
  ['author deletes own', alice, 'rotate', [remove('handoffs', 'h-alice')], true],
  ['another participant deletes it', bob, 'rotate', [remove('handoffs', 'h-alice')], /only delete your own hand-offs/],
  [
    'another participant edits it',
    bob,
    'rotate',
    [set('handoffs', 'h-alice', 'text', 'nope')],
    /only edit your own hand-offs/,
  ],
  [
    'author moves it to another rotation',
    alice,
    'rotate',
    [set('handoffs', 'h-alice', 'rotation', 2)],
    /cannot be changed/,
  ],
];

const groupStamps: Row[] = [
  [
    'participant renames a group with a stamp',
    alice,
    'group',
    [set('groups', 'g1', 'label', 'Risk'), set('groups', 'g1', 'labelUpdatedAt', 500)],
    true,
  ],
  [
    'a stamp that is not a time',
    alice,
    'group',
    [set('groups', 'g1', 'labelUpdatedAt', -5)],
    /not valid: group labelUpdatedAt/,
  ],
  [
    'stamp outside the grouping phases',
    alice,
    'post',
    [set('groups', 'g1', 'labelUpdatedAt', 500)],
    /group and rotate phases/,
  ],
  [
    'a new group with createdAt',
    alice,
    'group',
    [create('groups', 'g3', { id: 'g3', areaId: 'a1', label: '', createdAt: 400 })],
    true,
  ],
  [
    "changing a group's createdAt",
    facilitator,
    'group',
    [set('groups', 'g1', 'createdAt', 1)],
    /cannot be changed once it exists/,
  ],
];

function expectOutcome([, actor, phase, changes, expected, observersMayPost = false]: Row) {
  const result = checkChanges(changes, actor, discussionView(phase, observersMayPost));
  if (expected === true) expect(result).toEqual({ ok: true, value: undefined });
  else {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(expected);
  }
}

describe('discussion rules', () => {
  it.each(comments)('creating comments: %s', (...row) => expectOutcome(row));
  it.each(commentChanges)('changing comments: %s', (...row) => expectOutcome(row));
  it.each(handoffs)('hand-offs: %s', (...row) => expectOutcome(row));
  it.each(groupStamps)('group time stamps: %s', (...row) => expectOutcome(row));
});
