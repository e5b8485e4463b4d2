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
  /** The board's time zone (IANA name, e.g. "Europe/Copenhagen"), for the export's times; absent means UTC. */
  timeZone?: string;
}

/** True for an IANA time zone name this runtime knows ("Europe/Copenhagen", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function parseMeta(raw: Record<string, unknown>): Result<Meta> {
  const formatVersion = typeof raw.formatVersion === 'number' ? raw.formatVersion : undefined;
  if (formatVersion === undefined) return fail('board has no format version');
  const title = cleanText(raw.title, TITLE_MAX);
  if (title === undefined) return fail('board has no title');
  const templateId = cleanId(raw.templateId) ?? 'custom';
  const createdAt = cleanTime(raw.createdAt) ?? 0;
  const meta: Meta = { formatVersion, title, templateId, createdAt };
  if (isTimeZone(raw.timeZone)) meta.timeZone = raw.timeZone;
  return ok(meta);
}
