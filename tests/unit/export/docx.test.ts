// DOCX structure: heading styles carry the outline, every note is present, TOC, header/footer fields, page size, language.
import { describe, expect, it } from 'vitest';
import { toDocx } from '@shared/export/docx.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { EXPORTED_AT, goldenBoard } from '../../fixtures/export/fixtureBoard.ts';
import { docxParagraphs, docxParts } from './readExports.ts';
import { ssr2Copenhagen } from '@shared/templates/ssr2Copenhagen.ts';

const NOTE_STYLES = ['ListParagraph', 'ObserverInput', 'ImportedInput'];

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
    expect(withStyle('Title')).toEqual(['SSR2 Review Team: Terms of Reference and Work Plan']);
  });

  it('puts the numbered outline in Heading1 to Heading3 paragraphs, numbered with digits throughout', () => {
    expect(withStyle('Heading1')).toEqual([
      '1 Mandate',
      '2 Background',
      '3 Framework',
      '4 Process',
      '5 Work of the Review Team',
      '6 Deliverables',
      '7 Conflicts of interest',
      '8 Timeline',
      '9 Work Plan',
      'Appendix A Other ideas raised',
      'Appendix B Session record',
    ]);
    expect(withStyle('Heading2')).toEqual(
      expect.arrayContaining([
        '3.1 Scope',
        '3.2 Data and metrics',
        '3.3 ICANN evaluation reports',
        '3.4 Definitions',
        '4.1 Communications and transparency',
        '4.2 ICANN staff input',
        '4.3 Community consultations',
        '5.1 Decision-making',
        '5.2 Meetings',
        '5.3 Reporting',
        '5.4 Participation',
        '5.5 Tools and means of communication',
        '5.6 Indicators and metrics',
        '6.1 Interim recommendations',
        '6.2 Findings',
        '6.3 Final recommendations',
        '6.4 Recommendations to the next review team',
        '9.1 Work plan, budget and outside expertise',
      ]),
    );
    expect(withStyle('Heading3')).toEqual(
      expect.arrayContaining([
        '3.1.1 Security, stability and resiliency of the unique identifiers',
        '5.1.1 Leadership and decision-making',
      ]),
    );
  });

  it('marks observer and imported input with their own styles, never a heading style', () => {
    expect(withStyle('InputHeading')).toEqual(
      expect.arrayContaining(['Observer input', 'Imported input: Public consultation, 12 March 2017']),
    );
    for (const level of ['Heading4', 'Heading5', 'Heading6']) expect(withStyle(level)).not.toContain('Observer input');
    expect(parts['word/styles.xml']).toMatch(/<w:style [^>]*w:styleId="InputHeading"/);
    expect(parts['word/styles.xml']).toMatch(/<w:style [^>]*w:styleId="ObserverInput"/);
    expect(parts['word/styles.xml']).toMatch(/<w:style [^>]*w:styleId="ImportedInput"/);
  });

  it('has every note once, and every comment and hand-off with its author', () => {
    const notes = paragraphs
      .filter((p) => p.style !== null && NOTE_STYLES.includes(p.style))
      .map((p) => p.text.replace(/^\u2022\t/, ''));
    expect(notes).toHaveLength(board.notes.length);
    for (const note of board.notes)
      expect(
        notes.some(
          (text) => text === note.text || text.startsWith(`${note.text} `) || text.startsWith(`${note.text}  [`),
        ),
      ).toBe(true);
    const comments = withStyle('Comment');
    for (const comment of board.comments)
      expect(comments.some((c) => c.startsWith(`${comment.authorName}, `) && c.endsWith(comment.text))).toBe(true);
    for (const handoff of board.handoffs)
      expect(comments.some((c) => c.includes(handoff.authorName) && c.endsWith(handoff.text))).toBe(true);
  });

  it('has a table of contents field over headings 1 to 3', () => {
    expect(documentXml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(documentXml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
  });

  it('numbers the pages with a PAGE field in the footer and repeats title and status in the header', () => {
    const footer = Object.entries(parts).find(([path]) => /^word\/footer\d*\.xml$/.test(path))?.[1] ?? '';
    const header = Object.entries(parts).find(([path]) => /^word\/header\d*\.xml$/.test(path))?.[1] ?? '';
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(header).toContain('SSR2 Review Team: Terms of Reference and Work Plan \u2014 Draft, version 0.1');
    expect(documentXml).toMatch(/<w:footerReference [^>]*w:type="default"/);
  });

  it('sets the document language and the drafting-note style', () => {
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
    expect(parts['word/styles.xml']).toMatch(
      /<w:style [^>]*w:styleId="DraftingNote"[\s\S]*?<w:name w:val="Drafting Note"\/>/,
    );
    expect(withStyle('DraftingNote')).toContain(ssr2Copenhagen.documentDefaults!.mandateNote!);
    expect(withStyle('DraftingNote')).toContain('To be drafted.');
  });

  it('is A4 by default and US Letter on request', async () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const letter =
      docxParts(await toDocx(buildScopeDocument(board, { exportedAt: EXPORTED_AT, paper: 'letter' })))[
        'word/document.xml'
      ] ?? '';
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });

  it('leaves every drafting note and placeholder out in one step (drafting: omit)', async () => {
    const final = docxParts(
      await toDocx(
        buildScopeDocument(board, { exportedAt: EXPORTED_AT, drafting: 'omit', status: 'final', version: '1.0' }),
      ),
    );
    const xml = final['word/document.xml'] ?? '';
    expect(xml).not.toContain('w:val="DraftingNote"');
    expect(xml).not.toContain('To be drafted.');
    expect(Object.entries(final).find(([path]) => /^word\/header\d*\.xml$/.test(path))?.[1]).toContain(
      'Final, version 1.0',
    );
  });

  it('escapes markup in note text instead of writing it into the XML', () => {
    expect(documentXml).not.toContain('<script>');
    expect(documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(documentXml).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('stamps the package with the board and export times, not the wall clock', () => {
    expect(parts['docProps/core.xml']).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2017-03-15T16:30:00Z</dcterms:modified>',
    );
  });
});
