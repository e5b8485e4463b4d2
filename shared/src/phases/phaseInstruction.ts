// What each phase asks of the room, in plain words (drawn from the Copenhagen exercise, docs/exercise.md).
import type { Exercise } from '../model/Exercise.ts';
import type { Phase } from '../model/Phase.ts';

/** The instruction shown to everyone during `phase`; the exercise's question is quoted when there is one. */
export function phaseInstruction(phase: Phase, exercise?: Pick<Exercise, 'question' | 'plan'> | null): string {
  const question = exercise?.question.trim() ?? '';
  switch (phase) {
    case 'setup':
      return question
        ? `Get ready: read the question and the stations. "${question}" Posting opens when the facilitator starts it.`
        : 'Get ready: read the stations. Posting opens when the facilitator starts it.';
    case 'post':
      return (
        (question ? `${question} ` : '') +
        'On your own, write one question per note for each station and post it up. One idea per note, written clearly.'
      );
    case 'group':
      return (
        'With your team, group similar ideas at your station and give each group a short name. ' +
        'This is about ideas right now, not decisions.'
      );
    case 'rotate': {
      const rotations = exercise?.plan.rotations;
      const times = rotations === 1 ? 'once' : rotations === 2 ? 'twice' : rotations ? `${rotations} times` : '';
      return (
        'Discuss the notes at your team\u2019s station: add what is missing, sharpen what is there. ' +
        `Discuss, don\u2019t debate. When the facilitator rotates, your team moves on to the next station${times ? ` (${times} in all)` : ''}.`
      );
    }
    case 'vote':
      return 'Place your dots on the notes that matter most to you. Nobody sees the votes until the facilitator reveals them.';
    case 'closed':
      return 'The session is closed. Thank you: the facilitator can now export the scope document.';
  }
}
