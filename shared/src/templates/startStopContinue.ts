// A "Start, Stop, Continue" retrospective: one station per column, no rotation.
import type { Template } from './Template.ts';

export const startStopContinue: Template = {
  id: 'start-stop-continue',
  title: 'Start, Stop, Continue retrospective',
  about:
    'A team looks back on a stretch of work: what it should start doing, stop doing and keep doing. Everyone posts ' +
    'to all three columns, similar notes are grouped, and the team votes on what to act on. There is no rotation.',
  groundRules: ['One idea per note', 'About how we work, not about people', 'Everyone posts before anyone discusses'],
  minTeamSize: 1,
  mandate: '',
  options: { votingEnabled: true },
  exercises: [
    {
      id: 'retro',
      title: 'Retrospective',
      question: 'Looking back on the last stretch of work: what should we start, stop and continue doing?',
      plan: { postMinutes: 10, groupMinutes: 10, rotateMinutes: 10, rotations: 0 },
      areas: [
        { id: 'retro-start', title: 'Start', description: 'Things we should begin doing.', colour: '#2ca02c' },
        { id: 'retro-stop', title: 'Stop', description: 'Things that hold us back.', colour: '#d62728' },
        {
          id: 'retro-continue',
          title: 'Continue',
          description: 'Things that work and we should keep.',
          colour: '#1f77b4',
        },
      ],
    },
  ],
};
