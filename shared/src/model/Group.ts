// A group: similar notes in one area, drawn as a labelled frame around them.
import { GROUP_LABEL_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanCoord, cleanId, cleanOptionalText, cleanTime } from './validate.ts';

export interface Group {
  id: string;
  areaId: string;
  /** May be empty while nobody has named the group yet. */
  label: string;
  x?: number;
  y?: number;
  /** Epoch ms when the group was made (extension; absent on groups made before it existed). */
  createdAt?: number;
  /** Epoch ms of the last rename (extension), so a station hand-off can highlight renamed groups. */
  labelUpdatedAt?: number;
}

export const GROUP_KEYS = ['id', 'areaId', 'label', 'x', 'y', 'createdAt', 'labelUpdatedAt'] as const;
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
  for (const key of ['createdAt', 'labelUpdatedAt'] as const) {
    if (raw[key] === undefined) continue;
    const value = cleanTime(raw[key]);
    if (value === undefined) return fail(`group ${key} is not a time`);
    group[key] = value;
  }
  return ok(group);
}
