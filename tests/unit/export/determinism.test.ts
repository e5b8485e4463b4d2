// The same board gives the same bytes; and a large board exports in every format.
import { describe, expect, it } from 'vitest';
import { exportBoard, EXPORT_FORMATS } from '@shared/export/exportBoard.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { csvRecords } from '@shared/import/csvRecords.ts';
import { EXPORTED_AT, goldenDoc, largeBoard } from '../../fixtures/export/fixtureBoard.ts';
import { docxParagraphs, docxParts } from './readExports.ts';

describe('determinism', () => {
  it.each(EXPORT_FORMATS.filter((f) => f !== 'docx'))(
    '%s: two separately built copies of a board export byte-identical',
    async (format) => {
      // Two Y.Docs with different client ids and histories, same content.
      const first = await exportBoard(readBoard(goldenDoc()), format, { exportedAt: EXPORTED_AT });
      const second = await exportBoard(readBoard(goldenDoc()), format, { exportedAt: EXPORTED_AT });
      expect(second).toEqual(first);
    },
  );

  it('docx: byte-identical (bookmarks renumbered, zip entries stamped with the export time)', async () => {
    const bytes = async () =>
      (await exportBoard(readBoard(goldenDoc()), 'docx', { exportedAt: EXPORTED_AT })).body as Uint8Array;
    const first = await bytes();
    expect(docxParts(await bytes())).toEqual(docxParts(first));
    expect(Buffer.from(await bytes()).equals(Buffer.from(first))).toBe(true);
  });
});

describe('a 5,000-note board', () => {
  const board = largeBoard(5000);

  it.each(EXPORT_FORMATS)('exports as %s with every note', async (format) => {
    const file = await exportBoard(board, format, { exportedAt: EXPORTED_AT });
    if (format === 'docx') {
      const xml = docxParts(file.body as Uint8Array)['word/document.xml'] ?? '';
      const noteStyles = ['ListParagraph', 'ObserverInput', 'ImportedInput'];
      expect(docxParagraphs(xml).filter((p) => p.style !== null && noteStyles.includes(p.style))).toHaveLength(5000);
      return;
    }
    const body = file.body as string;
    if (format === 'csv') expect(csvRecords(body.slice(1)).records).toHaveLength(5001);
    if (format === 'json') expect((JSON.parse(body) as { board: { notes: unknown[] } }).board.notes).toHaveLength(5000);
    if (format === 'md') expect(body.match(/^- /gm)).toHaveLength(5000);
    if (format === 'html') expect(body.match(/<li>/g)).toHaveLength(5000);
  });
});
