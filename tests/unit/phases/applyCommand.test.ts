// The phase machine's transitions: allowed moves, refusals (conflict, invalid, forbidden), the clock, the log and the teams.
import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/model/Session.ts';
import { applyCommand, type CommandResult } from '@shared/phases/applyCommand.ts';
import type { Command } from '@shared/phases/Command.ts';
import type { MachineState } from '@shared/phases/transitions.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { alice, bob, facilitator, MIN, olga, room, state, T0 } from './machineFixtures.ts';

function run(s: MachineState, command: Command, now = T0, actor: Actor = facilitator): Session {
  const result = applyCommand(s, command, actor, now);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.session;
}

/** Runs commands one after another, each at its own time. */
function sequence(steps: [Command, number][], initial: MachineState = state()): Session {
  let s = initial;
  for (const [command, now] of steps) s = { ...s, session: run(s, command, now) };
  return s.session;
}

function refusal(result: CommandResult) {
  return result.ok ? undefined : { kind: result.kind, reason: result.reason };
}

describe('transitions', () => {
  it.each([
    ['setup', 'nextPhase', 'post', 'ex1', 15 * MIN],
    ['post', 'nextPhase', 'group', 'ex1', 5 * MIN],
    ['group', 'nextPhase', 'rotate', 'ex1', 15 * MIN],
  ] as const)('%s --%s--> %s with the planned clock', (from, type, to, exerciseId, duration) => {
    const session = run(state({ phase: from }), { type }, T0);
    expect(session).toMatchObject({ phase: to, exerciseId, endsAt: T0 + duration, pausedRemainingMs: null });
  });

  it("leaves rotate for the next exercise's setup, by order, without a clock", () => {
    const session = run(state({ phase: 'rotate', rotation: 2, endsAt: T0 }), { type: 'nextPhase' }, T0);
    expect(session).toMatchObject({ phase: 'setup', exerciseId: 'ex2', endsAt: null, rotation: 0, stationOffset: 0 });
  });

  it("closes the board after the last exercise's rotate, remembering the phase", () => {
    const result = applyCommand(
      state({ exerciseId: 'ex2', phase: 'rotate', rotation: 2 }),
      { type: 'nextPhase' },
      facilitator,
      T0,
    );
    expect(result).toMatchObject({
      ok: true,
      session: { phase: 'closed', closedFromPhase: 'rotate', endsAt: null },
      notice: expect.stringMatching(/last exercise/),
    });
  });

  it('goes from group straight to the next exercise when the plan has no rotations', () => {
    const noRotations = state(
      { phase: 'group' },
      {
        exercises: [
          {
            id: 'ex1',
            title: 'One',
            question: '',
            order: 0,
            plan: { postMinutes: 1, groupMinutes: 1, rotateMinutes: 1, rotations: 0 },
          },
        ],
      },
    );
    expect(run(noRotations, { type: 'nextPhase' }).phase).toBe('closed');
  });

  it('starts the first exercise by order when none is chosen', () => {
    expect(run(state({ exerciseId: null }), { type: 'nextPhase' })).toMatchObject({ phase: 'post', exerciseId: 'ex1' });
  });

  it.each([
    [
      'startPhase post with minutes',
      { type: 'startPhase', phase: 'post', minutes: 3 },
      { phase: 'post', endsAt: T0 + 3 * MIN },
    ],
    [
      'startPhase group from the plan',
      { type: 'startPhase', phase: 'group' },
      { phase: 'group', endsAt: T0 + 5 * MIN, rotation: 0, stationOffset: 0 },
    ],
    [
      'startPhase rotate',
      { type: 'startPhase', phase: 'rotate' },
      { phase: 'rotate', endsAt: T0 + 15 * MIN, rotation: 1, stationOffset: 1 },
    ],
    [
      'startPhase of another exercise',
      { type: 'startPhase', phase: 'post', exerciseId: 'ex2' },
      { phase: 'post', exerciseId: 'ex2', endsAt: T0 + 10 * MIN },
    ],
  ] as const)('%s', (_name, command, expected) => {
    expect(run(state({ phase: 'post', endsAt: T0 + MIN }), command)).toMatchObject(expected);
  });

  it.each([
    ['nextPhase when closed', { phase: 'closed' }, { type: 'nextPhase' }, 'conflict', /closed: reopen it/],
    [
      'startPhase when closed',
      { phase: 'closed' },
      { type: 'startPhase', phase: 'post' },
      'conflict',
      /reopen it before starting/,
    ],
    [
      'startPhase of an unknown exercise',
      { phase: 'setup' },
      { type: 'startPhase', phase: 'post', exerciseId: 'ex9' },
      'invalid',
      /no exercise "ex9"/,
    ],
    [
      'rotate outside rotate',
      { phase: 'group', endsAt: T0 },
      { type: 'rotate' },
      'conflict',
      /only in the rotate phase/,
    ],
    [
      'rotate past the plan',
      { phase: 'rotate', rotation: 2, endsAt: T0 },
      { type: 'rotate' },
      'conflict',
      /All 2 planned rotations are done/,
    ],
    ['pause in setup', { phase: 'setup' }, { type: 'pause' }, 'conflict', /no clock in the setup phase/],
    [
      'pause twice',
      { phase: 'post', endsAt: null, pausedRemainingMs: MIN },
      { type: 'pause' },
      'conflict',
      /already paused/,
    ],
    ['resume when running', { phase: 'post', endsAt: T0 + MIN }, { type: 'resume' }, 'conflict', /not paused/],
    [
      'extend when closed',
      { phase: 'closed' },
      { type: 'extend', minutes: 1 },
      'conflict',
      /no clock in the closed phase/,
    ],
    ['close twice', { phase: 'closed' }, { type: 'close' }, 'conflict', /already closed/],
    ['reopen when open', { phase: 'group', endsAt: T0 }, { type: 'reopen' }, 'conflict', /not closed/],
    [
      'setExercise mid-phase',
      { phase: 'post', endsAt: T0 },
      { type: 'setExercise', exerciseId: 'ex2' },
      'conflict',
      /Finish the post phase/,
    ],
    [
      'setExercise to an unknown exercise',
      { phase: 'setup' },
      { type: 'setExercise', exerciseId: 'nope' },
      'invalid',
      /no exercise "nope"/,
    ],
    ['markDone in setup', { phase: 'setup' }, { type: 'markDone', done: true }, 'conflict', /no phase is running/],
    [
      'answerMoreTime without a poll',
      { phase: 'post', endsAt: T0 },
      { type: 'answerMoreTime', needMoreTime: true },
      'conflict',
      /Nobody is asking/,
    ],
    ['assignTeams when closed', { phase: 'closed' }, { type: 'assignTeams' }, 'conflict', /closed/],
  ] as const)('refuses %s', (_name, session, command, kind, reason) => {
    const result = refusal(applyCommand(state(session), command, facilitator, T0));
    expect(result?.kind).toBe(kind);
    expect(result?.reason).toMatch(reason);
  });

  it.each([
    [alice, { type: 'nextPhase' }],
    [olga, { type: 'close' }],
    [bob, { type: 'setObserversMayPost', allowed: true }],
  ] as const)('refuses as forbidden when %o sends %o', (actor, command) => {
    expect(applyCommand(state({ phase: 'post', endsAt: T0 }), command, actor, T0)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });

  it('closes from anywhere and reopens in the phase it was closed in, the clock paused at what was left', () => {
    const closed = run(state({ phase: 'group', endsAt: T0 + MIN, done: ['p-alice'] }), { type: 'close' }, T0);
    expect(closed).toMatchObject({ phase: 'closed', closedFromPhase: 'group', endsAt: null, done: [] });
    const reopened = run(state(closed), { type: 'reopen' }, T0 + 1000);
    expect(reopened).toMatchObject({
      phase: 'group',
      exerciseId: 'ex1',
      endsAt: null,
      pausedRemainingMs: MIN,
      closedFromPhase: null,
      rotation: 0,
    });
  });

  it('switches exercise in setup, and in closed chooses where reopen leads', () => {
    expect(run(state({ phase: 'setup' }), { type: 'setExercise', exerciseId: 'ex2' })).toMatchObject({
      phase: 'setup',
      exerciseId: 'ex2',
    });
    const closed = run(state({ phase: 'closed' }), { type: 'setExercise', exerciseId: 'ex2' });
    expect(closed).toMatchObject({ phase: 'closed', exerciseId: 'ex2' });
    expect(run(state(closed), { type: 'reopen' })).toMatchObject({ phase: 'setup', exerciseId: 'ex2' });
  });
});

describe('the clock', () => {
  it('pause keeps the time left, resume restores it from the moment of resuming', () => {
    const paused = sequence([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'pause' }, T0 + 4 * MIN],
    ]);
    expect(paused).toMatchObject({ endsAt: null, pausedRemainingMs: 11 * MIN });
    const resumed = run(state(paused), { type: 'resume' }, T0 + 30 * MIN);
    expect(resumed).toMatchObject({ endsAt: T0 + 41 * MIN, pausedRemainingMs: null });
  });

  it.each([
    ['running', { endsAt: T0 + 5 * MIN }, { endsAt: T0 + 7 * MIN, pausedRemainingMs: null }],
    ['paused', { endsAt: null, pausedRemainingMs: 3 * MIN }, { endsAt: null, pausedRemainingMs: 5 * MIN }],
    ['run out', { endsAt: T0 - 10 * MIN }, { endsAt: T0 + 2 * MIN, pausedRemainingMs: null }],
  ] as const)('extend by 2 minutes when %s', (_name, clock, expected) => {
    expect(run(state({ phase: 'post', ...clock }), { type: 'extend', minutes: 2 }, T0)).toMatchObject(expected);
  });

  it('pausing after time ran out keeps zero, not negative time', () => {
    expect(run(state({ phase: 'post', endsAt: T0 - MIN }), { type: 'pause' }, T0)).toMatchObject({
      pausedRemainingMs: 0,
    });
  });
});

