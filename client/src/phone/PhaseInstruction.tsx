// What to do in this phase, in words: it sits in the phone's closed "What to do now", so it loads after the first paint.
import type { Exercise } from '@shared/model/Exercise.ts';
import type { Phase } from '@shared/model/Phase.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';

export function PhaseInstruction({ phase, exercise }: { phase: Phase; exercise: Exercise | null | undefined }) {
  return <p>{phaseInstruction(phase, exercise)}</p>;
}
