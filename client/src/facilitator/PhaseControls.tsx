// The facilitator's clock and phase controls: only the changes of phase that make sense now, confirmed where work is lost.
import type { Exercise } from '@shared/model/Exercise.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';
import type { Command } from '@shared/phases/Command.ts';
import { exerciseSwitchWarning, offeredTransitions } from '@shared/phases/offeredTransitions.ts';
import { phaseName } from '../session/sessionView.ts';
import type { CommandRunner } from '../session/useCommand.ts';

export interface PhaseControlsProps {
  session: Session;
  exercises: readonly Exercise[];
  /** The exercise the session is on (or will start with). */
  exercise: Exercise | undefined;
  commands: CommandRunner;
  /** Server epoch ms now, for how long "Undo last phase change" is offered. */
  now: number;
  /** Asks the facilitator a yes/no question in plain words; true to go ahead. */
  confirm: (question: string) => boolean;
  /** Opens the minimum team size control (the small-room warning points there). */
  onShowTeamSize: () => void;
}

export function PhaseControls(props: PhaseControlsProps) {
  const { session, exercises, exercise, commands, now, confirm, onShowTeamSize } = props;
  const { phase } = session;
  const isTimed = isTimedPhase(phase);
  const isPaused = session.pausedRemainingMs !== null;
  const isBusy = commands.pending !== null;
  const rotationsLeft = exercise ? exercise.plan.rotations - session.rotation : 0;
  const send = (command: Command, question: string | null = null) => {
    if (question === null || confirm(question)) void commands.run(command);
  };
  const button = (label: string, command: Command, isEnabled = true) => (
    <button type="button" disabled={isBusy || !isEnabled} onClick={() => send(command)}>
      {label}
    </button>
  );
  const offers = offeredTransitions(session, exercise, now);
  const nextPhaseName = nextPhaseLabel(session, exercise);

  return (
    <div className="phase-controls">
      <div className="field">
        <label htmlFor="exercise-picker">Exercise</label>
        <select
          id="exercise-picker"
          value={exercise?.id ?? ''}
          disabled={isBusy || isTimed}
          onChange={(event) => {
            const next = exercises.find((e) => e.id === event.target.value);
            send(
              { type: 'setExercise', exerciseId: event.target.value },
              exerciseSwitchWarning(session, exercise, next),
            );
          }}
        >
          {exercises.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        {isTimed && <p className="hint">Finish or close the running phase to switch exercises.</p>}
      </div>
      <div className="button-row" role="group" aria-label="Change phase">
        {offers.map((o) => (
          <button
            key={o.key}
            type="button"
            disabled={isBusy}
            className={
              o.isDanger
                ? 'danger'
                : o.isNext
                  ? 'is-next'
                  : o.key === 'undo' || o.key === 'back-post'
                    ? 'secondary'
                    : undefined
            }
            onClick={() => send(o.command, o.confirm)}
          >
            {o.label}
          </button>
        ))}
      </div>
      {nextPhaseName && <p className="hint">Next phase: {nextPhaseName}.</p>}
      <div className="button-row" role="group" aria-label="Clock">
        {button('Pause', { type: 'pause' }, isTimed && !isPaused && session.endsAt !== null)}
        {button('Resume', { type: 'resume' }, isTimed && isPaused)}
        {button('+1 min', { type: 'extend', minutes: 1 }, isTimed)}
        {button('+5 min', { type: 'extend', minutes: 5 }, isTimed)}
      </div>
      {phase === 'rotate' && exercise && (
        <p className="hint">
          {rotationsLeft > 0
            ? `${rotationsLeft} more ${rotationsLeft === 1 ? 'rotation' : 'rotations'} planned.`
            : 'All planned rotations are done: “Next phase” moves on.'}
        </p>
      )}
      <div aria-live="polite">
        {commands.error && (
          <p className="error" role="alert">
            {commands.error}
          </p>
        )}
        {commands.notice && <SmallRoomNotice notice={commands.notice} onShowTeamSize={onShowTeamSize} />}
      </div>
    </div>
  );
}

/** Where "Next phase" leads, in words, as the server's advance does it. */
export function nextPhaseLabel(session: Session, exercise: Exercise | undefined): string | null {
  const rotations = exercise?.plan.rotations ?? 0;
  switch (session.phase) {
    case 'post':
      return phaseName('group');
    case 'group':
      return rotations > 0 ? phaseName('rotate') : session.votingEnabled ? phaseName('vote') : 'the next exercise';
    case 'rotate':
      return session.votingEnabled ? phaseName('vote') : 'the next exercise';
    case 'vote':
      return 'the next exercise';
    default:
      return null;
  }
}

/** A notice from the server; a small-room warning gets a way to the control it talks about. */
export function SmallRoomNotice({ notice, onShowTeamSize }: { notice: string; onShowTeamSize: () => void }) {
  return (
    <div className="banner banner-warning small-room">
      <p>{notice}</p>
      {/minimum team size/.test(notice) && (
        <button type="button" className="quiet-button" onClick={onShowTeamSize}>
          Change the minimum team size
        </button>
      )}
    </div>
  );
}
