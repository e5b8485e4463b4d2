// Table-driven tests of the command parser: every command's good shape, and the plain reasons for bad ones.
import { describe, expect, it } from 'vitest';
import { parseCommand, PARTICIPANT_COMMANDS } from '@shared/phases/Command.ts';

const plan = { postMinutes: 10, groupMinutes: 5, rotateMinutes: 15, rotations: 2 };

describe('parseCommand accepts', () => {
  it.each([
    [
      { type: 'startPhase', phase: 'post' },
      { type: 'startPhase', phase: 'post' },
    ],
    [
      { type: 'startPhase', phase: 'rotate', exerciseId: 'ex2', minutes: 7.5 },
      { type: 'startPhase', phase: 'rotate', exerciseId: 'ex2', minutes: 7.5 },
    ],
    [{ type: 'pause' }, { type: 'pause' }],
    [{ type: 'resume', extra: 'ignored' }, { type: 'resume' }],
    [
      { type: 'extend', minutes: 2 },
      { type: 'extend', minutes: 2 },
    ],
    [{ type: 'nextPhase' }, { type: 'nextPhase' }],
    [{ type: 'rotate' }, { type: 'rotate' }],
    [
      { type: 'setExercise', exerciseId: 'ex2' },
      { type: 'setExercise', exerciseId: 'ex2' },
    ],
    [{ type: 'close' }, { type: 'close' }],
    [{ type: 'reopen' }, { type: 'reopen' }],
    [
      { type: 'removeParticipant', participantId: 'p-1' },
      { type: 'removeParticipant', participantId: 'p-1' },
    ],
    [
      { type: 'removeParticipant', participantId: 'p-1', block: true },
      { type: 'removeParticipant', participantId: 'p-1', block: true },
    ],
    [{ type: 'renewJoinCode' }, { type: 'renewJoinCode' }],
    [{ type: 'renewObserverCode' }, { type: 'renewObserverCode' }],
    [
      { type: 'setObserversMayPost', allowed: true },
      { type: 'setObserversMayPost', allowed: true },
    ],
    [
      { type: 'setParticipantsMayExport', allowed: false },
      { type: 'setParticipantsMayExport', allowed: false },
    ],
    [
      { type: 'setPlan', exerciseId: 'ex1', plan },
      { type: 'setPlan', exerciseId: 'ex1', plan },
    ],
    [{ type: 'assignTeams' }, { type: 'assignTeams' }],
    [
      { type: 'assignTeams', teams: [['a', 'b'], []] },
      { type: 'assignTeams', teams: [['a', 'b'], []] },
    ],
    [
      { type: 'setAutoAdvance', enabled: true },
      { type: 'setAutoAdvance', enabled: true },
    ],
    [
      { type: 'markDone', done: true },
      { type: 'markDone', done: true },
    ],
    [
      { type: 'answerMoreTime', needMoreTime: false },
      { type: 'answerMoreTime', needMoreTime: false },
    ],
  ])('%j', (raw, expected) => {
    expect(parseCommand(raw)).toEqual({ ok: true, value: expected });
  });
});

describe('parseCommand refuses', () => {
  it.each([
    [null, /JSON object/],
    [[{ type: 'pause' }], /JSON object/],
    ['pause', /JSON object/],
    [{}, /needs a "type"/],
    [{ type: 'explode' }, /Unknown command "explode"/],
    [{ type: 'startPhase' }, /"phase" must be "post", "group" or "rotate"/],
    [{ type: 'startPhase', phase: 'closed' }, /"phase" must be/],
    [{ type: 'startPhase', phase: 'post', minutes: 0 }, /"minutes" must be a number of minutes above 0/],
    [{ type: 'startPhase', phase: 'post', minutes: 601 }, /at most 600/],
    [{ type: 'startPhase', phase: 'post', exerciseId: 'has space' }, /"exerciseId" must be an id/],
    [{ type: 'extend' }, /"minutes"/],
    [{ type: 'extend', minutes: -5 }, /"minutes"/],
    [{ type: 'extend', minutes: '5' }, /"minutes"/],
    [{ type: 'extend', minutes: Number.NaN }, /"minutes"/],
    [{ type: 'setExercise' }, /"exerciseId"/],
    [{ type: 'removeParticipant', participantId: '' }, /"participantId"/],
    [{ type: 'removeParticipant', participantId: 'p-1', block: 'yes' }, /"block" must be true or false/],
    [{ type: 'setObserversMayPost', allowed: 'yes' }, /"allowed" must be true or false/],
    [{ type: 'setAutoAdvance' }, /"enabled"/],
    [{ type: 'markDone' }, /"done"/],
    [{ type: 'answerMoreTime', needMoreTime: 1 }, /"needMoreTime"/],
    [{ type: 'setPlan', exerciseId: 'ex1' }, /"plan" needs/],
    [{ type: 'setPlan', exerciseId: 'ex1', plan: { ...plan, rotations: 1.5 } }, /"plan" needs/],
    [{ type: 'setPlan', plan }, /"exerciseId"/],
    [{ type: 'assignTeams', teams: 'all' }, /list of at most/],
    [{ type: 'assignTeams', teams: [['a'], 'b'] }, /list of participant ids/],
    [{ type: 'assignTeams', teams: [['a', 3]] }, /list of participant ids/],
    [{ type: 'assignTeams', teams: [['a'], ['b', 'a']] }, /Participant a is in more than one team/],
  ])('%j', (raw, reason) => {
    const result = parseCommand(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('PARTICIPANT_COMMANDS', () => {
  it('holds exactly the two commands a participant may send', () => {
    expect([...PARTICIPANT_COMMANDS].sort()).toEqual(['answerMoreTime', 'markDone']);
  });
});
