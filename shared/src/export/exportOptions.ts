// Export options a facilitator chooses (paper, document control, drafting notes, time zone), read from a query string.
import { isTimeZone } from '../model/Meta.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import {
  checkDocumentOwner,
  checkDocumentVersion,
  isDocumentStatus,
  STATUS_REFUSAL,
  type DocumentStatus,
} from '../model/documentControl.ts';

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

export { DOCUMENT_STATUSES, type DocumentStatus } from '../model/documentControl.ts';

export interface ExportChoices {
  /** A4 by default; US Letter on request. */
  paper?: Paper;
  status?: DocumentStatus;
  /** "0.1" by default. */
  version?: string;
  /** The document's owner; defaults to the board's first facilitator. */
  owner?: string;
  /** 'omit' leaves drafting notes and placeholders out (the Final copy). */
  drafting?: 'show' | 'omit';
  /** 'omit' leaves author names out of the CSV (an anonymous board). */
  authors?: 'show' | 'omit';
  /** IANA zone for the document's times; defaults to the board's, then UTC. */
  timeZone?: string;
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Reads `paper`, `status`, `version`, `owner`, `drafting`, `authors` and `timeZone` from a query string; anything
 * present but invalid is refused in words, so a typo is not silently ignored.
 */
export function parseExportChoices(params: URLSearchParams): Result<ExportChoices> {
  const choices: ExportChoices = {};
  const paper = params.get('paper');
  if (paper !== null) {
    if (!isOneOf(PAPERS, paper)) return fail('Paper must be "a4" or "letter".');
    choices.paper = paper;
  }
  const status = params.get('status');
  if (status !== null) {
    if (!isDocumentStatus(status)) return fail(STATUS_REFUSAL);
    choices.status = status;
  }
  const version = params.get('version');
  if (version !== null) {
    const checked = checkDocumentVersion(version);
    if (!checked.ok) return checked;
    choices.version = checked.value;
  }
  const owner = params.get('owner');
  if (owner !== null && owner.trim() !== '') {
    const checked = checkDocumentOwner(owner);
    if (!checked.ok) return checked;
    choices.owner = checked.value;
  }
  for (const key of ['drafting', 'authors'] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (value !== 'show' && value !== 'omit')
      return fail(`${key === 'drafting' ? 'Drafting notes' : 'Authors'} must be "show" or "omit".`);
    choices[key] = value;
  }
  const timeZone = params.get('timeZone');
  if (timeZone !== null) {
    if (!isTimeZone(timeZone)) return fail('The time zone must be a name such as "Europe/Copenhagen" or "UTC".');
    choices.timeZone = timeZone;
  }
  return ok(choices);
}

/** The same choices as query parameters (for the client's download and print links). */
export function exportChoicesQuery(choices: ExportChoices): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(choices))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}
