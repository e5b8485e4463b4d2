// The phase machine's part in sealed input: the private posting switch, dot voting options, the vote phase and reveal.
import { describe, expect, it } from 'vitest';
import { EMPTY_SESSION, isPostingPrivate, isVoteOpen, parseSession, type Session } from '@shared/model/Session.ts';
import { applyCommand } from '@shared/phases/applyCommand.ts';
import { parseCommand, type Command } from '@shared/phases/Command.ts';
import type { MachineState } from '@shared/phases/transitions.ts';
import { alice, facilitator, exercises, state, T0 } from './machineFixtures.ts';

function outcome(s: MachineState, command: Command) {
  const result = applyCommand(s, command, facilitator, T0);
  return result.ok
    ? { ok: true as const, session: result.session }
    : { ok: false as const, kind: result.kind, reason: result.reason };
}

function session(s: MachineState, command: Command): Session {
  const result = outcome(s, command);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.session;
}

const noRotations = exercises.map((e) => ({ ...e, plan: { ...e.plan, rotations: 0 } }));

describe('parseCommand: sealed input commands', () => {
  it.each([
    [
      { type: 'setPrivatePosting', enabled: true },
      { type: 'setPrivatePosting', enabled: true },
    ],
    [
      { type: 'setVoting', enabled: true },
      { type: 'setVoting', enabled: true },
    ],
    [
      { type: 'setVoting', enabled: true, votesPerPerson: 5 },
      { type: 'setVoting', enabled: true, votesPerPerson: 5 },
    ],
    [{ type: 'revealVotes' }, { type: 'revealVotes' }],
    [
      { type: 'startPhase', phase: 'vote' },
      { type: 'startPhase', phase: 'vote' },
    ],
  ])('reads %j', (raw, expected) => {
    expect(parseCommand(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [{ type: 'setPrivatePosting' }, /"enabled" must be true or false/],
    [{ type: 'setPrivatePosting', enabled: 'yes' }, /"enabled" must be true or false/],
    [{ type: 'setVoting', enabled: true, votesPerPerson: 0 }, /whole number from 1 to 20/],
    [{ type: 'setVoting', enabled: true, votesPerPerson: 2.5 }, /whole number/],
    [{ type: 'setVoting', enabled: true, votesPerPerson: 21 }, /1 to 20/],
    [{ type: 'startPhase', phase: 'closed' }, /"phase" must be/],
  ])('refuses %j', (raw, reason) => {
    const parsed = parseCommand(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('private posting', () => {
  it.each(['setup', 'post', 'group', 'rotate', 'closed'] as const)('can be switched on and off in %s', (phase) => {
    const on = session(state({ phase }), { type: 'setPrivatePosting', enabled: true });
    expect(on.privatePosting).toBe(true);
    expect(session(state({ ...on }), { type: 'setPrivatePosting', enabled: false }).privatePosting).toBe(false);
  });

  it('is off by default and keeps its value across phases', () => {
    expect(EMPTY_SESSION.privatePosting).toBe(false);
    const on = session(state(), { type: 'setPrivatePosting', enabled: true });
    const post = session(state(on), { type: 'nextPhase' });
    expect(isPostingPrivate(post)).toBe(true);
    const group = session(state(post), { type: 'nextPhase' });
    expect(group.privatePosting).toBe(true);
    expect(isPostingPrivate(group)).toBe(false);
  });

  it("is the facilitator's to switch", () => {
    expect(applyCommand(state(), { type: 'setPrivatePosting', enabled: true }, alice, T0)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });
});

describe('dot voting', () => {
  it('starts the vote only when voting is enabled', () => {
    const refused = outcome(state({ phase: 'rotate' }), { type: 'startPhase', phase: 'vote' });
    expect(refused).toMatchObject({ ok: false, kind: 'conflict', reason: expect.stringMatching(/Dot voting is off/) });
    const enabled = session(state({ phase: 'rotate' }), { type: 'setVoting', enabled: true, votesPerPerson: 5 });
    expect(enabled).toMatchObject({ votingEnabled: true, votesPerPerson: 5 });
    const vote = session(state(enabled), { type: 'startPhase', phase: 'vote' });
    expect(vote).toMatchObject({ phase: 'vote', endsAt: null, votesRevealed: false, votersCount: 0 });
    expect(vote.log.at(-1)).toEqual({
      exerciseId: 'ex1',
      phase: 'vote',
      startedAt: T0,
      endedAt: null,
      plannedMs: null,
    });
    expect(isVoteOpen(vote)).toBe(true);
  });

  it.each([
    ['rotate', exercises, true, 'vote'],
    ['rotate', exercises, false, 'setup'],
    ['group', noRotations, true, 'vote'],
    ['group', noRotations, false, 'setup'],
    ['group', exercises, true, 'rotate'],
  ] as const)('next from %s (voting on: %s) goes to the right phase', (phase, list, votingEnabled, expected) => {
    const next = session(state({ phase, votingEnabled }, { exercises: list }), { type: 'nextPhase' });
    expect(next.phase).toBe(expected);
  });

  it('next from the vote goes to the next exercise, or closes after the last', () => {
    expect(session(state({ phase: 'vote', votingEnabled: true }), { type: 'nextPhase' })).toMatchObject({
      phase: 'setup',
      exerciseId: 'ex2',
    });
    expect(session(state({ phase: 'vote', votingEnabled: true, exerciseId: 'ex2' }), { type: 'nextPhase' }).phase).toBe(
      'closed',
    );
  });

  it('reveals once, only in the vote phase', () => {
    const vote = state({ phase: 'vote', votingEnabled: true });
    const revealed = session(vote, { type: 'revealVotes' });
    expect(revealed.votesRevealed).toBe(true);
    expect(isVoteOpen(revealed)).toBe(false);
    expect(outcome(state(revealed), { type: 'revealVotes' })).toMatchObject({
      ok: false,
      kind: 'conflict',
      reason: expect.stringMatching(/already/),
    });
    expect(outcome(state({ phase: 'rotate' }), { type: 'revealVotes' })).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('keeps the options fixed while a vote runs', () => {
    expect(outcome(state({ phase: 'vote', votingEnabled: true }), { type: 'setVoting', enabled: false })).toMatchObject(
      { ok: false, kind: 'conflict' },
    );
  });

  it('has no clock to pause in the vote phase', () => {
    expect(outcome(state({ phase: 'vote', votingEnabled: true }), { type: 'pause' })).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });
});

describe('parseSession: sealed input fields', () => {
  it('reads them, with defaults for what is missing or malformed', () => {
    expect(parseSession({})).toMatchObject({
      privatePosting: false,
      privateCounts: {},
      votingEnabled: false,
      votesPerPerson: 3,
      votesRevealed: false,
      votersCount: 0,
    });
    expect(
      parseSession({
        privatePosting: true,
        privateCounts: { a1: 2, a2: 0, 'bad id': 1, a3: -1, a4: 1.5 },
        votingEnabled: true,
        votesPerPerson: 5,
        votesRevealed: true,
        votersCount: 4,
      }),
    ).toMatchObject({
      privatePosting: true,
      privateCounts: { a1: 2 },
      votingEnabled: true,
      votesPerPerson: 5,
      votesRevealed: true,
      votersCount: 4,
    });
    expect(parseSession({ privateCounts: [1], votesPerPerson: 99 })).toMatchObject({
      privateCounts: {},
      votesPerPerson: 3,
    });
  });
});
