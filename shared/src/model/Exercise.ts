// An exercise: one question the room answers, with its own stations and phase plan.
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanOptionalText, cleanOrder, cleanText } from './validate.ts';

/** Minutes planned per timed phase; rotate is per rotation. */
export interface PhasePlan {
  postMinutes: number;
  groupMinutes: number;
  rotateMinutes: number;
  rotations: number;
}

export interface Exercise {
  id: string;
  title: string;
  question: string;
  order: number;
  plan: PhasePlan;
}

export const EXERCISE_KEYS = ['id', 'title', 'question', 'order', 'plan'] as const;

export const DEFAULT_PLAN: PhasePlan = { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2 };

export function parsePlan(raw: unknown): PhasePlan | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const minutes = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 600 ? v : undefined);
  const postMinutes = minutes(r.postMinutes);
  const groupMinutes = minutes(r.groupMinutes);
  const rotateMinutes = minutes(r.rotateMinutes);
  const rotations = typeof r.rotations === 'number' && Number.isInteger(r.rotations) && r.rotations >= 0 && r.rotations <= 20
    ? r.rotations
    : undefined;
  if (postMinutes === undefined || groupMinutes === undefined || rotateMinutes === undefined || rotations === undefined) {
    return undefined;
  }
  return { postMinutes, groupMinutes, rotateMinutes, rotations };
}

export function parseExercise(raw: Record<string, unknown>): Result<Exercise> {
  const id = cleanId(raw.id);
  if (!id) return fail('exercise id is missing or malformed');
  const title = cleanText(raw.title, AREA_TITLE_MAX);
  if (title === undefined) return fail('exercise has no title');
  const question = cleanOptionalText(raw.question ?? '', AREA_DESCRIPTION_MAX) ?? '';
  const order = cleanOrder(raw.order) ?? 0;
  // An exercise without a readable plan still works: it falls back to the Copenhagen timings.
  const plan = parsePlan(raw.plan) ?? DEFAULT_PLAN;
  return ok({ id, title, question, order, plan });
}