describe('the log', () => {
  it('records every phase and rotation with planned and actual times', () => {
    const session = sequence([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'extend', minutes: 1 }, T0 + 10 * MIN],
      [{ type: 'nextPhase' }, T0 + 16 * MIN],
      [{ type: 'nextPhase' }, T0 + 21 * MIN],
      [{ type: 'rotate' }, T0 + 36 * MIN],
      [{ type: 'nextPhase' }, T0 + 52 * MIN],
    ]);
    expect(session.log).toEqual([
      { exerciseId: 'ex1', phase: 'post', startedAt: T0, endedAt: T0 + 16 * MIN, plannedMs: 15 * MIN },
      { exerciseId: 'ex1', phase: 'group', startedAt: T0 + 16 * MIN, endedAt: T0 + 21 * MIN, plannedMs: 5 * MIN },
      {
        exerciseId: 'ex1',
        phase: 'rotate',
        rotation: 1,
        startedAt: T0 + 21 * MIN,
        endedAt: T0 + 36 * MIN,
        plannedMs: 15 * MIN,
      },
      {
        exerciseId: 'ex1',
        phase: 'rotate',
        rotation: 2,
        startedAt: T0 + 36 * MIN,
        endedAt: T0 + 52 * MIN,
        plannedMs: 15 * MIN,
      },
    ]);
    expect(session).toMatchObject({ phase: 'setup', exerciseId: 'ex2' });
  });

  it('ends the open record on close', () => {
    const session = sequence([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'close' }, T0 + 3 * MIN],
    ]);
    expect(session.log).toEqual([
      { exerciseId: 'ex1', phase: 'post', startedAt: T0, endedAt: T0 + 3 * MIN, plannedMs: 15 * MIN },
    ]);
  });
});

