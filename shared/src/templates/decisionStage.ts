// Where the session is in group decision-making (the template's stages, e.g. Opening, Exploring, Closing), for the
// room: which stage the current exercise belongs to, which come before and after it.
import type { Board } from '../doc/readBoard.ts';
import { orderedExercises } from '../phases/transitions.ts';
import { boardTemplateInfo } from './templateInfo.ts';

export type StageState = 'done' | 'current' | 'later';

export interface StageStep {
  id: string;
  title: string;
  description: string;
  state: StageState;
}

export interface DecisionStageView {
  steps: StageStep[];
  /** The current exercise's stage; undefined when that exercise is in none. */
  current: StageStep | undefined;
  /** One sentence for a screen reader and the projector: "Decision stage: Opening (1 of 3). Identify ideas." */
  sentence: string;
}

/**
 * The stages of the board's template with the current exercise's marked (the session's exercise, else the first).
 * Undefined when the template has no stages: the room then sees nothing about them.
 */
export function decisionStageView(board: Pick<Board, 'meta' | 'session' | 'exercises'>): DecisionStageView | undefined {
  const info = boardTemplateInfo(board);
  const stages = info?.stages ?? [];
  if (stages.length === 0) return undefined;
  const exerciseId = board.session.exerciseId ?? orderedExercises(board.exercises)[0]?.id;
  const currentId = exerciseId === undefined ? undefined : info?.exerciseStages?.[exerciseId];
  const at = stages.findIndex((stage) => stage.id === currentId);
  const steps = stages.map((stage, index): StageStep => ({
    id: stage.id,
    title: stage.title,
    description: stage.description,
    state: at < 0 ? 'later' : index < at ? 'done' : index === at ? 'current' : 'later',
  }));
  const current = at < 0 ? undefined : steps[at];
  const sentence = current
    ? `Decision stage: ${current.title} (${at + 1} of ${steps.length}).${current.description ? ` ${current.description}` : ''}`
    : `Decision stages: ${steps.map((s) => s.title).join(', ')}. This exercise is in none of them.`;
  return { steps, current, sentence };
}
