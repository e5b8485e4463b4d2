// The server clock's job at a deadline: nothing without auto-advance; with it, a 20 s poll, then hold or move on.
import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/model/Session.ts';
import { MORE_TIME_POLL_MS, nextDeadline, onDeadline } from '@shared/phases/onDeadline.ts';
import { MIN, state, T0 } from './machineFixtures.ts';

const running: Partial<Session> = { phase: 'post', endsAt: T0, autoAdvance: true };
const poll = (yes: number, no: number) => ({
  endsAt: T0 + MORE_TIME_POLL_MS,
  yes: Array.from({ length: yes }, (_, i) => `p-y${i}`),
  no: Array.from({ length: no }, (_, i) => `p-n${i}`),
});

describe('nextDeadline', () => {
  it.each([
    ['auto-advance off', { ...running, autoAdvance: false }, null],
    ['running clock', running, T0],
    ['paused', { ...running, endsAt: null, pausedRemainingMs: MIN }, null],
    ['setup', { phase: 'setup', autoAdvance: true }, null],
    ['poll open', { ...running, moreTimePoll: poll(0, 0) }, T0 + MORE_TIME_POLL_MS],
    [
      'already asked at this deadline',
      { ...running, lastPoll: { deadline: T0, yes: 2, no: 1, keptPhase: true, decidedAt: T0 + 1 } },
      null,
    ],
    [
      'asked at an earlier deadline',
      { ...running, lastPoll: { deadline: T0 - MIN, yes: 2, no: 1, keptPhase: true, decidedAt: T0 } },
      T0,
    ],
  ] as const)('%s -> %s', (_name, session, expected) => {
    expect(nextDeadline(state(session).session)).toBe(expected);
  });
});

describe('onDeadline', () => {
  it('does nothing without auto-advance, or before the deadline', () => {
    expect(onDeadline(state({ ...running, autoAdvance: false }), T0 + MIN)).toEqual({ changed: false });
    expect(onDeadline(state(running), T0 - 1)).toEqual({ changed: false });
  });

  it('opens a 20 s poll when time runs out', () => {
    const result = onDeadline(state(running), T0 + 250);
    expect(result).toMatchObject({
      changed: true,
      session: { phase: 'post', moreTimePoll: { endsAt: T0 + 250 + 20_000, yes: [], no: [] } },
    });
  });

  it('waits while the poll is open', () => {
    expect(onDeadline(state({ ...running, moreTimePoll: poll(1, 0) }), T0 + MORE_TIME_POLL_MS - 1)).toEqual({
      changed: false,
    });
  });

  it.each([
    ['3 yes of 4', 3, 1, true],
    ['2 yes of 3', 2, 1, true],
    ['half yes', 2, 2, false],
    ['1 yes of 3', 1, 2, false],
    ['no answers', 0, 0, false],
  ] as const)('poll ends with %s -> keeps the phase: %s', (_name, yes, no, kept) => {
    const result = onDeadline(state({ ...running, moreTimePoll: poll(yes, no) }), T0 + MORE_TIME_POLL_MS);
    expect(result.changed).toBe(true);
    if (!result.changed) return;
    expect(result.session.moreTimePoll).toBeNull();
    expect(result.session.lastPoll).toEqual({
      deadline: T0,
      yes,
      no,
      keptPhase: kept,
      decidedAt: T0 + MORE_TIME_POLL_MS,
    });
    expect(result.session.phase).toBe(kept ? 'post' : 'group');
    expect(result.notice).toMatch(kept ? /asked for more time: extend the phase or move on/ : /moved on/);
    // Once decided, the clock has nothing more to do at this deadline (kept) or counts to the new one (moved on).
    expect(nextDeadline(result.session)).toBe(kept ? null : result.session.endsAt);
  });

  it('moves on to the next rotation while rotations remain, then to the next exercise', () => {
    const rotating = {
      phase: 'rotate',
      rotation: 1,
      stationOffset: 1,
      endsAt: T0,
      autoAdvance: true,
      moreTimePoll: poll(0, 1),
    } as const;
    const first = onDeadline(state(rotating), T0 + MORE_TIME_POLL_MS);
    expect(first).toMatchObject({ changed: true, session: { phase: 'rotate', rotation: 2, stationOffset: 2 } });
    const last = onDeadline(state({ ...rotating, rotation: 2 }), T0 + MORE_TIME_POLL_MS);
    expect(last).toMatchObject({ changed: true, session: { phase: 'setup', exerciseId: 'ex2' } });
  });

  it('drops a poll whose clock stopped meanwhile', () => {
    const result = onDeadline(state({ ...running, endsAt: null, pausedRemainingMs: 0, moreTimePoll: poll(1, 0) }), T0);
    expect(result).toMatchObject({ changed: true, session: { phase: 'post', moreTimePoll: null } });
  });
});
