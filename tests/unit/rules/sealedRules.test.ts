// Table-driven tests of the rules behind sealed input: no shared notes while posting is private; votes are the server's.
import { describe, expect, it } from 'vitest';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor, Change } from '@shared/rules/Change.ts';
import { checkChanges, canWriteInPhase } from '@shared/rules/permissions.ts';
import { alice, facilitator, newNote, olga, remove, set, unset, view } from './fixtures.ts';

type Row = [
  name: string,
  actor: Actor,
  phase: Phase,
  privatePosting: boolean,
  changes: Change[],
  expected: true | RegExp,
];

const rows: Row[] = [
  [
    'participant posts to the board while posting is private',
    alice,
    'post',
    true,
    [newNote('n1', alice)],
    /^Posting is private right now: your notes are kept apart until the group phase\.$/,
  ],
  [
    'observer allowed to post, while posting is private',
    olga,
    'post',
    true,
    [newNote('n1', olga)],
    /Posting is private right now/,
  ],
  ['facilitator posts while posting is private', facilitator, 'post', true, [newNote('n1', facilitator)], true],
  [
    'participant posts in rotate with the option on (only the post phase is private)',
    alice,
    'rotate',
    true,
    [newNote('n1', alice)],
    true,
  ],
  ['participant posts in post with the option off', alice, 'post', false, [newNote('n1', alice)], true],
  [
    'participant edits an earlier own note while posting is private',
    alice,
    'post',
    true,
    [set('notes', 'n-alice', 'text', 'sharper')],
    true,
  ],
  ['participant deletes an own note while posting is private', alice, 'post', true, [remove('notes', 'n-alice')], true],
  [
    'participant posts a note with votes',
    alice,
    'post',
    false,
    [newNote('n1', alice, { votes: 5 })],
    /counted by the server/,
  ],
  [
    'facilitator posts a note with votes',
    facilitator,
    'group',
    false,
    [newNote('n1', facilitator, { votes: 5 })],
    /counted by the server/,
  ],
  [
    'participant sets votes on a note',
    alice,
    'group',
    false,
    [set('notes', 'n-bob', 'votes', 9)],
    /counted by the server/,
  ],
  [
    'participant sets votes on their own note',
    alice,
    'post',
    false,
    [set('notes', 'n-alice', 'votes', 1)],
    /counted by the server/,
  ],
  [
    'facilitator sets votes',
    facilitator,
    'vote',
    false,
    [set('notes', 'n-alice', 'votes', 1)],
    /counted by the server/,
  ],
  [
    'facilitator removes votes',
    facilitator,
    'closed',
    false,
    [unset('notes', 'n-alice', 'votes')],
    /counted by the server/,
  ],
  [
    'participant edits an own note in the vote phase',
    alice,
    'vote',
    false,
    [set('notes', 'n-alice', 'text', 'late')],
    /Voting is under way/,
  ],
  ['participant posts in the vote phase', alice, 'vote', false, [newNote('n1', alice)], /Voting is under way/],
];

describe('sealed input rules', () => {
  it.each(rows)('%s', (_name, actor, phase, privatePosting, changes, expected) => {
    const result = checkChanges(changes, actor, view(phase, true, privatePosting));
    if (expected === true) expect(result).toEqual({ ok: true, value: undefined });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    }
  });

  it('treats the vote phase as read-only for participants in the client hints', () => {
    expect(canWriteInPhase('participant', 'vote', true)).toBe(false);
    expect(canWriteInPhase('facilitator', 'vote', false)).toBe(true);
  });
});
