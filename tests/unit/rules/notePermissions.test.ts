// Table-driven tests of the note rules: who may post, edit, move and delete which notes in which phase.
import { describe, expect, it } from 'vitest';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor, Change } from '@shared/rules/Change.ts';
import { checkChanges } from '@shared/rules/permissions.ts';
import { alice, bob, create, facilitator, newNote, olga, remove, set, unset, view } from './fixtures.ts';

type Row = [
  name: string,
  actor: Actor,
  phase: Phase,
  changes: Change[],
  expected: true | RegExp,
  observersMayPost?: boolean,
];

function expectOutcome(
  actor: Actor,
  phase: Phase,
  changes: Change[],
  expected: true | RegExp,
  observersMayPost = false,
) {
  const result = checkChanges(changes, actor, view(phase, observersMayPost));
  if (expected === true) expect(result).toEqual({ ok: true, value: undefined });
  else {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(expected);
  }
}

const creating: Row[] = [
  ['participant posts in post', alice, 'post', [newNote('n1', alice)], true],
  ['participant posts in rotate', alice, 'rotate', [newNote('n1', alice)], true],
  [
    'participant posts in group',
    alice,
    'group',
    [newNote('n1', alice)],
    /Posting is closed: the room is in the group phase\./,
  ],
  ['participant posts in setup', alice, 'setup', [newNote('n1', alice)], /has not started yet/],
  ['participant posts in closed', alice, 'closed', [newNote('n1', alice)], /board is closed/],
  ['facilitator posts in closed', facilitator, 'closed', [newNote('n1', facilitator)], true],
  ['facilitator posts in setup', facilitator, 'setup', [newNote('n1', facilitator)], true],
  [
    "facilitator imports a note with a source in someone else's name",
    facilitator,
    'group',
    [newNote('n1', alice, { source: 'Public consultation, 12 March 2017' })],
    true,
  ],
  ['participant posts as someone else', alice, 'post', [newNote('n1', bob)], /only post notes as yourself/],
  ['participant posts under another name', alice, 'post', [newNote('n1', alice, { authorName: 'Bob' })], /as yourself/],
  [
    'participant posts as facilitator role',
    alice,
    'post',
    [newNote('n1', alice, { authorRole: 'facilitator' })],
    /as yourself/,
  ],
  [
    'id differs from key',
    alice,
    'post',
    [create('notes', 'n1', { ...fieldsOf(newNote('n2', alice)) })],
    /id does not match/,
  ],
  ['empty text', alice, 'post', [newNote('n1', alice, { text: '' })], /not valid: note text/],
  ['untrimmed text', alice, 'post', [newNote('n1', alice, { text: ' padded ' })], /not valid/],
  ['text over 280', alice, 'post', [newNote('n1', alice, { text: 'x'.repeat(281) })], /not valid/],
  ['text of exactly 280', alice, 'post', [newNote('n1', alice, { text: 'x'.repeat(280) })], true],
  ['unknown field', alice, 'post', [newNote('n1', alice, { colour: 'red' })], /no field called "colour"/],
  ['unknown station', alice, 'post', [newNote('n1', alice, { areaId: 'nowhere' })], /station does not exist/],
  ['existing id', alice, 'post', [newNote('n-bob', alice)], /exists already/],
  ['with a group of its station in rotate', alice, 'rotate', [newNote('n1', alice, { groupId: 'g1' })], true],
  [
    'with a group in post (grouping not open)',
    alice,
    'post',
    [newNote('n1', alice, { groupId: 'g1' })],
    /groups in the group and rotate phases/,
  ],
  [
    'with a group of another station',
    alice,
    'rotate',
    [newNote('n1', alice, { groupId: 'g2' })],
    /group in its own station/,
  ],
  ['with a missing group', alice, 'rotate', [newNote('n1', alice, { groupId: 'g9' })], /group does not exist/],
  [
    'with a group created in the same batch',
    alice,
    'rotate',
    [newNote('n1', alice, { groupId: 'g9' }), create('groups', 'g9', { id: 'g9', areaId: 'a1', label: '' })],
    true,
  ],
  ['observer without posting rights', olga, 'post', [newNote('n1', olga)], /Observers can only read this board\./],
  ['observer with posting rights', olga, 'post', [newNote('n1', olga)], true, true],
  [
    'observer posting as participant role',
    olga,
    'post',
    [newNote('n1', olga, { authorRole: 'participant' })],
    /as yourself/,
    true,
  ],
  ['observer posting in group phase', olga, 'group', [newNote('n1', olga)], /Posting is closed/, true],
];

