// The console's transitions and the phase undo: only what makes sense now, warnings where work is lost, undo restores.
import { describe, expect, it } from 'vitest';
import type { Exercise } from '@shared/model/Exercise.ts';
import { EMPTY_SESSION, type Session } from '@shared/model/Session.ts';
import { applyCommand } from '@shared/phases/applyCommand.ts';
import type { Command } from '@shared/phases/Command.ts';
import { offeredTransitions } from '@shared/phases/offeredTransitions.ts';
import type { MachineState } from '@shared/phases/transitions.ts';

const exercise: Exercise = {
  id: 'ex1',
  title: 'Exercise 1',
  question: 'What?',
  order: 0,
  plan: { postMinutes: 10, groupMinutes: 5, rotateMinutes: 8, rotations: 2 },
} as Exercise;
const fran = { participantId: 'p-fran', name: 'Fran', role: 'facilitator' as const };

function state(session: Session): MachineState {
  return {
    session,
    exercises: [exercise],
    stationCount: 3,
    presentParticipantIds: ['a', 'b', 'c'],
    minTeamSize: 1,
  } as MachineState;
}

function run(session: Session, command: Command, now: number): Session {
  const result = applyCommand(state(session), command, fran, now);
  if (!result.ok) throw new Error(result.reason);
  return result.session;
}

const keys = (session: Session, now = 0) => offeredTransitions(session, exercise, now).map((o) => o.key);

describe('offeredTransitions', () => {
  const setup = { ...EMPTY_SESSION, exerciseId: 'ex1' };
  const post = run(setup, { type: 'startPhase', phase: 'post' }, 1000);
  const group = run(post, { type: 'nextPhase' }, 2000);
  const rotate = run(group, { type: 'startPhase', phase: 'rotate' }, 3000);

  it.each([
    ['setup', setup, ['post', 'close']],
    ['post', post, ['next', 'group', 'close', 'undo']],
    ['group', group, ['next', 'rotate', 'back-post', 'close', 'undo']],
    ['rotate', rotate, ['rotate-teams', 'next', 'back-post', 'close', 'undo']],
  ] as const)('in %s offers %j', (_name, session, expected) => {
    expect(keys(session, 4000)).toEqual(expected);
  });

  it('asks before anything that loses progress, in plain words, and makes one step the next', () => {
    const offers = offeredTransitions(rotate, exercise, 4000);
    expect(offers.filter((o) => o.isNext).map((o) => o.key)).toEqual(['rotate-teams']);
    expect(offers.find((o) => o.key === 'back-post')!.confirm).toMatch(/^Go back to posting\? Rotation 1 ends/);
    expect(offers.find((o) => o.key === 'close')!.confirm).toMatch(/^Close the board\?/);
    expect(offers.find((o) => o.key === 'rotate-teams')!.confirm).toBeNull();
  });

  it('stops offering the undo two minutes after the change', () => {
    expect(keys(rotate, 3000 + 120_000)).toContain('undo');
    expect(keys(rotate, 3000 + 120_001)).not.toContain('undo');
  });
});

describe('undoPhaseChange and reopen', () => {
  const post = run({ ...EMPTY_SESSION, exerciseId: 'ex1' }, { type: 'startPhase', phase: 'post' }, 0);
  const group = run(post, { type: 'nextPhase' }, 60_000);
  const rotation2 = run(run(group, { type: 'startPhase', phase: 'rotate' }, 120_000), { type: 'rotate' }, 180_000);

  it('puts back the phase, rotation, stations and remaining time, and logs the step back', () => {
    const mistaken = run(rotation2, { type: 'startPhase', phase: 'post' }, 200_000);
    expect(mistaken.phase).toBe('post');
    const undone = run(mistaken, { type: 'undoPhaseChange' }, 210_000);
    expect(undone).toMatchObject({
      phase: 'rotate',
      rotation: 2,
      stationOffset: rotation2.stationOffset,
      teams: rotation2.teams,
    });
    // 8 minutes from 180 s, changed at 200 s: 460 s were left, running again from 210 s.
    expect(undone.endsAt).toBe(210_000 + 460_000);
    expect(undone.log.at(-1)).toMatchObject({ phase: 'rotate', rotation: 2, startedAt: 210_000, endedAt: null });
    expect(undone.beforeLastChange).toBeNull();
  });

  it('refuses after two minutes, and when there is nothing to undo', () => {
    const mistaken = run(rotation2, { type: 'startPhase', phase: 'post' }, 200_000);
    const late = applyCommand(state(mistaken), { type: 'undoPhaseChange' }, fran, 200_000 + 120_001);
    expect(late).toMatchObject({ ok: false, kind: 'conflict' });
    expect(applyCommand(state({ ...EMPTY_SESSION }), { type: 'undoPhaseChange' }, fran, 0)).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });

  it('reopens a closed board in the phase it was closed in, the clock paused at what was left', () => {
    const closed = run(rotation2, { type: 'close' }, 300_000);
    const reopened = run(closed, { type: 'reopen' }, 900_000);
    expect(reopened).toMatchObject({ phase: 'rotate', rotation: 2, endsAt: null, pausedRemainingMs: 360_000 });
  });
});
