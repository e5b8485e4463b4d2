// parseSession stays lenient and backwards compatible while the session grows new fields.
import { describe, expect, it } from 'vitest';
import { EMPTY_SESSION, parseSession } from '@shared/model/Session.ts';

describe('parseSession', () => {
  it('reads a session written before the phase machine fields existed, with defaults', () => {
    expect(parseSession({ phase: 'post', exerciseId: 'ex1', endsAt: 5 })).toEqual({
      ...EMPTY_SESSION,
      phase: 'post',
      exerciseId: 'ex1',
      endsAt: 5,
    });
  });

  it('reads the new fields', () => {
    const raw = {
      phase: 'closed',
      done: ['p-a', 'p-a', 'bad id', 3, 'p-b'],
      autoAdvance: true,
      moreTimePoll: { endsAt: 20, yes: ['p-a'], no: ['p-b', null] },
      lastPoll: { deadline: 10, yes: 2, no: 1, keptPhase: true, decidedAt: 30 },
      closedFromPhase: 'group',
    };
    expect(parseSession(raw)).toMatchObject({
      done: ['p-a', 'p-b'],
      autoAdvance: true,
      moreTimePoll: { endsAt: 20, yes: ['p-a'], no: ['p-b'] },
      lastPoll: { deadline: 10, yes: 2, no: 1, keptPhase: true, decidedAt: 30 },
      closedFromPhase: 'group',
    });
  });

  it.each([
    ['done', 'nope', { done: [] }],
    ['autoAdvance', 'yes', { autoAdvance: false }],
    ['moreTimePoll', { yes: [] }, { moreTimePoll: null }],
    ['lastPoll', { yes: 1 }, { lastPoll: null }],
    ['closedFromPhase', 'voting', { closedFromPhase: null }],
  ])('falls back when %s is malformed', (key, value, expected) => {
    expect(parseSession({ [key]: value })).toMatchObject(expected);
  });
});
