// The facilitator's one next action in the top bar ("Start grouping", "Rotate teams"), confirmed where work is lost.
import type { Exercise } from '@shared/model/Exercise.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';
import { offeredTransitions } from '@shared/phases/offeredTransitions.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { useServerNow, type ServerClock } from '../session/useServerClock.ts';
import { nextPhaseLabel } from './PhaseControls.tsx';

export interface NextActionProps {
  session: Session;
  exercise: Exercise | undefined;
  clock: ServerClock;
  commands: CommandRunner;
  confirm: (question: string) => boolean;
}

/** The label says where it leads: "Next phase" alone tells a room nothing. */
export function actionLabel(label: string, key: string, destination: string | null): string {
  if (key === 'post') return 'Start posting';
  if (key !== 'next' || !destination) return label;
  return destination.startsWith('the ') ? `Go to ${destination}` : `Start ${destination.toLowerCase()}`;
}

export function NextAction({ session, exercise, clock, commands, confirm }: NextActionProps) {
  // The undo window is not the next action: no need to tick every second here.
  const now = useServerNow(clock, isTimedPhase(session.phase), 5000);
  const next = offeredTransitions(session, exercise, now).find((offer) => offer.isNext);
  if (!next) return null;
  const label = actionLabel(next.label, next.key, nextPhaseLabel(session, exercise));
  return (
    <button
      type="button"
      className="next-action"
      aria-label={`Next step: ${label}`}
      disabled={commands.pending !== null}
      onClick={() => {
        if (next.confirm === null || confirm(next.confirm)) void commands.run(next.command);
      }}
    >
      {label}
      <span aria-hidden="true"> →</span>
    </button>
  );
}
