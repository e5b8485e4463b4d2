// The session reader, derived from the session schema, is as lenient as the server needs: one bad value never
// blocks a board, and each field falls back on its own.
import { describe, expect, it } from 'vitest';
import { EMPTY_SESSION, parseSession } from '@shared/model/Session.ts';

describe('parseSession', () => {
  it('gives each refused field its default and keeps the valid ones', () => {
    const session = parseSession({
      exerciseId: 'has space',
      phase: 'post',
      endsAt: -5,
      rotation: 2.5,
      votesPerPerson: 21,
      observersMayPost: 'yes',
      closedFromPhase: 'nap',
    });
    expect(session).toEqual({ ...EMPTY_SESSION, phase: 'post' });
  });

  it('drops the bad entries of a list, not the list', () => {
    const session = parseSession({
      log: [
        { exerciseId: 'ex1', phase: 'post', startedAt: 10, endedAt: 'soon', plannedMs: 60_000, rotation: -1 },
        { exerciseId: '', phase: 'post', startedAt: 10 },
        'junk',
      ],
      events: [
        { kind: 'extend', at: 5, phase: 'post', minutes: 2, exerciseId: 7 },
        { kind: 'nap', at: 5 },
      ],
      done: ['p1', 'p1', 'p2', 3, ''],
      teams: [['p1', 4], 'not a team'],
    });
    expect(session.log).toEqual([
      { exerciseId: 'ex1', phase: 'post', startedAt: 10, endedAt: null, plannedMs: 60_000 },
    ]);
    expect(session.log[0]).not.toHaveProperty('rotation');
    expect(session.events).toEqual([{ kind: 'extend', at: 5, exerciseId: null, phase: 'post', minutes: 2 }]);
    expect(session.done).toEqual(['p1', 'p2']);
    expect(session.teams).toEqual([['p1'], []]);
  });

  it('reads polls and counts field by field', () => {
    expect(parseSession({ moreTimePoll: { endsAt: 'later', yes: ['p1'] } }).moreTimePoll).toBeNull();
    expect(parseSession({ moreTimePoll: { endsAt: 9, yes: ['p1', 'p1', 2] } }).moreTimePoll).toEqual({
      endsAt: 9,
      yes: ['p1'],
      no: [],
    });
    expect(parseSession({ lastPoll: { deadline: 1, decidedAt: 2, yes: 'x', keptPhase: 1 } }).lastPoll).toEqual({
      deadline: 1,
      yes: 0,
      no: 0,
      keptPhase: false,
      decidedAt: 2,
    });
    expect(parseSession({ privateCounts: { s1: 2, s2: 0, 'bad id': 3, s3: 1.5 } }).privateCounts).toEqual({ s1: 2 });
    expect(parseSession({ privateCounts: [1, 2] }).privateCounts).toEqual({});
  });
});
