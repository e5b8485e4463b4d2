// A World Café: small tables, one question each, people move between tables in rounds.
import type { Template } from './Template.ts';

export const worldCafe: Template = {
  id: 'world-cafe',
  title: 'World Café',
  about:
    'Conversation in rounds: each table holds one question; teams write at their table, then move on to the next ' +
    'table and build on what the team before them left (read its hand-off first). Three rounds, then the room ' +
    'gathers what matters most.',
  groundRules: [
    'Focus on what matters',
    'Contribute your thinking',
    'Listen to understand',
    'Link and connect ideas',
    'Write on the table: one idea per note',
  ],
  minTeamSize: 3,
  mandate: '',
  exercises: [
    {
      id: 'cafe',
      title: 'Café rounds',
      question: 'What question, if answered, could make the greatest difference to the future of our work?',
      plan: { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 3 },
      areas: [
        { id: 'cafe-t1', title: 'Table 1: where we are', description: 'What is working today, and what is not?' },
        {
          id: 'cafe-t2',
          title: 'Table 2: where we want to be',
          description: 'What would success look like in a year?',
        },
        {
          id: 'cafe-t3',
          title: 'Table 3: what stands in the way',
          description: 'What could stop us, and who could help?',
        },
        { id: 'cafe-t4', title: 'Table 4: first steps', description: 'What can we do next week?' },
      ],
    },
  ],
};
