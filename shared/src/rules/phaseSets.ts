// Which phases open which kind of work for people other than the facilitator: written once, read by rules and screens.
import type { Phase } from '../model/Phase.ts';

/** Phases in which participants post notes (rotating teams add to the station they visit). */
export const POSTING_PHASES: readonly Phase[] = ['post', 'rotate'];
/** Phases in which participants make and fill groups, move anyone's notes, and discuss. */
export const GROUPING_PHASES: readonly Phase[] = ['group', 'rotate'];
/** Phases in which participants (and observers allowed to post) write anything at all. */
export const WRITING_PHASES: readonly Phase[] = ['post', 'group', 'rotate'];

export function isGroupingPhase(phase: Phase): boolean {
  return GROUPING_PHASES.includes(phase);
}

export function isPostingPhase(phase: Phase): boolean {
  return POSTING_PHASES.includes(phase);
}
