// Outside input (a consultation's points, an email) -> candidate notes, one per line or CSV row, checked against the note limit.
import { NOTE_TEXT_MAX } from '../model/limits.ts';
import { textLength } from '../model/validate.ts';
import { csvRecords } from './csvRecords.ts';

export type ImportKind = 'txt' | 'csv';

export interface ImportLine {
  text: string;
  /** 1-based line of the input where the text starts. */
  lineNumber: number;
}

export interface ImportError {
  lineNumber: number;
  message: string;
}

export interface ImportParse {
  lines: ImportLine[];
  errors: ImportError[];
}

/** Header names (case-insensitive) that mark the CSV column holding the notes. */
const TEXT_COLUMNS = ['text', 'note'];

function candidate(raw: string, lineNumber: number, out: ImportParse): void {
  const text = raw.trim();
  if (text === '') return;
  const length = textLength(text);
  if (length > NOTE_TEXT_MAX) {
    // Refused rather than cut: a cut idea changes its meaning, and the person importing should decide how to split it.
    out.errors.push({
      lineNumber,
      message: `Line ${lineNumber} is ${length} characters; notes hold at most ${NOTE_TEXT_MAX}. Shorten or split it.`,
    });
    return;
  }
  out.lines.push({ text, lineNumber });
}

function parseCsv(text: string, out: ImportParse): void {
  const { records, unterminatedAt } = csvRecords(text);
  const header = records[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const named = header.findIndex((name) => TEXT_COLUMNS.includes(name));
  const column = named >= 0 ? named : 0;
  for (const record of named >= 0 ? records.slice(1) : records) {
    candidate(record.fields[column] ?? '', record.lineNumber, out);
  }
  if (unterminatedAt !== null) {
    out.errors.push({
      lineNumber: unterminatedAt,
      message: `Line ${unterminatedAt} opens a quoted field that never closes; nothing from there on was read.`,
    });
  }
}

/**
 * Parses pasted or uploaded text into candidate notes. `txt`: each non-empty line is a note. `csv` (RFC 4180): the
 * column named "text" or "note" when the first row names one, else the first column of every row. A byte order
 * mark is dropped, blank lines and cells are skipped, and text over the note limit is refused with the line number.
 */
export function parseImportText(text: string, kind: ImportKind): ImportParse {
  const out: ImportParse = { lines: [], errors: [] };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (kind === 'csv') parseCsv(body, out);
  else body.split(/\r\n|\r|\n/).forEach((line, index) => candidate(line, index + 1, out));
  out.errors.sort((a, b) => a.lineNumber - b.lineNumber);
  return out;
}