describe('teams and rotation', () => {
  it('balances teams on entering group, team i at station i, then rotates with wrap-around', () => {
    const grouped = run(state({ phase: 'post', endsAt: T0 }), { type: 'nextPhase' });
    expect(grouped.teams.map((t) => t.length)).toEqual([3, 3, 3, 3, 3]);
    expect(grouped).toMatchObject({ rotation: 0, stationOffset: 0 });
    const rotating = run(state(grouped), { type: 'nextPhase' }, T0 + MIN);
    expect(rotating).toMatchObject({ rotation: 1, stationOffset: 1, teams: grouped.teams });
    const offsets = [rotating.stationOffset];
    let s = state(
      { ...rotating },
      {
        stationCount: 3,
        exercises: [
          {
            id: 'ex1',
            title: 'One',
            question: '',
            order: 0,
            plan: { postMinutes: 1, groupMinutes: 1, rotateMinutes: 2, rotations: 4 },
          },
        ],
      },
    );
    for (let i = 0; i < 3; i++) {
      const next = run(s, { type: 'rotate' }, T0 + (i + 2) * MIN);
      expect(next.endsAt).toBe(T0 + (i + 2) * MIN + 2 * MIN);
      offsets.push(next.stationOffset);
      s = { ...s, session: next };
    }
    expect(offsets).toEqual([1, 2, 0, 1]);
    expect(s.session.rotation).toBe(4);
  });

  it('keeps teams set by hand, padded to one per station', () => {
    const session = run(state({ phase: 'setup' }), { type: 'assignTeams', teams: [['p-a', 'p-b'], ['p-c']] });
    expect(session.teams).toEqual([['p-a', 'p-b'], ['p-c'], [], [], []]);
    expect(run(state(session), { type: 'startPhase', phase: 'group' }).teams).toEqual(session.teams);
  });

  it('refuses more teams than stations', () => {
    expect(
      refusal(applyCommand(state(), { type: 'assignTeams', teams: [['a'], ['b'], ['c']] }, facilitator, T0)),
    ).toBeUndefined();
    expect(
      refusal(
        applyCommand(
          state({}, { stationCount: 2 }),
          { type: 'assignTeams', teams: [['a'], ['b'], ['c']] },
          facilitator,
          T0,
        ),
      ),
    ).toEqual({ kind: 'invalid', reason: 'There are 2 stations, so there can be at most 2 teams.' });
  });

  it('auto-balances the people present and warns when the room is too small', () => {
    const result = applyCommand(
      state({}, { presentParticipantIds: room.slice(0, 7) }),
      { type: 'assignTeams' },
      facilitator,
      T0,
    );
    expect(result).toMatchObject({ ok: true, notice: expect.stringMatching(/7 people for 5 stations/) });
    if (result.ok) expect(result.session.teams.flat().sort()).toEqual(room.slice(0, 7));
  });

  it('removing a participant takes them out of teams, done marks and the poll', () => {
    const session = run(
      state({
        phase: 'post',
        endsAt: T0,
        teams: [['p-alice', 'p-bob'], ['p-x']],
        done: ['p-alice'],
        moreTimePoll: { endsAt: T0 + 5000, yes: ['p-alice'], no: [] },
      }),
      { type: 'removeParticipant', participantId: 'p-alice' },
    );
    expect(session).toMatchObject({ teams: [['p-bob'], ['p-x']], done: [], moreTimePoll: { yes: [], no: [] } });
  });
});

