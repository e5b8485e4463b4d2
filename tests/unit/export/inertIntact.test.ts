// Tricky note text (scripts, markup, formulas, RTL, emoji, newlines) comes out of every format intact and inert.
import { describe, expect, it } from 'vitest';
import { toCsv } from '@shared/export/csv.ts';
import { toDocx } from '@shared/export/docx.ts';
import { toHtml } from '@shared/export/html.ts';
import { toJson } from '@shared/export/json.ts';
import { toMarkdown } from '@shared/export/markdown.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { csvRecords } from '@shared/import/csvRecords.ts';
import { EXPORTED_AT, goldenBoard, TRICKY_TEXTS } from '../../fixtures/export/fixtureBoard.ts';
import {
  activeMarkdownSyntax,
  docxParagraphs,
  docxParts,
  htmlNotes,
  markdownItems,
  unescapeMarkdownItem,
} from './readExports.ts';

const document = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT });

describe.each(TRICKY_TEXTS.map((text) => [JSON.stringify(text), text]))('note %s', (_, text) => {
  it('Markdown: recoverable, with no active inline syntax and no block marker at a line start', () => {
    const item = markdownItems(toMarkdown(document)).find((candidate) => unescapeMarkdownItem(candidate) === text);
    expect(item, 'no bullet item reads back as the note').toBeDefined();
    expect(activeMarkdownSyntax(item ?? '')).toEqual([]);
    for (const line of (item ?? '').split('\n')) {
      const content = line.replace(/^(- | {2})/, '');
      expect(content).not.toMatch(/^\s*(?:[-+=>#]|\d+[.)]|`{3}|~{3})/);
    }
  });

  it('HTML: recoverable from an escaped span, no tag of its own', () => {
    const html = toHtml(document);
    expect(htmlNotes(html)).toContain(text);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(?:href|src|on\w+)=/i);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase());
    const allowed = new Set([
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'p',
      'div',
      'ul',
      'li',
      'span',
      'bdi',
      'br',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ]);
    expect(tags.filter((tag) => !allowed.has(tag ?? ''))).toEqual([]);
  });

  it('CSV: one RFC 4180 field that reads back (apostrophe guard aside), never a live formula', () => {
    const csv = toCsv(document);
    const { records, unterminatedAt } = csvRecords(csv.slice(1));
    expect(unterminatedAt).toBeNull();
    const cells = records.map((r) => r.fields[6] ?? '');
    const recovered = cells.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell));
    expect(recovered).toContain(text);
    for (const record of records) for (const field of record.fields) expect(field).not.toMatch(/^[=+\-@]/);
  });

  it('JSON: the same text in the records and in the document model', () => {
    const parsed = JSON.parse(toJson(document)) as {
      board: { notes: { text: string }[] };
      document: { noteRows: { text: string }[] };
    };
    expect(parsed.board.notes.map((n) => n.text)).toContain(text);
    expect(parsed.document.noteRows.map((n) => n.text)).toContain(text);
  });

  it('DOCX: one bullet paragraph with exactly the text', async () => {
    const xml = docxParts(await toDocx(document))['word/document.xml'] ?? '';
    expect(
      docxParagraphs(xml)
        .filter((p) => p.style === 'ListParagraph')
        .map((p) => p.text),
    ).toContain(text);
  });
});

describe('CSV file shape', () => {
  it('starts with a BOM, ends every record with CRLF and has one row per note and per comment', () => {
    const csv = toCsv(document);
    expect(
      csv.startsWith(
        '\uFEFFkind,exercise,station_number,station_reference,station,group,text,author_name,author_role,source,votes,comments,decision,priority,created_at,note_id,about_id,parent_id\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Bare LFs only appear inside quoted note text.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csvRecords(csv.slice(1)).records).toHaveLength(
      document.records.notes.length + document.records.comments.length + 1,
    );
  });
});
