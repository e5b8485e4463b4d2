// Scope document -> one standalone HTML5 file (inline CSS, print styles with paper size and page numbers), text escaped.
import { noteMarks } from './markdown.ts';
import { walkSections } from './scopeDocument.ts';
import type { ScopeBlock, ScopeComment, ScopeDocument, ScopeNote } from './ScopeModel.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escapes text for a CSS string: everything but plain letters, digits and a few marks becomes a hex escape. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[A-Za-z0-9 .,:;()-]/.test(c) ? c : `\\${(c.codePointAt(0) ?? 0).toString(16)} `)).join('')}"`;
}

const PAGE_SIZES = { a4: 'A4', letter: 'letter' } as const;

function css(document: ScopeDocument): string {
  const header = cssString(`${document.title} \u2014 ${document.control.status}, version ${document.control.version}`);
  return `
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", Roboto, "Noto Sans Arabic", "Noto Sans CJK SC", system-ui, sans-serif;
  line-height: 1.5; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; margin-bottom: 0.25rem; color: #17365d; }
h2 { font-size: 1.6rem; border-bottom: 2px solid #17365d; padding-bottom: 0.2rem; margin-top: 2.2rem; color: #17365d; }
h3 { font-size: 1.3rem; margin-top: 1.6rem; color: #17365d; }
h4 { font-size: 1.12rem; margin: 1.2rem 0 0.3rem; }
h5 { font-size: 1rem; margin: 1rem 0 0.25rem; font-weight: 700; }
h6 { font-size: 0.92rem; margin: 0.9rem 0 0.2rem; font-weight: 700; font-style: italic; color: #333; }
.subtitle { color: #444; font-style: italic; margin-top: 0; }
.placeholder, .drafting-note { border-left: 4px solid #d9a400; background: #fff8e1; padding: 0.3rem 0.75rem; color: #6b4e00; font-style: italic; }
.placeholder { font-weight: 600; }
.notes ul { margin: 0.25rem 0 0.75rem; padding-left: 1.5rem; }
.notes li { margin: 0.15rem 0; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; }
.marks { font-size: 0.85em; font-weight: 600; color: #17365d; background: #e8eef7; border-radius: 0.3em; padding: 0 0.35em; white-space: nowrap; }
ul.comments { list-style: none; padding-left: 1rem; margin: 0.1rem 0; border-left: 2px solid #ccd; font-size: 0.92em; color: #333; }
.comment-by { font-style: italic; color: #555; }
.discussion { margin: 0.2rem 0 0.4rem; }
.notes-observer, .notes-imported { border-left: 4px solid #6b8eb5; background: #f2f6fb; padding: 0.1rem 0.75rem; margin: 0.75rem 0; }
.notes-imported { border-left-color: #7a9a5a; background: #f4f8f0; }
.notes-observer > h4, .notes-observer > h5, .notes-observer > h6, .notes-imported > h4, .notes-imported > h5, .notes-imported > h6 { font-style: italic; text-transform: none; color: #2f4f6f; }
.handoffs { border-left: 4px solid #999; padding: 0.1rem 0.75rem; margin: 0.75rem 0; }
.group-of { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; margin: 0.5rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.time { white-space: nowrap; }
table.control { width: auto; min-width: 50%; }
table.control th { background: #f4f4f4; font-weight: 600; white-space: nowrap; }
@page { size: ${PAGE_SIZES[document.paper]}; margin: 2cm 2cm 2.2cm;
  @top-right { content: ${header}; font-size: 8pt; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  li, tr, .placeholder, .drafting-note { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .placeholder, .drafting-note, .notes-observer, .notes-imported, .marks, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();
}

function heading(depth: number, id: string | undefined, text: string): string {
  const level = Math.min(depth, 6);
  const anchor = id === undefined ? '' : ` id="${escapeHtml(id)}"`;
  return `<h${level}${anchor}>${escapeHtml(text)}</h${level}>`;
}

function comments(list: readonly ScopeComment[]): string {
  if (list.length === 0) return '';
  // Replies are indented by depth; one flat list keeps the markup simple and the order the thread's.
  const items = list.map(
    (c) =>
      `<li style="margin-left:${c.depth * 1.25}rem"><span class="comment-by">${escapeHtml(c.authorName)}, ${escapeHtml(c.time)}:</span> <span class="note" dir="auto">${escapeHtml(c.text)}</span></li>`,
  );
  return `<ul class="comments">${items.join('')}</ul>`;
}

function noteItem(note: ScopeNote): string {
  const group =
    note.groupLabel === undefined
      ? ''
      : ` <span class="group-of">(group: <bdi>${escapeHtml(note.groupLabel)}</bdi>)</span>`;
  const marks = noteMarks(note);
  // dir="auto" lets each note pick its own direction, so Arabic or Hebrew reads right to left inside an English page.
  return `<li><span class="note" dir="auto">${escapeHtml(note.text)}</span>${group}${marks ? ` <span class="marks">${escapeHtml(marks)}</span>` : ''}${comments(note.comments)}</li>`;
}

const TIME_CELL = /^\d{4}-\d{2}-\d{2} |^\d{2}:\d{2}:\d{2}|^\d+ \w+ \d{4}/;

function renderBlock(block: ScopeBlock, depth: number): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p dir="auto">${escapeHtml(block.text).replace(/\r\n|\r|\n/g, '<br>')}</p>`;
    case 'placeholder':
      return `<p class="placeholder drafting-note">${escapeHtml(block.text)}</p>`;
    case 'draftingNote':
      return `<p class="drafting-note">${escapeHtml(block.text)}</p>`;
    case 'notes':
      return [
        `<div class="notes notes-${block.notesKind}">`,
        heading(depth + 1, undefined, block.label),
        ...(block.decision ? [`<p><span class="marks">${escapeHtml(block.decision.label)}</span></p>`] : []),
        ...(block.comments.length > 0 ? [`<div class="discussion">Discussion:${comments(block.comments)}</div>`] : []),
        '<ul>',
        ...block.notes.map(noteItem),
        '</ul>',
        '</div>',
      ].join('\n');
    case 'handoffs':
      return [
        '<div class="handoffs">',
        heading(depth + 1, undefined, block.label),
        '<ul>',
        ...block.handoffs.map(
          (h) =>
            `<li><span class="comment-by">Rotation ${h.rotation}, ${escapeHtml(h.authorName)}, ${escapeHtml(h.time)}:</span> <span class="note" dir="auto">${escapeHtml(h.text)}</span></li>`,
        ),
        '</ul>',
        '</div>',
      ].join('\n');
    case 'table':
      if (block.keyValue) {
        return [
          '<table class="control">',
          ...block.rows.map(
            ([k, v]) =>
              `<tr><th scope="row">${escapeHtml(k ?? '')}</th><td dir="auto">${escapeHtml(v ?? '')}</td></tr>`,
          ),
          '</table>',
        ].join('\n');
      }
      return [
        '<table>',
        `<thead><tr>${block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        // Times and dates never break inside a value.
        ...block.rows.map(
          (row) =>
            `<tr>${row.map((c) => `<td${TIME_CELL.test(c) ? ' class="time"' : ''} dir="auto">${escapeHtml(c)}</td>`).join('')}</tr>`,
        ),
        '</tbody>',
        '</table>',
      ].join('\n');
  }
}

/** Renders the document as one standalone HTML5 page that prints to PDF on the chosen paper, with page numbers. */
export function toHtml(document: ScopeDocument): string {
  const body: string[] = [
    `<h1 dir="auto">${escapeHtml(document.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(document.subtitle)}</p>`,
  ];
  for (const block of document.front) body.push(renderBlock(block, 1));
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
    `<style>\n${css(document)}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