const editing: Row[] = [
  ['own text in post', alice, 'post', [set('notes', 'n-alice', 'text', 'better idea')], true],
  ['own text in group', alice, 'group', [set('notes', 'n-alice', 'text', 'better idea')], true],
  ['own text in rotate', alice, 'rotate', [set('notes', 'n-alice', 'text', 'better idea')], true],
  ['own text in closed', alice, 'closed', [set('notes', 'n-alice', 'text', 'better idea')], /board is closed/],
  ['own text in setup', alice, 'setup', [set('notes', 'n-alice', 'text', 'better idea')], /not started/],
  [
    "someone else's text",
    alice,
    'post',
    [set('notes', 'n-bob', 'text', 'mine now')],
    /You can only edit your own notes\./,
  ],
  ["facilitator edits anyone's text in closed", facilitator, 'closed', [set('notes', 'n-bob', 'text', 'tidied')], true],
  ['text too long', alice, 'post', [set('notes', 'n-alice', 'text', 'y'.repeat(281))], /not valid/],
  ['text blank', alice, 'post', [set('notes', 'n-alice', 'text', '   ')], /not valid/],
  ['observer edits own note when allowed', olga, 'group', [set('notes', 'n-olga', 'text', 'edited')], true, true],
  ['observer edits own note when not allowed', olga, 'group', [set('notes', 'n-olga', 'text', 'edited')], /only read/],
  ['observer edits another note', olga, 'group', [set('notes', 'n-bob', 'text', 'edited')], /your own notes/, true],
  ['unknown field', alice, 'post', [set('notes', 'n-alice', 'colour', 'red')], /no field called "colour"/],
  ...(['id', 'authorId', 'authorName', 'authorRole', 'createdAt', 'source'] as const).map((field): Row => [
    `immutable ${field} (facilitator too)`,
    facilitator,
    'group',
    [set('notes', 'n-alice', field, 'p-bob')],
    /cannot be changed/,
  ]),
  [
    'rewriting an immutable field with the same value',
    alice,
    'post',
    [set('notes', 'n-alice', 'authorId', 'p-alice')],
    true,
  ],
  ['removing the text', facilitator, 'group', [unset('notes', 'n-alice', 'text')], /cannot be removed/],
  ['removing the station', facilitator, 'group', [unset('notes', 'n-alice', 'areaId')], /cannot be removed/],
  ['removing the author', facilitator, 'group', [unset('notes', 'n-alice', 'authorId')], /cannot be changed/],
  ['write to a note deleted meanwhile', alice, 'post', [set('notes', 'n-gone', 'text', 'late')], true],
];

const moving: Row[] = [
  ['own note x/y in post', alice, 'post', [set('notes', 'n-alice', 'x', 5), set('notes', 'n-alice', 'y', 6)], true],
  ['other note x in post', alice, 'post', [set('notes', 'n-bob', 'x', 5)], /from the group phase on/],
  ['other note x in group', alice, 'group', [set('notes', 'n-bob', 'x', 5)], true],
  ['other note x in rotate', alice, 'rotate', [set('notes', 'n-bob', 'x', 5)], true],
  ['other note into a group in group', alice, 'group', [set('notes', 'n-bob', 'groupId', 'g1')], true],
  ['other note out of its group in group', bob, 'group', [unset('notes', 'n-alice', 'groupId')], true],
  [
    'other note out of its group in post',
    bob,
    'post',
    [unset('notes', 'n-alice', 'groupId')],
    /from the group phase on/,
  ],
  ['own note out of its group in post', alice, 'post', [unset('notes', 'n-alice', 'groupId')], true],
  ['own note into a group of its station in post', bob, 'post', [set('notes', 'n-bob', 'groupId', 'g1')], true],
  ['into a group of another station', alice, 'group', [set('notes', 'n-bob', 'groupId', 'g2')], /own station/],
  ['into a missing group', alice, 'group', [set('notes', 'n-bob', 'groupId', 'g9')], /group does not exist/],
  [
    'into a group created in the same batch',
    alice,
    'group',
    [create('groups', 'g9', { id: 'g9', areaId: 'a1', label: 'New' }), set('notes', 'n-bob', 'groupId', 'g9')],
    true,
  ],
  [
    'to another station, leaving the group (any field order)',
    bob,
    'group',
    [set('notes', 'n-alice', 'areaId', 'a2'), unset('notes', 'n-alice', 'groupId'), set('notes', 'n-alice', 'x', 1)],
    true,
  ],
  ['to another station keeping the old group', bob, 'group', [set('notes', 'n-alice', 'areaId', 'a2')], /own station/],
  [
    'to another station and its group',
    bob,
    'group',
    [set('notes', 'n-alice', 'groupId', 'g2'), set('notes', 'n-alice', 'areaId', 'a2')],
    true,
  ],
  ['to a missing station', alice, 'post', [set('notes', 'n-bob', 'areaId', 'a9')], /from the group phase on/],
  ['own note to a missing station', bob, 'post', [set('notes', 'n-bob', 'areaId', 'a9')], /station does not exist/],
  ['off the board', alice, 'group', [set('notes', 'n-bob', 'x', 1e12)], /not valid/],
  ['observer moves own note', olga, 'group', [set('notes', 'n-olga', 'x', 3)], true, true],
  [
    'observer moves another note',
    olga,
    'group',
    [set('notes', 'n-bob', 'x', 3)],
    /Observers can only move their own notes/,
    true,
  ],
  ['observer groups another note', olga, 'rotate', [set('notes', 'n-bob', 'groupId', 'g1')], /their own notes/, true],
  ['facilitator moves any note in setup', facilitator, 'setup', [set('notes', 'n-bob', 'areaId', 'a2')], true],
];

