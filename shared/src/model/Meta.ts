// Board metadata: format version, title, template and creation time.
import { TITLE_MAX } from './limits.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanText, cleanTime } from './validate.ts';

export const FORMAT_VERSION = 1;

export interface Meta {
  formatVersion: number;
  title: string;
  templateId: string;
  createdAt: number;
}

export function parseMeta(raw: Record<string, unknown>): Result<Meta> {
  const formatVersion = typeof raw.formatVersion === 'number' ? raw.formatVersion : undefined;
  if (formatVersion === undefined) return fail('board has no format version');
  const title = cleanText(raw.title, TITLE_MAX);
  if (title === undefined) return fail('board has no title');
  const templateId = cleanId(raw.templateId) ?? 'custom';
  const createdAt = cleanTime(raw.createdAt) ?? 0;
  return ok({ formatVersion, title, templateId, createdAt });
}
