// Scope document -> CommonMark, with every piece of board text escaped so it reads as plain text.
import { walkSections } from './scopeDocument.ts';
import type { ScopeBlock, ScopeDocument, ScopeNote } from './ScopeModel.ts';

// Characters that open inline syntax anywhere in a line: code, emphasis, links/images, raw HTML/autolinks,
// entities, tables, strikethrough, and ATX headings/blockquotes. Backslash first so escapes stay unambiguous.
const INLINE_SYNTAX = /[\\`*_[\]<>#|~&]/g;

/** Escapes one line of text so CommonMark (and GFM) shows it literally, wherever the line starts. */
export function escapeMarkdownLine(line: string): string {
  return line
    .replace(INLINE_SYNTAX, '\\$&')
    // Block markers at the start of a line: bullet lists, setext underlines, ordered lists ("1." / "1)").
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

/**
 * Escapes text that may hold newlines. Each inner line break becomes a hard break ("\" at the end of the line)
 * and the next line is indented by `indent`, so it stays inside the same paragraph or list item.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .join(`\\\n${indent}`);
}

/** Inline-only contexts (heading text, table cells, emphasis) where no block marker can start: newlines become spaces. */
function escapeInline(text: string): string {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').replace(INLINE_SYNTAX, '\\$&');
}

function heading(depth: number, text: string): string {
  return `${'#'.repeat(Math.min(depth, 6))} ${escapeInline(text)}`;
}

function noteItem(note: ScopeNote): string {
  const group = note.groupLabel === undefined ? '' : ` *(group: ${escapeInline(note.groupLabel)})*`;
  return `- ${escapeMarkdown(note.text, '  ')}${group}`;
}

function renderBlock(block: ScopeBlock, depth: number): string {
  switch (block.kind) {
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'placeholder':
      return `> **${escapeInline(block.text)}**`;
    case 'notes':
      return `${heading(depth + 1, block.label)}\n\n${block.notes.map(noteItem).join('\n')}`;
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(escapeInline).join(' | ')} |`;
      return [row(block.header), `|${block.header.map(() => ' --- |').join('')}`, ...block.rows.map(row)].join('\n');
    }
  }
}

/**
 * Renders the document as CommonMark: "# title", then one heading per section ("## 1 Mandate",
 * "### 3.a Scope", ...), placeholders as "> **To be drafted.**", notes as bullet lists under a labelled heading.
 */
export function toMarkdown(document: ScopeDocument): string {
  const parts: string[] = [heading(1, document.title), `*${escapeInline(document.subtitle)}*`];
  for (const { section, depth } of walkSections(document)) {
    // Depth 1 sections are "##": "#" is the title.
    parts.push(heading(depth + 1, `${section.number} ${section.title}`));
    for (const block of section.blocks) parts.push(renderBlock(block, depth + 1));
  }
  return `${parts.join('\n\n')}\n`;
}
