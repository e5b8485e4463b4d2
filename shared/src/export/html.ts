// Scope document -> one standalone HTML5 file (inline CSS, print styles), every piece of text escaped.
import { walkSections } from './scopeDocument.ts';
import type { ScopeBlock, ScopeDocument, ScopeNote } from './ScopeModel.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif;
  line-height: 1.5; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.4rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.2rem; margin-top: 1.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.subtitle { color: #555; font-style: italic; margin-top: 0; }
.placeholder { border-left: 4px solid #d9a400; background: #fff8e1; padding: 0.3rem 0.75rem; font-weight: 600; }
.notes ul { margin: 0.25rem 0 0.75rem; padding-left: 1.5rem; }
.notes li { margin: 0.15rem 0; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; }
.notes-observer, .notes-imported { border-left: 4px solid #6b8eb5; background: #f2f6fb; padding: 0.1rem 0.75rem; margin: 0.75rem 0; }
.notes-imported { border-left-color: #7a9a5a; background: #f4f8f0; }
.group-of { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  li, tr, .placeholder { break-inside: avoid; page-break-inside: avoid; }
  .placeholder, .notes-observer, .notes-imported, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 2cm; }
}
`.trim();

function heading(depth: number, id: string | undefined, text: string): string {
  const level = Math.min(depth, 6);
  const anchor = id === undefined ? '' : ` id="${escapeHtml(id)}"`;
  return `<h${level}${anchor}>${escapeHtml(text)}</h${level}>`;
}

function noteItem(note: ScopeNote): string {
  const group = note.groupLabel === undefined ? '' : ` <span class="group-of">(group: <bdi>${escapeHtml(note.groupLabel)}</bdi>)</span>`;
  // dir="auto" lets each note pick its own direction, so Arabic or Hebrew reads right to left inside an English page.
  return `<li><span class="note" dir="auto">${escapeHtml(note.text)}</span>${group}</li>`;
}

function renderBlock(block: ScopeBlock, depth: number): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p dir="auto">${escapeHtml(block.text).replace(/\r\n|\r|\n/g, '<br>')}</p>`;
    case 'placeholder':
      return `<p class="placeholder">${escapeHtml(block.text)}</p>`;
    case 'notes':
      return [
        `<div class="notes notes-${block.notesKind}">`,
        heading(depth + 1, undefined, block.label),
        '<ul>',
        ...block.notes.map(noteItem),
        '</ul>',
        '</div>',
      ].join('\n');
    case 'table':
      return [
        '<table>',
        `<thead><tr>${block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...block.rows.map((row) => `<tr>${row.map((c) => `<td dir="auto">${escapeHtml(c)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
  }
}

/** Renders the document as one standalone HTML5 page that prints cleanly to PDF. */
export function toHtml(document: ScopeDocument): string {
  const body: string[] = [`<h1 dir="auto">${escapeHtml(document.title)}</h1>`, `<p class="subtitle">${escapeHtml(document.subtitle)}</p>`];
  for (const { section, depth } of walkSections(document)) {
    // Depth 1 sections are h2: h1 is the title.
    body.push(heading(depth + 1, section.id, `${section.number} ${section.title}`));
    for (const block of section.blocks) body.push(renderBlock(block, depth + 1));
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
