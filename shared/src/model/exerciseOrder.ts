// Which exercise the room is on: the order exercises run in, and the session's current one. Its own module so that
// screens read it without the phase machine (transitions.ts re-exports both).
import type { Exercise } from './Exercise.ts';
import type { Session } from './Session.ts';

/** Exercises in the order the room runs them. */
export function orderedExercises(exercises: readonly Exercise[]): Exercise[] {
  return [...exercises].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The session's exercise, or the first one when none is chosen yet. */
export function currentExercise(state: {
  session: Pick<Session, 'exerciseId'>;
  exercises: readonly Exercise[];
}): Exercise | undefined {
  const ordered = orderedExercises(state.exercises);
  return (
    ordered.find((e) => e.id === state.session.exerciseId) ??
    (state.session.exerciseId === null ? ordered[0] : undefined)
  );
}
