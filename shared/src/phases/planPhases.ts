// Which timed phases an exercise's plan runs, and which comes next: the one reading of `plan.phases` everyone shares.
import type { PhasePlan } from '../model/Exercise.ts';
import { isTimedPhase, TIMED_PHASES, type Phase, type TimedPhase } from '../model/Phase.ts';

/** The timed phases the plan lists (all three when it lists none), whether or not they can run now. */
export function listedPhases(plan: PhasePlan): readonly TimedPhase[] {
  return plan.phases ?? TIMED_PHASES;
}

/** The phases "Next" walks through, in order: the listed ones, with rotate only when rotations are planned. */
export function plannedPhases(plan: PhasePlan): TimedPhase[] {
  return listedPhases(plan).filter((phase) => phase !== 'rotate' || plan.rotations > 0);
}

/** True unless the plan leaves `phase` out on purpose (an explicit list without it). */
export function isLeftOutOfPlan(plan: PhasePlan, phase: TimedPhase): boolean {
  return !listedPhases(plan).includes(phase);
}

/** The planned timed phase after `current` (setup leads to the first); undefined after the last. */
export function nextPlannedPhase(plan: PhasePlan, current: Phase): TimedPhase | undefined {
  const phases = plannedPhases(plan);
  if (current === 'setup') return phases[0];
  if (!isTimedPhase(current)) return undefined;
  const at = TIMED_PHASES.indexOf(current);
  return phases.find((phase) => TIMED_PHASES.indexOf(phase) > at);
}

/** "post, group and rotate": the plan's phases in words, for setup and refusals. */
export function describePhases(plan: PhasePlan): string {
  const names = plannedPhases(plan);
  return names.length <= 1 ? (names[0] ?? 'post') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The plan as a record field: no `phases` key when it runs all three, so older readers see the plan they know. */
export function planRecord(plan: PhasePlan): PhasePlan {
  const { phases, ...minutes } = plan;
  return phases === undefined || phases.length === TIMED_PHASES.length ? minutes : { ...minutes, phases: [...phases] };
}

/** The plan in a line, for the start page's preview: "post 15 min, group 5 min, 2 × 15 min rotating". */
export function planSummary(plan: PhasePlan): string {
  return plannedPhases(plan)
    .map((phase) =>
      phase === 'post'
        ? `post ${plan.postMinutes} min`
        : phase === 'group'
          ? `group ${plan.groupMinutes} min`
          : `${plan.rotations} × ${plan.rotateMinutes} min rotating`,
    )
    .concat(plannedPhases(plan).includes('rotate') ? [] : ['no rotation'])
    .join(', ');
}
