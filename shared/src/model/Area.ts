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
  /** Station colour as #rrggbb; optional. */
  colour?: string;
  /** Left out of this session: its notes stay and are exported, but teams do not visit it. */
  isLeftOut?: boolean;
}

export const AREA_KEYS = ['id', 'exerciseId', 'title', 'description', 'order', 'reference', 'colour', 'isLeftOut'] as const;

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
  if (raw.colour !== undefined) {
    if (typeof raw.colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(raw.colour)) return fail('area colour must be written like #1f77b4');
    area.colour = raw.colour;
  }
  if (raw.isLeftOut !== undefined && typeof raw.isLeftOut !== 'boolean') return fail('area isLeftOut must be true or false');
  if (raw.isLeftOut === true) area.isLeftOut = true;
  return ok(area);
}