describe("participants' commands and settings", () => {
  it('markDone sets and clears the actor, and a new phase resets everyone', () => {
    let s = state({ phase: 'post', endsAt: T0 + MIN });
    s = { ...s, session: run(s, { type: 'markDone', done: true }, T0, alice) };
    s = { ...s, session: run(s, { type: 'markDone', done: true }, T0, bob) };
    s = { ...s, session: run(s, { type: 'markDone', done: true }, T0, alice) };
    expect(s.session.done).toEqual(['p-bob', 'p-alice']);
    s = { ...s, session: run(s, { type: 'markDone', done: false }, T0, bob) };
    expect(s.session.done).toEqual(['p-alice']);
    expect(run(s, { type: 'nextPhase' }).done).toEqual([]);
  });

  it('answerMoreTime records one answer per person while the poll is open', () => {
    let s = state({
      phase: 'post',
      endsAt: T0 - 1000,
      autoAdvance: true,
      moreTimePoll: { endsAt: T0 + 10_000, yes: [], no: [] },
    });
    s = { ...s, session: run(s, { type: 'answerMoreTime', needMoreTime: true }, T0, alice) };
    s = { ...s, session: run(s, { type: 'answerMoreTime', needMoreTime: false }, T0, bob) };
    s = { ...s, session: run(s, { type: 'answerMoreTime', needMoreTime: false }, T0 + 1, alice) };
    expect(s.session.moreTimePoll).toEqual({ endsAt: T0 + 10_000, yes: [], no: ['p-bob', 'p-alice'] });
    expect(applyCommand(s, { type: 'answerMoreTime', needMoreTime: true }, alice, T0 + 10_000)).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });

  it.each([
    [{ type: 'setObserversMayPost', allowed: true }, { observersMayPost: true }],
    [{ type: 'setParticipantsMayExport', allowed: true }, { participantsMayExport: true }],
    [{ type: 'setAutoAdvance', enabled: true }, { autoAdvance: true }],
  ] as const)('%j', (command, expected) => {
    expect(run(state(), command)).toMatchObject(expected);
  });

  it('renewJoinCode only records when the code changed (the server renews the code, which stays out of the doc)', () => {
    const s = state({ phase: 'group', endsAt: T0 });
    expect(run(s, { type: 'renewJoinCode' }, T0 + 5)).toEqual({ ...s.session, joinCodeRenewedAt: T0 + 5 });
  });

  it('renewObserverCode leaves the session as it is (the server renews the code)', () => {
    const s = state({ phase: 'group', endsAt: T0 });
    expect(run(s, { type: 'renewObserverCode' })).toEqual(s.session);
  });

  it('setPlan returns the plan to write before the exercise starts, and refuses it after', () => {
    const plan = { postMinutes: 12, groupMinutes: 6, rotateMinutes: 10, rotations: 3 };
    expect(applyCommand(state(), { type: 'setPlan', exerciseId: 'ex2', plan }, facilitator, T0)).toMatchObject({
      ok: true,
      planChange: { exerciseId: 'ex2', plan },
    });
    const started = sequence([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'close' }, T0 + MIN],
      [{ type: 'reopen' }, T0 + 2 * MIN],
    ]);
    expect(
      refusal(applyCommand(state(started), { type: 'setPlan', exerciseId: 'ex1', plan }, facilitator, T0)),
    ).toMatchObject({ kind: 'conflict', reason: expect.stringMatching(/already started/) });
    expect(refusal(applyCommand(state(), { type: 'setPlan', exerciseId: 'ex7', plan }, facilitator, T0))?.kind).toBe(
      'invalid',
    );
  });
});
