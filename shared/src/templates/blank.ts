// A blank board: one exercise with three stations to rename in setup, for any session.
import type { Template } from './Template.ts';

export const blank: Template = {
  id: 'blank',
  title: 'Blank board',
  about: 'One exercise and three stations for you to name in setup; add, reorder or leave out stations as you need.',
  groundRules: ['One idea per note', 'Write so others can read it', 'Ideas now, decisions later'],
  minTeamSize: 1,
  mandate: '',
  exercises: [
    {
      id: 'ex1',
      title: 'Exercise 1',
      question: '',
      plan: { postMinutes: 10, groupMinutes: 5, rotateMinutes: 10, rotations: 0 },
      areas: [
        { id: 'ex1-a1', title: 'Station 1', description: '' },
        { id: 'ex1-a2', title: 'Station 2', description: '' },
        { id: 'ex1-a3', title: 'Station 3', description: '' },
      ],
    },
  ],
};