const deleting: Row[] = [
  ['own note in post', alice, 'post', [remove('notes', 'n-alice')], true],
  ['own note in group', alice, 'group', [remove('notes', 'n-alice')], true],
  ['own note in rotate', alice, 'rotate', [remove('notes', 'n-alice')], true],
  ['own note in closed', alice, 'closed', [remove('notes', 'n-alice')], /board is closed/],
  ["someone else's note", alice, 'group', [remove('notes', 'n-bob')], /You can only delete your own notes\./],
  ['facilitator deletes any note in closed', facilitator, 'closed', [remove('notes', 'n-bob')], true],
  ['observer deletes own note when allowed', olga, 'post', [remove('notes', 'n-olga')], true, true],
  ['observer deletes own note when not allowed', olga, 'post', [remove('notes', 'n-olga')], /only read/],
  ['a note already gone', alice, 'post', [remove('notes', 'n-gone')], true],
];

function fieldsOf(change: Change): Record<string, unknown> {
  return change.kind === 'createRecord' ? change.fields : {};
}

describe.each([
  ['creating notes', creating],
  ['editing notes', editing],
  ['moving and grouping notes', moving],
  ['deleting notes', deleting],
])('%s', (_title, rows) => {
  it.each(rows)('%s', (_name, actor, phase, changes, expected, observersMayPost) => {
    expectOutcome(actor, phase, changes, expected, observersMayPost ?? false);
  });
});

describe('batches', () => {
  it('fails on the first refusal even when later changes are fine', () => {
    const result = checkChanges(
      [set('notes', 'n-bob', 'text', 'not mine'), set('notes', 'n-alice', 'text', 'mine')],
      alice,
      view('post'),
    );
    expect(result).toEqual({ ok: false, reason: 'You can only edit your own notes.' });
  });

  it('judges a later change against a note created earlier in the batch', () => {
    expectOutcome(alice, 'post', [newNote('n1', alice), set('notes', 'n1', 'text', 'second thought')], true);
    expectOutcome(bob, 'post', [newNote('n1', bob), set('notes', 'n1', 'authorId', 'p-alice')], /cannot be changed/);
  });

  it('does not let a batch delete a note and recreate it under another author', () => {
    expectOutcome(alice, 'post', [remove('notes', 'n-bob'), newNote('n-bob', alice)], /delete your own notes/);
  });

  it('accepts an empty batch', () => {
    expectOutcome(alice, 'setup', [], true);
  });
});

describe("provenance: source, author role and the running exercise are not a participant's to choose", () => {
  /** The fixture board plus a station of exercise 2, with `running` as the exercise being run. */
  const withOtherExercise = (phase: Phase, running: string | null, observersMayPost = false) => {
    const base = view(phase, observersMayPost);
    const other = { id: 'b1', exerciseId: 'ex2', title: 'Exercise 2, station 1', description: '', order: 0 };
    return {
      ...base,
      exerciseId: running,
      getRecord: (map: 'areas', id: string) =>
        map === 'areas' && id === 'b1' ? { ...other } : base.getRecord(map, id),
    };
  };
  const refused = (actor: Actor, changes: Change[], v: ReturnType<typeof withOtherExercise>) => {
    const result = checkChanges(changes, actor, v);
    return result.ok ? 'accepted' : result.reason;
  };

  it.each([
    ['a participant', alice, false],
    ['an observer allowed to post', olga, true],
  ] as const)('%s cannot mark a note as imported input', (_who, actor, mayPost) => {
    const v = withOtherExercise('post', 'ex1', mayPost);
    expect(refused(actor, [newNote('n1', actor, { source: 'Public consultation' })], v)).toMatch(
      /Only the facilitator can mark a note as imported/,
    );
    expect(refused(actor, [newNote('n1', actor)], v)).toBe('accepted');
  });

  it('a participant cannot post with another role as author role', () => {
    const v = withOtherExercise('post', 'ex1');
    expect(refused(alice, [newNote('n1', alice, { authorRole: 'observer' })], v)).toMatch(/as yourself/);
  });

  it('a participant posts only into stations of the exercise being run', () => {
    expect(refused(alice, [newNote('n1', alice, { areaId: 'b1' })], withOtherExercise('post', 'ex1'))).toMatch(
      /not part of the exercise being run/,
    );
    expect(refused(alice, [newNote('n1', alice, { areaId: 'b1' })], withOtherExercise('post', null))).toMatch(
      /not part of the exercise being run/,
    );
    expect(refused(alice, [newNote('n1', alice, { areaId: 'b1' })], withOtherExercise('post', 'ex2'))).toBe('accepted');
  });

  it('the facilitator is exempt: imports with a source, into any station', () => {
    const v = withOtherExercise('group', 'ex1');
    expect(refused(facilitator, [newNote('n1', alice, { areaId: 'b1', source: 'Email from the board' })], v)).toBe(
      'accepted',
    );
  });
});
