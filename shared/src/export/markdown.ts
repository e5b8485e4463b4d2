// Scope document -> CommonMark, with every piece of board text escaped so it reads as plain text.
import { walkSections } from './scopeDocument.ts';
import type { ScopeBlock, ScopeComment, ScopeDocument, ScopeNote } from './ScopeModel.ts';

// Characters that open inline syntax anywhere in a line: code, emphasis, links/images, raw HTML/autolinks,
// entities, tables, strikethrough, and ATX headings/blockquotes. Backslash first so escapes stay unambiguous.
const INLINE_SYNTAX = /[\\`*_[\]<>#|~&]/g;
/** What either block-marker rule below can match at the start of a line. */
const BLOCK_START = /^\s*[-+=\d]/;

/** Escapes one line of text so CommonMark (and GFM) shows it literally, wherever the line starts. */
export function escapeMarkdownLine(line: string): string {
  const inline = line.replace(INLINE_SYNTAX, '\\$&');
  // Most lines start with neither a block marker nor a digit: skip the two anchored replaces (a hot path at 20,000 notes).
  if (!BLOCK_START.test(inline)) return inline;
  return (
    inline
      // Block markers at the start of a line: bullet lists, setext underlines, ordered lists ("1." / "1)").
      .replace(/^(\s*)([-+=])/, '$1\\$2')
      .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
  );
}

/**
 * Escapes text that may hold newlines. Each inner line break becomes a hard break ("\" at the end of the line)
 * and the next line is indented by `indent`, so it stays inside the same paragraph or list item.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  // One line (almost every note): no split, no join.
  if (!text.includes('\n') && !text.includes('\r')) return escapeMarkdownLine(text);
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

/** "3 votes · In scope, priority high", or '' when the note has neither. */
export function noteMarks(note: { votes?: number; decision?: { label: string; fromGroup?: boolean } }): string {
  const marks: string[] = [];
  if (note.votes !== undefined) marks.push(`${note.votes} ${note.votes === 1 ? 'vote' : 'votes'}`);
  // A decision the note only carries from its group is shown once, on the group.
  if (note.decision && !note.decision.fromGroup) marks.push(note.decision.label);
  return marks.join(' \u00b7 ');
}

/** Comments as a nested list; `bullet` "+" keeps a group's discussion a list of its own, apart from the notes' "-" list. */
function commentItems(comments: readonly ScopeComment[], baseIndent: string, bullet = '-'): string[] {
  return comments.map((c) => {
    const indent = `${baseIndent}${'  '.repeat(c.depth)}`;
    return `${indent}${bullet} *${escapeInline(c.authorName)}, ${c.time}:* ${escapeMarkdown(c.text, `${indent}  `)}`;
  });
}

function noteItem(note: ScopeNote): string {
  const group = note.groupLabel === undefined ? '' : ` *(group: ${escapeInline(note.groupLabel)})*`;
  const marks = noteMarks(note);
  const line = `- ${escapeMarkdown(note.text, '  ')}${group}${marks ? ` **[${escapeInline(marks)}]**` : ''}`;
  return note.comments.length === 0 ? line : [line, ...commentItems(note.comments, '  ')].join('\n');
}

function draftingNote(text: string): string {
  return `> **Drafting note:** ${escapeInline(text.replace(/^Drafting note: /, ''))}`;
}

function renderBlock(block: ScopeBlock, depth: number): string {
  switch (block.kind) {
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'placeholder':
      return `> **${escapeInline(block.text)}**`;
    case 'draftingNote':
      return draftingNote(block.text);
    case 'notes': {
      const parts = [heading(depth + 1, block.label)];
      if (block.decision) parts.push(`**[${escapeInline(block.decision.label)}]**`);
      if (block.comments.length > 0) parts.push(`Discussion:\n\n${commentItems(block.comments, '', '+').join('\n')}`);
      parts.push(block.notes.map(noteItem).join('\n'));
      return parts.join('\n\n');
    }
    case 'handoffs':
      return `${heading(depth + 1, block.label)}\n\n${block.handoffs
        .map(
          (h) =>
            `- *Rotation ${h.rotation}, ${escapeInline(h.authorName)}, ${h.time}:* ${escapeMarkdown(h.text, '  ')}`,
        )
        .join('\n')}`;
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(escapeInline).join(' | ')} |`;
      const header = block.keyValue ? ['', ''] : block.header;
      return [row(header), `|${header.map(() => ' --- |').join('')}`, ...block.rows.map(row)].join('\n');
    }
  }
}

/**
 * Renders the document as CommonMark: "# title", the document-control table, then one heading per section
 * ("## 1 Mandate", "### 3.1 Scope", ...), drafting notes as quotes, notes as bullet lists with their comments nested.
 */
export function toMarkdown(document: ScopeDocument): string {
  const parts: string[] = [heading(1, document.title), `*${escapeInline(document.subtitle)}*`];
  for (const block of document.front) parts.push(renderBlock(block, 1));
  for (const { section, depth } of walkSections(document)) {
    // Depth 1 sections are "##": "#" is the title.
    parts.push(heading(depth + 1, `${section.number} ${section.title}`));
    for (const block of section.blocks) parts.push(renderBlock(block, depth + 1));
  }
  return `${parts.join('\n\n')}\n`;
}
