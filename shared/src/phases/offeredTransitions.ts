// The changes of phase that make sense now, in the order a facilitator wants them, with a plain warning where progress is lost.
import type { Exercise } from '../model/Exercise.ts';
import type { Session } from '../model/Session.ts';
import type { Command } from './Command.ts';
import { PHASE_UNDO_WINDOW_MS } from './phaseSnapshot.ts';
import { plannedPhases } from './planPhases.ts';

export interface OfferedTransition {
  /** Stable key for the interface. */
  key: string;
  label: string;
  command: Command;
  /** The question to confirm first, saying what will happen; null when nothing is lost. */
  confirm: string | null;
  /** The one next step the room is waiting for. */
  isNext: boolean;
  /** Shown as dangerous (it ends or throws away work). */
  isDanger: boolean;
}

const offer = (
  key: string,
  label: string,
  command: Command,
  extra: Partial<OfferedTransition> = {},
): OfferedTransition => ({ key, label, command, confirm: null, isNext: false, isDanger: false, ...extra });

const CLOSE_WARNING =
  'Close the board? Everyone stops writing and the clock stops. You can reopen it later, where it was.';

/**
 * What the console offers in this session: forward steps first (the first is the next action), then steps back,
 * which confirm because the room loses the phase it is in, then closing. `now` is server time, for the undo window.
 */
export function offeredTransitions(session: Session, exercise: Exercise | undefined, now: number): OfferedTransition[] {
  const offers: OfferedTransition[] = [];
  const rotations = exercise?.plan.rotations ?? 0;
  // Only the phases the exercise's plan keeps are offered (the server refuses the others).
  const planned = exercise ? plannedPhases(exercise.plan) : ['post' as const];
  const mayGroup = planned.includes('group');
  const mayRotate = planned.includes('rotate');
  const next = (confirm: string | null = null) =>
    offer('next', 'Next phase', { type: 'nextPhase' }, { isNext: true, confirm });
  switch (session.phase) {
    case 'setup':
      offers.push(offer('post', 'Start post', { type: 'startPhase', phase: 'post' }, { isNext: true }));
      break;
    case 'post':
      offers.push(next());
      if (mayGroup) offers.push(offer('group', 'Start group', { type: 'startPhase', phase: 'group' }));
      else if (mayRotate) offers.push(offer('rotate', 'Start rotate', { type: 'startPhase', phase: 'rotate' }));
      break;
    case 'group':
      offers.push(next());
      if (mayRotate) offers.push(offer('rotate', 'Start rotate', { type: 'startPhase', phase: 'rotate' }));
      offers.push(
        offer(
          'back-post',
          'Back to posting',
          { type: 'startPhase', phase: 'post' },
          {
            confirm:
              'Go back to posting? The room stops grouping and the posting clock starts again from the full time. Groups made so far stay.',
          },
        ),
      );
      break;
    case 'rotate': {
      const left = rotations - session.rotation;
      if (left > 0) offers.push(offer('rotate-teams', 'Rotate teams', { type: 'rotate' }, { isNext: true }));
      offers.push({
        ...next(
          left > 0
            ? `Move on with ${left} ${left === 1 ? 'rotation' : 'rotations'} still planned? The teams will not visit the remaining stations.`
            : null,
        ),
        isNext: left <= 0,
      });
      offers.push(
        offer(
          'back-post',
          'Back to posting',
          { type: 'startPhase', phase: 'post' },
          {
            confirm: `Go back to posting? Rotation ${session.rotation} ends, the teams go back to rotation 0 and the posting clock starts again.`,
          },
        ),
      );
      break;
    }
    case 'vote':
      offers.push(
        next(
          session.votesRevealed
            ? null
            : 'Move on without revealing the votes? The dots placed so far will not be shown.',
        ),
      );
      break;
    case 'closed':
      offers.push(
        offer(
          'reopen',
          'Reopen board',
          { type: 'reopen' },
          {
            isNext: true,
            confirm:
              session.closedFromPhase && session.closedFromPhase !== 'setup'
                ? `Reopen the board? It goes back to the ${session.closedFromPhase} phase with the clock paused at the time that was left.`
                : 'Reopen the board? It goes back to getting ready for the current exercise.',
          },
        ),
      );
      break;
  }
  if (session.phase !== 'closed')
    offers.push(offer('close', 'Close board', { type: 'close' }, { confirm: CLOSE_WARNING, isDanger: true }));
  const before = session.beforeLastChange;
  if (before && now - before.at <= PHASE_UNDO_WINDOW_MS) {
    offers.push(
      offer(
        'undo',
        'Undo last phase change',
        { type: 'undoPhaseChange' },
        {
          confirm: `Undo the last change of phase? The board goes back to the ${before.phase} phase${before.rotation > 0 ? `, rotation ${before.rotation}` : ''}${before.remainingMs !== null ? ', with the time that was left' : ''}.`,
        },
      ),
    );
  }
  return offers;
}

/** Whether switching to another exercise now throws away progress (the current one has started and is not finished). */
export function exerciseSwitchWarning(
  session: Session,
  exercise: Exercise | undefined,
  next: Exercise | undefined,
): string | null {
  if (!exercise || !next || next.id === exercise.id) return null;
  const started = session.log.some((record) => record.exerciseId === exercise.id);
  if (!started || session.phase === 'closed') return null;
  return `Switch to "${next.title}"? "${exercise.title}" has started and is not finished; the room will get ready for the new exercise.`;
}
