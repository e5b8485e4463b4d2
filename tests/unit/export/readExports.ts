// Test helpers that read exports back: DOCX paragraphs (via fflate), Markdown unescaping, HTML note spans.
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParagraph {
  style: string | null;
  text: string;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Unzips a .docx and returns its parts as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/** The paragraphs of word/document.xml: style id and text, with <w:br/> read as "\n". */
export function docxParagraphs(documentXml: string): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  for (const match of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const xml = match[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null;
    let text = '';
    for (const piece of xml.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)) {
      text += piece[0] === '<w:br/>' ? '\n' : unescapeXml(piece[1] ?? '');
    }
    paragraphs.push({ style, text });
  }
  return paragraphs;
}

/** Undoes Markdown escaping of one bullet item: hard breaks back to newlines, backslash escapes dropped. */
export function unescapeMarkdownItem(item: string): string {
  return item
    .replace(/^- /, '')
    .replace(/\\\n {2}/g, '\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The Markdown bullet items of a document, each with its continuation lines. */
export function markdownItems(markdown: string): string[] {
  // Continuation lines are indented by two spaces; a nested "- " item is a comment, not part of the note.
  return markdown.match(/^- .*(?:\n {2}(?! *- ).*)*/gm) ?? [];
}

/** ASCII punctuation that is still active in a Markdown line once its backslash escapes are taken out. */
export function activeMarkdownSyntax(item: string): string[] {
  // Our own hard breaks ("\" before a newline) are structure, not note text.
  const unescaped = item.replace(/\\\n/g, '\n').replace(/\\[!-/:-@[-`{-~]/g, '');
  return [...unescaped.matchAll(/[\\`*_[\]<>#|~&]/g)].map((m) => m[0]);
}

/** The text of every note span in the HTML, entity-decoded. */
export function htmlNotes(html: string): string[] {
  return [...html.matchAll(/<span class="note" dir="auto">([\s\S]*?)<\/span>/g)].map((m) =>
    unescapeXml((m[1] ?? '').replace(/&#39;/g, "'")),
  );
}
