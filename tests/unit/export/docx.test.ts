// DOCX structure: real heading styles carry the outline, every note is present, special characters are escaped.
import { describe, expect, it } from 'vitest';
import { toDocx } from '../../../shared/src/export/docx.ts';
import { buildScopeDocument } from '../../../shared/src/export/scopeDocument.ts';
import { EXPORTED_AT, goldenBoard } from '../../fixtures/export/fixtureBoard.ts';
import { docxParagraphs, docxParts } from './readExports.ts';

describe('toDocx', async () => {
  const board = goldenBoard();
  const bytes = await toDocx(buildScopeDocument(board, { exportedAt: EXPORTED_AT }));
  const parts = docxParts(bytes);
  const documentXml = parts['word/document.xml'] ?? '';
  const paragraphs = docxParagraphs(documentXml);
  const withStyle = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);

  it('is a zip with a Word main part and a title', () => {
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(documentXml).toContain('<w:body>');
    expect(withStyle('Title')).toEqual(['SSR2 Terms of Reference: Copenhagen']);
  });

  it('puts the numbered outline in Heading1 and Heading2 paragraphs', () => {
    expect(withStyle('Heading1')).toEqual([
      '1 Mandate',
      '2 Background',
      '3 Framework',
      '4 Process',
      '5 Work of the Review Team',
      '6 Deliverables',
      '7 Conflicts of interest',
      '8 Timeline',
      'Appendix A Session record',
    ]);
    expect(withStyle('Heading2')).toEqual([
      '3.a Scope',
      '3.b Data and metrics',
      '3.c ICANN evaluation reports',
      '3.d Definitions',
      '4.a Communications and transparency',
      '4.b ICANN staff input',
      '4.c Community consultations',
      ...board.areas.filter((a) => a.exerciseId === 'ex2').map((a, i) => `5.${i + 1} ${a.title}`),
    ]);
    expect(withStyle('Heading3')).toEqual(
      expect.arrayContaining(board.areas.filter((a) => a.exerciseId === 'ex1').map((a, i) => `3.a.${i + 1} ${a.title}`)),
    );
    expect(withStyle('Heading4')).toContain('Observer input');
    expect(withStyle('Heading4')).toContain('Imported input: Public consultation, 12 March 2017');
  });

  it('has every note as a bullet paragraph (observer notes with their group beside them)', () => {
    const bullets = withStyle('ListParagraph');
    expect(bullets).toHaveLength(board.notes.length);
    for (const note of board.notes) {
      expect(bullets.some((text) => text === note.text || text.startsWith(`${note.text} (group: `))).toBe(true);
    }
    expect(documentXml).toContain('w:numId');
  });

  it('escapes markup in note text instead of writing it into the XML', () => {
    expect(documentXml).not.toContain('<script>');
    expect(documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(documentXml).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('stamps the package with the board and export times, not the wall clock', () => {
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2017-03-15T16:30:00Z</dcterms:modified>');
  });
});
