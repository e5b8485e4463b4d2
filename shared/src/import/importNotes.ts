// Writes imported lines as notes of one station, each marked with its source, in one transaction.
import type * as Y from 'yjs';
import { boardMaps, type Origin } from '../doc/boardDoc.ts';
import { addNote, type Author } from '../doc/ops.ts';
import { parseNote, SOURCE_MAX, type Note } from '../model/Note.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { cleanText } from '../model/validate.ts';
import type { ImportLine } from './parseImport.ts';

export interface ImportNotesInput {
  areaId: string;
  lines: readonly ImportLine[];
  /** Where the input came from, e.g. "Public consultation, 12 March 2017"; required, 1 to SOURCE_MAX characters. */
  source: string;
  /** Who imports (usually the facilitator); recorded as the notes' author. */
  author: Author;
  /** Server epoch ms; note i gets now + i, so the notes keep the input's order. */
  now: number;
}

/**
 * Adds every line as a note of `areaId` carrying `source`, all in one transaction with origin 'import'. Everything is
 * checked first, so either all lines become notes or none do.
 */
export function importNotes(doc: Y.Doc, input: ImportNotesInput): Result<Note[]> {
  if (!boardMaps(doc).areas.has(input.areaId)) return fail('that station does not exist on this board');
  const source = cleanText(input.source, SOURCE_MAX);
  if (source === undefined) return fail(`say where the input comes from (1 to ${SOURCE_MAX} characters)`);
  if (input.lines.length === 0) return fail('there is nothing to import');
  // A dry run of the note validator over every line (author included): nothing is written unless all pass.
  for (const [index, line] of input.lines.entries()) {
    const { author } = input;
    const checked = parseNote({
      id: 'dry-run',
      areaId: input.areaId,
      text: line.text.trim(),
      authorId: author.id,
      authorName: author.name,
      authorRole: author.role,
      createdAt: input.now + index,
      source,
    });
    if (!checked.ok) return fail(`line ${line.lineNumber}: ${checked.reason}`);
  }

  const notes: Note[] = [];
  let failure: string | undefined;
  // addNote's own transactions nest into this one, so peers receive the whole import as one update.
  doc.transact(() => {
    input.lines.forEach((line, index) => {
      const result = addNote(
        doc,
        { areaId: input.areaId, text: line.text, author: input.author, createdAt: input.now + index, source },
        'import',
      );
      if (result.ok) notes.push(result.value);
      else failure ??= `line ${line.lineNumber}: ${result.reason}`;
    });
  }, 'import' satisfies Origin);
  return failure === undefined ? ok(notes) : fail(failure);
}
