// An area: one station of an exercise (for SSR2, one issue of Bylaws Section 4.6(c)).
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanOptionalText, cleanOrder, cleanText } from './validate.ts';

export interface Area {
  id: string;
  exerciseId: string;
  title: string;
  description: string;
  order: number;
  /** Where the area comes from, e.g. "Bylaws 4.6(c)(ii)(A)"; optional. */
  reference?: string;
}

export const AREA_KEYS = ['id', 'exerciseId', 'title', 'description', 'order', 'reference'] as const;

export function parseArea(raw: Record<string, unknown>): Result<Area> {
  const id = cleanId(raw.id);
  if (!id) return fail('area id is missing or malformed');
  const exerciseId = cleanId(raw.exerciseId);
  if (!exerciseId) return fail('area has no exercise');
  const title = cleanText(raw.title, AREA_TITLE_MAX);
  if (title === undefined) return fail('area has no title');
  const description = cleanOptionalText(raw.description ?? '', AREA_DESCRIPTION_MAX);
  if (description === undefined) return fail('area description is too long');
  const order = cleanOrder(raw.order) ?? 0;
  const area: Area = { id, exerciseId, title, description, order };
  const reference = cleanOptionalText(raw.reference, AREA_TITLE_MAX);
  if (reference) area.reference = reference;
  return ok(area);
}
