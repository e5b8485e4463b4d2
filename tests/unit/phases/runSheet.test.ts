// The run sheet (planned against actual, projected end) and the plain-words phase instructions.
import { describe, expect, it } from 'vitest';
import { applyCommand } from '@shared/phases/applyCommand.ts';
import type { Command } from '@shared/phases/Command.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';
import { runSheet } from '@shared/phases/runSheet.ts';
import type { MachineState } from '@shared/phases/transitions.ts';
import { exercises, facilitator, MIN, state, T0 } from './machineFixtures.ts';

const ex1 = exercises.find((e) => e.id === 'ex1')!;

function after(steps: [Command, number][]): MachineState {
  let s = state();
  for (const [command, now] of steps) {
    const result = applyCommand(s, command, facilitator, now);
    if (!result.ok) throw new Error(result.reason);
    s = { ...s, session: result.session };
  }
  return s;
}

describe('runSheet', () => {
  it('projects the whole plan from now before anything ran', () => {
    const sheet = runSheet(ex1, state().session, T0);
    expect(sheet.rows.map((r) => [r.phase, r.rotation, r.plannedMs, r.status])).toEqual([
      ['post', undefined, 15 * MIN, 'upcoming'],
      ['group', undefined, 5 * MIN, 'upcoming'],
      ['rotate', 1, 15 * MIN, 'upcoming'],
      ['rotate', 2, 15 * MIN, 'upcoming'],
    ]);
    expect(sheet.plannedMs).toBe(50 * MIN);
    expect(sheet.projectedEndAt).toBe(T0 + 50 * MIN);
  });

  it('uses actual times for what ran, the live clock for what runs, the plan for the rest', () => {
    const s = after([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'extend', minutes: 3 }, T0 + 14 * MIN],
      [{ type: 'nextPhase' }, T0 + 18 * MIN],
    ]);
    const sheet = runSheet(ex1, s.session, T0 + 20 * MIN);
    const [post, group, r1, r2] = sheet.rows;
    expect(post).toMatchObject({
      status: 'done',
      startedAt: T0,
      endedAt: T0 + 18 * MIN,
      actualMs: 18 * MIN,
      plannedMs: 15 * MIN,
    });
    expect(group).toMatchObject({
      status: 'running',
      startedAt: T0 + 18 * MIN,
      endedAt: null,
      actualMs: 2 * MIN,
      projectedEndAt: T0 + 23 * MIN,
    });
    expect(r1).toMatchObject({ status: 'upcoming', projectedStartAt: T0 + 23 * MIN, projectedEndAt: T0 + 38 * MIN });
    expect(r2).toMatchObject({ status: 'upcoming', projectedEndAt: T0 + 53 * MIN });
    expect(sheet.projectedEndAt).toBe(T0 + 53 * MIN);
  });

  it('runs overtime into the projection and counts a pause as time still to come', () => {
    const s = after([[{ type: 'nextPhase' }, T0]]);
    expect(runSheet(ex1, s.session, T0 + 17 * MIN).projectedEndAt).toBe(T0 + 17 * MIN + 35 * MIN);
    const paused = after([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'pause' }, T0 + 5 * MIN],
    ]);
    expect(runSheet(ex1, paused.session, T0 + 60 * MIN).rows[0]).toMatchObject({
      status: 'running',
      projectedEndAt: T0 + 70 * MIN,
    });
  });

  it('marks phases the facilitator jumped over as skipped', () => {
    const s = after([[{ type: 'startPhase', phase: 'rotate' }, T0]]);
    const sheet = runSheet(ex1, s.session, T0 + MIN);
    expect(sheet.rows.map((r) => r.status)).toEqual(['skipped', 'skipped', 'running', 'upcoming']);
    expect(sheet.projectedEndAt).toBe(T0 + 30 * MIN);
  });

  it('ends at the actual end once everything ran', () => {
    const s = after([
      [{ type: 'nextPhase' }, T0],
      [{ type: 'nextPhase' }, T0 + 15 * MIN],
      [{ type: 'nextPhase' }, T0 + 20 * MIN],
      [{ type: 'rotate' }, T0 + 35 * MIN],
      [{ type: 'nextPhase' }, T0 + 49 * MIN],
    ]);
    const sheet = runSheet(ex1, s.session, T0 + 90 * MIN);
    expect(sheet.rows.every((r) => r.status === 'done')).toBe(true);
    expect(sheet.projectedEndAt).toBe(T0 + 49 * MIN);
  });
});

describe('phaseInstruction', () => {
  it.each([
    ['setup', /Get ready.*What questions should we address\?/],
    ['post', /^What questions should we address\? On your own, write one question per note for each station/],
    ['group', /group similar ideas at your station/],
    ['rotate', /moves on to the next station \(twice in all\)/],
    ['closed', /session is closed/],
  ] as const)('%s', (phase, expected) => {
    expect(phaseInstruction(phase, ex1)).toMatch(expected);
  });

  it('reads well without an exercise', () => {
    expect(phaseInstruction('post', null)).toMatch(/^On your own, write one question per note/);
    expect(phaseInstruction('rotate')).not.toMatch(/in all/);
  });
});
