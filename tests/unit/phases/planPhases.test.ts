// A plan may leave phases out: "Next" walks only the phases it keeps, the server refuses the others, the console
// offers only those, the run sheet lists only those, and setPlan keeps the choice when a console sends minutes only.
import { describe, expect, it } from 'vitest';
import { parsePlan, type Exercise, type PhasePlan } from '@shared/model/Exercise.ts';
import type { Phase } from '@shared/model/Phase.ts';
import { applyCommand } from '@shared/phases/applyCommand.ts';
import { parseCommand } from '@shared/phases/Command.ts';
import { offeredTransitions } from '@shared/phases/offeredTransitions.ts';
import { describePhases, nextPlannedPhase, planRecord, plannedPhases, planSummary } from '@shared/phases/planPhases.ts';
import { runSheet } from '@shared/phases/runSheet.ts';
import { EMPTY_SESSION } from '@shared/model/Session.ts';
import { parseTemplate } from '@shared/templates/templateSchema.ts';
import { blank } from '@shared/templates/blank.ts';
import { facilitator, state, T0 } from './machineFixtures.ts';

const minutes = { postMinutes: 10, groupMinutes: 5, rotateMinutes: 8, rotations: 2 };

function exercise(plan: PhasePlan): Exercise {
  return { id: 'ex1', title: 'Retro', question: '', order: 0, plan };
}

/** The phases "Next" goes through from setup, until it leaves the exercise. */
function walk(plan: PhasePlan, votingEnabled = false): Phase[] {
  let s = state({ votingEnabled }, { exercises: [exercise(plan)] });
  const seen: Phase[] = [];
  for (let step = 0; step < 10; step++) {
    const result = applyCommand(s, { type: 'nextPhase' }, facilitator, T0 + step * 1000);
    if (!result.ok) throw new Error(result.reason);
    seen.push(result.session.phase);
    if (result.session.phase === 'closed') break;
    s = { ...s, session: result.session };
  }
  return seen;
}

describe('phase plan', () => {
  it('reads the phases in the room order, requires posting, and leaves the key out when all three run', () => {
    expect(parsePlan({ ...minutes, phases: ['rotate', 'post'] })?.phases).toEqual(['post', 'rotate']);
    expect(parsePlan({ ...minutes, phases: ['group'] })).toBeUndefined();
    expect(parsePlan({ ...minutes, phases: ['post', 'vote'] })).toBeUndefined();
    expect(planRecord({ ...minutes, phases: ['post', 'group', 'rotate'] })).toEqual(minutes);
    expect(planRecord({ ...minutes, phases: ['post'] })).toEqual({ ...minutes, phases: ['post'] });
    expect(describePhases({ ...minutes, phases: ['post', 'rotate'] })).toBe('post and rotate');
    expect(plannedPhases({ ...minutes, rotations: 0 })).toEqual(['post', 'group']);
    expect(nextPlannedPhase({ ...minutes, phases: ['post', 'rotate'] }, 'post')).toBe('rotate');
    expect(planSummary(minutes)).toBe('post 10 min, group 5 min, 2 × 8 min rotating');
    expect(planSummary({ ...minutes, phases: ['post'] })).toBe('post 10 min, no rotation');
    expect(planSummary({ ...minutes, phases: ['post', 'rotate'] })).toBe('post 10 min, 2 × 8 min rotating');
  });

  it('refuses a setPlan command whose phases leave out posting, saying what phases may be', () => {
    const parsed = parseCommand({ type: 'setPlan', exerciseId: 'ex1', plan: { ...minutes, phases: ['group'] } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/optional "phases" lists "post"/);
  });

  it('"Next" walks only the phases the plan keeps', () => {
    expect(walk(minutes)).toEqual(['post', 'group', 'rotate', 'closed']);
    expect(walk({ ...minutes, phases: ['post'] })).toEqual(['post', 'closed']);
    expect(walk({ ...minutes, phases: ['post', 'rotate'] })).toEqual(['post', 'rotate', 'closed']);
    expect(walk({ ...minutes, phases: ['post'] }, true)).toEqual(['post', 'vote', 'closed']);
  });

  it('refuses to start a phase the plan leaves out, in words', () => {
    const s = state({ phase: 'post' }, { exercises: [exercise({ ...minutes, phases: ['post', 'rotate'] })] });
    const result = applyCommand(s, { type: 'startPhase', phase: 'group' }, facilitator, T0);
    expect(result).toMatchObject({ ok: false, kind: 'conflict' });
    if (!result.ok) expect(result.reason).toMatch(/leaves out the group phase/);
    expect(applyCommand(s, { type: 'startPhase', phase: 'rotate' }, facilitator, T0).ok).toBe(true);
  });

  it('offers only the planned phases', () => {
    const keys = (plan: PhasePlan, phase: Phase) =>
      offeredTransitions({ ...EMPTY_SESSION, phase }, exercise(plan), T0).map((o) => o.key);
    expect(keys({ ...minutes, phases: ['post'] }, 'post')).toEqual(['next', 'close']);
    expect(keys({ ...minutes, phases: ['post', 'rotate'] }, 'post')).toEqual(['next', 'rotate', 'close']);
    expect(keys(minutes, 'post')).toEqual(['next', 'group', 'close']);
  });

  it('lists only the planned phases in the run sheet', () => {
    const rows = (plan: PhasePlan) =>
      runSheet(exercise(plan), EMPTY_SESSION, T0).rows.map((r) => `${r.phase}${r.rotation ?? ''}`);
    expect(rows(minutes)).toEqual(['post', 'group', 'rotate1', 'rotate2']);
    expect(rows({ ...minutes, phases: ['post'] })).toEqual(['post']);
    expect(rows({ ...minutes, phases: ['post', 'rotate'] })).toEqual(['post', 'rotate1', 'rotate2']);
  });

  it('setPlan keeps the phases when only minutes are sent, and takes a new list when one is sent', () => {
    const s = state({}, { exercises: [exercise({ ...minutes, phases: ['post'] })] });
    const kept = applyCommand(
      s,
      { type: 'setPlan', exerciseId: 'ex1', plan: { ...minutes, postMinutes: 20 } },
      facilitator,
      T0,
    );
    expect(kept.ok && kept.planChange?.plan).toEqual({ ...minutes, postMinutes: 20, phases: ['post'] });
    const all = applyCommand(
      s,
      { type: 'setPlan', exerciseId: 'ex1', plan: { ...minutes, phases: ['post', 'group', 'rotate'] } },
      facilitator,
      T0,
    );
    expect(all.ok && all.planChange?.plan).toEqual(minutes);
  });

  it('takes a template whose exercise runs post only, and refuses one without posting, naming the field', () => {
    const exercises = blank.exercises.map((e) => ({ ...e, plan: { ...e.plan, phases: ['post'] } }));
    expect(parseTemplate({ ...blank, exercises }).ok).toBe(true);
    const bad = parseTemplate({
      ...blank,
      exercises: exercises.map((e) => ({ ...e, plan: { ...e.plan, phases: ['group'] } })),
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: 'exercises.0.plan.phases' });
    if (!bad.ok) expect(bad.issues[0]!.message).toMatch(/must include "post"/);
  });
});
