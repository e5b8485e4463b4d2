// The facilitator's clock and phase controls: exercise picker, start buttons, pause/resume, extend, next, rotate, close.
import type { Exercise } from '../../../shared/src/model/Exercise.ts';
import { isTimedPhase, type TimedPhase } from '../../../shared/src/model/Phase.ts';
import type { Session } from '../../../shared/src/model/Session.ts';
import type { Command } from '../../../shared/src/phases/Command.ts';
import type { CommandRunner } from '../session/useCommand.ts';

const START: { phase: TimedPhase; label: string }[] = [
  { phase: 'post', label: 'Start post' },
  { phase: 'group', label: 'Start group' },
  { phase: 'rotate', label: 'Start rotate' },
];

export interface PhaseControlsProps {
  session: Session;
  exercises: readonly Exercise[];
  /** The exercise the session is on (or will start with). */
  exercise: Exercise | undefined;
  commands: CommandRunner;
}

export function PhaseControls({ session, exercises, exercise, commands }: PhaseControlsProps) {
  const { phase } = session;
  const isClosed = phase === 'closed';
  const isTimed = isTimedPhase(phase);
  const isPaused = session.pausedRemainingMs !== null;
  const isBusy = commands.pending !== null;
  const rotationsLeft = exercise ? exercise.plan.rotations - session.rotation : 0;
  const send = (command: Command) => void commands.run(command);
  const button = (label: string, command: Command, isEnabled = true, extra?: string) => (
    <button type="button" className={extra} disabled={isBusy || !isEnabled} onClick={() => send(command)}>
      {label}
    </button>
  );

  return (
    <div className="phase-controls">
      <div className="field">
        <label htmlFor="exercise-picker">Exercise</label>
        <select
          id="exercise-picker"
          value={exercise?.id ?? ''}
          disabled={isBusy}
          onChange={(event) => send({ type: 'setExercise', exerciseId: event.target.value })}
        >
          {exercises.map((e) => (
            <option key={e.id} value={e.id}>{e.title}</option>
          ))}
        </select>
        {isTimed && <p className="hint">Finish or close the running phase to switch exercises.</p>}
      </div>
      <div className="button-row" role="group" aria-label="Start a phase">
        {START.map(({ phase: p, label }) => button(label, { type: 'startPhase', phase: p }, !isClosed, phase === p ? 'is-current' : undefined))}
      </div>
      <div className="button-row" role="group" aria-label="Clock">
        {button('Pause', { type: 'pause' }, isTimed && !isPaused && session.endsAt !== null)}
        {button('Resume', { type: 'resume' }, isTimed && isPaused)}
        {button('+1 min', { type: 'extend', minutes: 1 }, isTimed)}
        {button('+5 min', { type: 'extend', minutes: 5 }, isTimed)}
      </div>
      <div className="button-row" role="group" aria-label="Move on">
        {button('Next phase', { type: 'nextPhase' }, !isClosed)}
        {button('Rotate teams', { type: 'rotate' }, phase === 'rotate')}
        {button('Close board', { type: 'close' }, !isClosed, 'danger')}
        {button('Reopen board', { type: 'reopen' }, isClosed)}
      </div>
      {phase === 'rotate' && exercise && (
        <p className="hint">
          {rotationsLeft > 0
            ? `${rotationsLeft} more ${rotationsLeft === 1 ? 'rotation' : 'rotations'} planned.`
            : 'All planned rotations are done: “Next phase” moves on.'}
        </p>
      )}
      <div aria-live="polite">
        {commands.error && <p className="error" role="alert">{commands.error}</p>}
        {commands.notice && <p className="banner banner-warning">{commands.notice}</p>}
      </div>
    </div>
  );
}
