// Shared fixtures for the phase machine tests: two exercises as in Copenhagen, a room of people, a facilitator.
import type { Exercise } from '@shared/model/Exercise.ts';
import { EMPTY_SESSION, type Session } from '@shared/model/Session.ts';
import type { MachineState } from '@shared/phases/transitions.ts';
import type { Actor } from '@shared/rules/Change.ts';

export const MIN = 60_000;
export const T0 = 1_700_000_000_000;

export const exercises: Exercise[] = [
  // Listed out of order on purpose: the machine must follow `order`, not array position.
  {
    id: 'ex2',
    title: 'Exercise 2',
    question: 'How will we work together?',
    order: 1,
    plan: { postMinutes: 10, groupMinutes: 5, rotateMinutes: 15, rotations: 2 },
  },
  {
    id: 'ex1',
    title: 'Exercise 1',
    question: 'What questions should we address?',
    order: 0,
    plan: { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2 },
  },
];

export const facilitator: Actor = { participantId: 'p-fac', name: 'Fran', role: 'facilitator' };
export const alice: Actor = { participantId: 'p-alice', name: 'Alice', role: 'participant' };
export const bob: Actor = { participantId: 'p-bob', name: 'Bob', role: 'participant' };
export const olga: Actor = { participantId: 'p-olga', name: 'Olga', role: 'observer' };

export const room = Array.from({ length: 15 }, (_, i) => `p-${String(i).padStart(2, '0')}`);

export function state(session: Partial<Session> = {}, extra: Partial<MachineState> = {}): MachineState {
  return {
    session: { ...EMPTY_SESSION, exerciseId: 'ex1', ...session },
    exercises,
    stationCount: 5,
    presentParticipantIds: room,
    minTeamSize: 3,
    ...extra,
  };
}
