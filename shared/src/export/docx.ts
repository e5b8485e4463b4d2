// Scope document -> Word (.docx) with the docx package: real heading styles, numbered headings, notes as bullets.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { isoUtc } from './formatTime.ts';
import { walkSections } from './scopeDocument.ts';
import type { ScopeBlock, ScopeDocument, ScopeNote } from './ScopeModel.ts';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// XML 1.0 cannot hold most C0 controls or U+FFFE/U+FFFF at all, escaped or not; a note could carry one.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** Text runs for text that may hold newlines: each inner line after the first starts with a line break. */
function runs(text: string, style: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, ...style, ...(index > 0 ? { break: 1 } : {}) }));
}

function heading(depth: number, text: string): Paragraph {
  const level = HEADINGS[Math.min(depth, HEADINGS.length) - 1] ?? HeadingLevel.HEADING_6;
  return new Paragraph({ heading: level, children: runs(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ')) });
}

function noteParagraph(note: ScopeNote): Paragraph {
  const children = runs(note.text);
  if (note.groupLabel !== undefined) children.push(...runs(` (group: ${note.groupLabel})`, { italics: true }));
  return new Paragraph({ bullet: { level: 0 }, children });
}

function cell(text: string, isHeader: boolean): TableCell {
  return new TableCell({ children: [new Paragraph({ children: runs(text, isHeader ? { bold: true } : {}) })] });
}

function renderBlock(block: ScopeBlock, depth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text) })];
    case 'placeholder':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true, highlight: 'yellow' })] })];
    case 'notes':
      return [heading(depth + 1, block.label), ...block.notes.map(noteParagraph)];
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) }),
            ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
          ],
        }),
      ];
  }
}

function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * docx stamps docProps/core.xml with the wall clock; this replacement uses the board's creation time and the export
 * time instead, so every part of the package is a function of the document (only the zip entries' own timestamps
 * still come from the clock).
 */
function coreProperties(document: ScopeDocument): string {
  const created = isoUtc(document.records.meta?.createdAt ?? document.exportedAt).replace(/\.\d{3}Z$/, 'Z');
  const modified = isoUtc(document.exportedAt).replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(document.title)}</dc:title>` +
    '<dc:creator>Scopeboard</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Renders the document as a .docx file: a Title, then Heading 1 to 3 (and 4 to 6 for note lists) carrying the
 * section numbers, so Word's navigation pane shows the outline. Works in Node and in the browser.
 */
export async function toDocx(document: ScopeDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(document.title) }),
    new Paragraph({ children: runs(document.subtitle, { italics: true }) }),
  ];
  for (const { section, depth } of walkSections(document)) {
    children.push(heading(depth, `${section.number} ${section.title}`));
    for (const block of section.blocks) children.push(...renderBlock(block, depth));
  }
  const file = new Document({
    title: xmlSafe(document.title),
    creator: 'Scopeboard',
    sections: [{ children }],
  });
  return Packer.pack(file, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(document) }]);
}
