// Scope document -> CSV: one row per note or comment across the whole board, RFC 4180, UTF-8 with BOM, formula-safe.
import { isoUtc } from './formatTime.ts';
import type { ScopeDocument } from './ScopeModel.ts';

/**
 * The header row, in column order. `kind` is "note" or "comment" (comments and replies follow their note; a group's
 * comments follow the station's notes). `votes` is empty for a note never in a revealed dot vote.
 */
export const CSV_COLUMNS = [
  'kind',
  'exercise',
  'station_number',
  'station_reference',
  'station',
  'group',
  'text',
  'author_name',
  'author_role',
  'source',
  'votes',
  'comments',
  'decision',
  'priority',
  'created_at',
  'note_id',
  'about_id',
  'parent_id',
] as const;

/** Byte order mark: tells Excel the file is UTF-8, so Arabic, Chinese and Cyrillic show as written. */
const BOM = '\uFEFF';

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and CR too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starts neutralised with a leading apostrophe, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Renders every note and comment of the board, in document order (exercise, station, creation time), as CSV text with a BOM. */
export function toCsv(document: ScopeDocument): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of document.noteRows) {
    const cells = [
      row.kind,
      row.exercise,
      String(row.stationNumber),
      row.stationReference,
      row.station,
      row.group,
      row.text,
      row.authorName,
      row.authorRole,
      row.source,
      row.votes === undefined ? '' : String(row.votes),
      row.comments === undefined ? '' : String(row.comments),
      row.decision,
      row.priority,
      isoUtc(row.createdAt),
      row.id,
      row.aboutId,
      row.parentId,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  // RFC 4180: CRLF after every record, the last one included.
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
