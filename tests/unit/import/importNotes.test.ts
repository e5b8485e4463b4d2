// importNotes: imported lines become notes of one station, marked with their source, in one transaction.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBoard } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { importNotes } from '@shared/import/importNotes.ts';
import { parseImportText } from '@shared/import/parseImport.ts';
import { ssr2Copenhagen } from '@shared/templates/ssr2Copenhagen.ts';

const author = { id: 'f-pat', name: 'Pat', role: 'facilitator' as const };
const source = 'Public consultation, 12 March 2017';

function board() {
  const doc = new Y.Doc();
  createBoard(doc, ssr2Copenhagen, { title: 'Import', createdAt: 0 });
  return doc;
}

describe('importNotes', () => {
  it('writes every line with its source, in input order, in one transaction with origin import', () => {
    const doc = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const { lines } = parseImportText(
      'Will the review cover DNS software?\nHow will the review incorporate youth perspective?\nWill compliance issues be addressed?',
      'txt',
    );
    const result = importNotes(doc, { areaId: 'ex1-a4', lines, source, author, now: 5000 });
    expect(result.ok).toBe(true);
    expect(origins).toEqual(['import']);
    const notes = readBoard(doc).notes;
    expect(notes.map((n) => [n.text, n.source, n.areaId, n.authorRole, n.createdAt])).toEqual([
      ['Will the review cover DNS software?', source, 'ex1-a4', 'facilitator', 5000],
      ['How will the review incorporate youth perspective?', source, 'ex1-a4', 'facilitator', 5001],
      ['Will compliance issues be addressed?', source, 'ex1-a4', 'facilitator', 5002],
    ]);
  });

  it.each([
    ['unknown station', { areaId: 'nope' }],
    ['no source', { source: '   ' }],
    ['source too long', { source: 's'.repeat(121) }],
    ['no lines', { lines: [] }],
    [
      'a line over the limit',
      {
        lines: [
          { text: 'ok', lineNumber: 1 },
          { text: 'x'.repeat(281), lineNumber: 2 },
        ],
      },
    ],
    ['a bad author', { author: { id: '', name: 'Nobody', role: 'participant' as const } }],
  ])('refuses %s and writes nothing', (_, override) => {
    const doc = board();
    const result = importNotes(doc, {
      areaId: 'ex1-a1',
      lines: [{ text: 'fine', lineNumber: 1 }],
      source,
      author,
      now: 1,
      ...override,
    });
    expect(result.ok).toBe(false);
    expect(readBoard(doc).notes).toEqual([]);
  });
});
