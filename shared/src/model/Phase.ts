// The phases of a board's session, in the order a facilitator usually runs them.

export const PHASES = ['setup', 'post', 'group', 'rotate', 'vote', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
/** Phases that run on a clock (the ones a template plans minutes for). */
export const TIMED_PHASES = ['post', 'group', 'rotate'] as const;
export type TimedPhase = (typeof TIMED_PHASES)[number];

/** The optional closing phase of dot voting: no clock; it runs until the facilitator moves on. */
export const VOTE_PHASE = 'vote' satisfies Phase;

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

export function isTimedPhase(value: unknown): value is TimedPhase {
  return typeof value === 'string' && (TIMED_PHASES as readonly string[]).includes(value);
}
