// Which phases an exercise runs: posting always, grouping and rotating when the facilitator keeps them.
import { useState } from 'react';
import type { Exercise } from '@shared/model/Exercise.ts';
import { TIMED_PHASES, type TimedPhase } from '@shared/model/Phase.ts';
import { describePhases, listedPhases } from '@shared/phases/planPhases.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { Toggle } from '../ui/Toggle.tsx';

const LABELS: Record<TimedPhase, string> = {
  post: 'Post (always)',
  group: 'Group similar notes',
  rotate: 'Rotate teams between stations',
};

export function PhaseChoice({
  exercise,
  commands,
  isStarted,
}: {
  exercise: Exercise;
  commands: CommandRunner;
  /** The exercise has run: the server keeps its plan as it is. */
  isStarted: boolean;
}) {
  // The choice just made, shown until the server has answered (the plan then comes back through the board).
  const [asked, setAsked] = useState<TimedPhase[] | null>(null);
  const listed = asked ?? listedPhases(exercise.plan);
  const choose = (phase: TimedPhase, isOn: boolean) => {
    const phases = TIMED_PHASES.filter((p) => (p === phase ? isOn : listed.includes(p)));
    setAsked(phases);
    void commands
      .run({ type: 'setPlan', exerciseId: exercise.id, plan: { ...exercise.plan, phases } })
      .finally(() => setAsked(null));
  };
  return (
    <fieldset className="phase-choice">
      <legend>Phases of this exercise</legend>
      {TIMED_PHASES.map((phase) => (
        <Toggle
          key={phase}
          checked={listed.includes(phase)}
          disabled={phase === 'post' || isStarted || commands.pending !== null}
          onChange={(isOn) => choose(phase, isOn)}
        >
          {LABELS[phase]}
        </Toggle>
      ))}
      <p className="hint">
        {`"Next" runs ${describePhases({ ...exercise.plan, phases: [...listed] })}.`}
        {listed.includes('rotate') && exercise.plan.rotations === 0 ? ' Set rotations above 0 to rotate.' : ''}
        {isStarted ? ' This exercise has started: its phases are fixed.' : ''}
      </p>
    </fieldset>
  );
}
