// Scope document -> Word (.docx): TOC field, header with title and status, PAGE field in the footer, styles, A4/Letter.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { DOCX_STYLES, PAGE_SIZE, STYLE } from './docxStyles.ts';
import { coreProperties, repack, xmlSafe } from './docxPackage.ts';
import { noteMarks } from './markdown.ts';
import { walkSections } from './scopeDocument.ts';
import type { ScopeBlock, ScopeComment, ScopeDocument, ScopeNote } from './ScopeModel.ts';

/** Above this many notes and comments the page layout for the TOC's numbers takes too long for a download. */
const LAYOUT_MAX_ROWS = 600;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

type RunStyle = { bold?: boolean; italics?: boolean; color?: string };

/** Text runs for text that may hold newlines: each inner line after the first starts with a line break. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, ...style, ...(index > 0 ? { break: 1 } : {}) }));
}

function heading(depth: number, text: string): Paragraph {
  const level = HEADINGS[Math.min(depth, HEADINGS.length) - 1] ?? HeadingLevel.HEADING_6;
  return new Paragraph({ heading: level, children: runs(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ')) });
}

function commentParagraphs(comments: readonly ScopeComment[], baseIndent: number): Paragraph[] {
  return comments.map(
    (c) =>
      new Paragraph({
        style: STYLE.comment,
        indent: { left: baseIndent + c.depth * 360 },
        children: [new TextRun({ text: xmlSafe(`${c.authorName}, ${c.time}: `), italics: true }), ...runs(c.text)],
      }),
  );
}

const NOTE_STYLE = { observer: STYLE.observerInput, imported: STYLE.importedInput } as const;

function noteParagraphs(note: ScopeNote, kind: string): Paragraph[] {
  const children = runs(note.text);
  if (note.groupLabel !== undefined) children.push(...runs(` (group: ${note.groupLabel})`, { italics: true }));
  const marks = noteMarks(note);
  if (marks) children.push(new TextRun({ text: xmlSafe(`  [${marks}]`), bold: true, color: '17365D' }));
  const style = kind === 'observer' || kind === 'imported' ? NOTE_STYLE[kind] : undefined;
  const paragraph = style
    ? new Paragraph({ style, children: [new TextRun({ text: '\u2022\t' }), ...children] })
    : new Paragraph({ bullet: { level: 0 }, children });
  return [paragraph, ...commentParagraphs(note.comments, 1080)];
}

/** A date and time never break inside: non-breaking hyphens in the date, a non-breaking space before the time. */
function unbreakableDate(text: string): string {
  return text.replace(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})/, '$1\u2011$2\u2011$3\u00a0$4');
}

function cell(text: string, isHeader: boolean, widthPct?: number): TableCell {
  return new TableCell({
    ...(widthPct ? { width: { size: widthPct, type: WidthType.PERCENTAGE } } : {}),
    children: [
      new Paragraph({ spacing: { after: 0 }, children: runs(unbreakableDate(text), isHeader ? { bold: true } : {}) }),
    ],
  });
}

/** Column widths (percent) that keep dates and times on one line in the session record. */
function columnWidths(header: readonly string[]): (number | undefined)[] {
  if (header[0] === 'Exercise' && header.length === 8) return [8, 10, 24, 18, 10, 10, 10, 10];
  if (header[0] === 'When' && header.length === 4) return [32, 14, 38, 16];
  return header.map(() => undefined);
}

function renderBlock(block: ScopeBlock, depth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text) })];
    case 'placeholder':
      return [new Paragraph({ style: STYLE.draftingNote, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'draftingNote':
      return [new Paragraph({ style: STYLE.draftingNote, children: runs(block.text) })];
    case 'notes': {
      const isInput = block.notesKind === 'observer' || block.notesKind === 'imported';
      const label = isInput
        ? new Paragraph({ style: STYLE.inputHeading, children: runs(block.label) })
        : heading(depth + 1, block.label);
      const out: Paragraph[] = [label];
      if (block.decision)
        out.push(
          new Paragraph({
            children: [new TextRun({ text: `[${block.decision.label}]`, bold: true, color: '17365D' })],
          }),
        );
      if (block.comments.length > 0) {
        out.push(
          new Paragraph({ children: [new TextRun({ text: 'Discussion:', italics: true })] }),
          ...commentParagraphs(block.comments, 360),
        );
      }
      for (const note of block.notes) out.push(...noteParagraphs(note, block.notesKind));
      return out;
    }
    case 'handoffs':
      return [
        new Paragraph({ style: STYLE.inputHeading, children: runs(block.label) }),
        ...block.handoffs.map(
          (h) =>
            new Paragraph({
              style: STYLE.comment,
              indent: { left: 360 },
              children: [
                new TextRun({ text: xmlSafe(`Rotation ${h.rotation}, ${h.authorName}, ${h.time}: `), italics: true }),
                ...runs(h.text),
              ],
            }),
        ),
      ];
    case 'table': {
      if (block.keyValue) {
        return [
          new Table({
            width: { size: 70, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              ([k, v]) => new TableRow({ children: [cell(k ?? '', true, 30), cell(v ?? '', false, 70)] }),
            ),
          }),
        ];
      }
      const widths = columnWidths(block.header);
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: block.header.map((h, i) => cell(h, true, widths[i])),
            }),
            ...block.rows.map(
              (row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, widths[i])) }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

/**
 * Renders the document as a .docx file: Title, the document-control table, a table of contents (a TOC field over
 * Heading 1 to 3), then Heading 1 to 6 carrying the section numbers. The header repeats the title and status, the
 * footer numbers the pages with a PAGE field. Works in Node and in the browser.
 */
export async function toDocx(document: ScopeDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(document.title) }),
    new Paragraph({ children: runs(document.subtitle, { italics: true }) }),
  ];
  for (const block of document.front) children.push(...renderBlock(block, 1));
  children.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: 'Contents', bold: true, size: 28, color: '17365D' })],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
  );
  for (const { section, depth } of walkSections(document)) {
    children.push(heading(depth, `${section.number} ${section.title}`));
    for (const block of section.blocks) children.push(...renderBlock(block, depth));
  }
  const size = PAGE_SIZE[document.paper];
  const control = document.control;
  const file = new Document({
    title: xmlSafe(document.title),
    creator: 'Scopeboard',
    styles: DOCX_STYLES,
    // Lays the pages out as Word would, so the table of contents has its page numbers in every reader, not only
    // after Word updates the field; a best guess past anything it cannot measure (Arabic, CJK, emoji). Laying out
    // costs about 13 ms a note, so a very large board leaves the numbers to Word, which updates them on opening.
    ...(document.noteRows.length <= LAYOUT_MAX_ROWS
      ? { pageNumbers: estimatePageNumbersWith({ guess: true }) }
      : { features: { updateFields: true } }),
    sections: [
      {
        properties: {
          page: { size, margin: { top: 1247, bottom: 1247, left: 1134, right: 1134, header: 567, footer: 567 } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: xmlSafe(`${document.title} \u2014 ${control.status}, version ${control.version}`),
                    size: 16,
                    color: '555555',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    size: 16,
                    color: '555555',
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const packed = await Packer.pack(file, 'uint8array', false, [
    { path: 'docProps/core.xml', data: coreProperties(document) },
  ]);
  return repack(packed, document.exportedAt);
}
