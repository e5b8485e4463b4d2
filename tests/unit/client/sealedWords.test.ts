// Words for sealed input on screens: counts per station in station order, and the dots left.
import { describe, expect, it } from 'vitest';
import { postsPrivately } from '../../../client/src/sealed/usePrivateNotes.ts';
import {
  dotsText,
  privateNotesText,
  stationCounts,
  votersText,
  votesLeftText,
} from '../../../client/src/sealed/sealedWords.ts';
import { EMPTY_SESSION } from '@shared/model/Session.ts';

const area = (id: string, order: number) => ({ id, exerciseId: 'ex1', title: `Station ${id}`, description: '', order });

describe('sealed words', () => {
  it('lists stations with private notes, in station order, leaving out the empty ones and other exercises', () => {
    const rows = stationCounts([area('a1', 0), area('a2', 1), area('a3', 2)], { a3: 2, a1: 1, other: 5 });
    expect(rows.map(({ area: a, count }) => [a.id, count])).toEqual([
      ['a1', 1],
      ['a3', 2],
    ]);
  });

  it.each([
    [privateNotesText(1), '1 private note'],
    [privateNotesText(3), '3 private notes'],
    [votesLeftText(2, 3), '2 of 3 votes left'],
    [votesLeftText(0, 1), '0 of 1 vote left'],
    [votersText(1), '1 person has voted so far.'],
    [votersText(0), '0 people have voted so far.'],
    [dotsText(1), '1 vote'],
    [dotsText(0), '0 votes'],
  ])('says %s', (said, expected) => {
    expect(said).toBe(expected);
  });

  it.each([
    ['participant', { privatePosting: true, phase: 'post' }, true],
    ['participant', { privatePosting: true, phase: 'rotate' }, false],
    ['participant', { privatePosting: false, phase: 'post' }, false],
    ['facilitator', { privatePosting: true, phase: 'post' }, false],
    ['observer', { privatePosting: true, phase: 'post' }, false],
    ['observer', { privatePosting: true, phase: 'post', observersMayPost: true }, true],
  ] as const)('a %s posts privately in %j: %s', (role, session, expected) => {
    expect(postsPrivately({ role }, { ...EMPTY_SESSION, ...session })).toBe(expected);
  });
});
