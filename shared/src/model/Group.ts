// A group: similar notes in one area, drawn as a labelled frame around them.
import { GROUP_LABEL_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanCoord, cleanId, cleanOptionalText } from './validate.ts';

export interface Group {
  id: string;
  areaId: string;
  /** May be empty while nobody has named the group yet. */
  label: string;
  x?: number;
  y?: number;
}

export const GROUP_KEYS = ['id', 'areaId', 'label', 'x', 'y'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export function parseGroup(raw: Record<string, unknown>): Result<Group> {
  const id = cleanId(raw.id);
  if (!id) return fail('group id is missing or malformed');
  const areaId = cleanId(raw.areaId);
  if (!areaId) return fail('group has no area');
  const label = cleanOptionalText(raw.label ?? '', GROUP_LABEL_MAX);
  if (label === undefined) return fail(`group label must be at most ${GROUP_LABEL_MAX} characters`);
  const group: Group = { id, areaId, label };
  for (const axis of ['x', 'y'] as const) {
    if (raw[axis] === undefined) continue;
    const value = cleanCoord(raw[axis]);
    if (value === undefined) return fail(`group ${axis} is not a finite coordinate`);
    group[axis] = value;
  }
  return ok(group);
}
