// The .docx package made deterministic: core properties and zip entries from the document's own times, and
// heading bookmarks numbered from 1, so the same board exports to the same bytes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isoUtc } from './formatTime.ts';
import type { ScopeDocument } from './ScopeModel.ts';

// XML 1.0 cannot hold most C0 controls or U+FFFE/U+FFFF at all, escaped or not; a note could carry one.
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * docx stamps docProps/core.xml with the wall clock; this replacement uses the board's creation time and the export
 * time instead, so every part of the package is a function of the document (only the zip entries' own timestamps
 * still come from the clock).
 */
export function coreProperties(document: ScopeDocument): string {
  const created = isoUtc(document.records.meta?.createdAt ?? document.exportedAt).replace(/\.\d{3}Z$/, 'Z');
  const modified = isoUtc(document.exportedAt).replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(document.title)}</dc:title>` +
    '<dc:creator>Scopeboard</dc:creator>' +
    `<dc:language>en-GB</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * docx numbers heading bookmarks from a counter that lives as long as the process, and stamps zip entries with the
 * clock. Renumbering the bookmarks from 1 and zipping again with the export time makes the file a function of the
 * document, byte for byte.
 */
export function repack(packed: Uint8Array, exportedAt: number): Uint8Array {
  const files = unzipSync(packed);
  const main = files['word/document.xml'];
  if (main) {
    const xml = strFromU8(main);
    const ids = [...xml.matchAll(/_Toc(\d+)/g)].map((m) => Number(m[1]));
    const offset = ids.length > 0 ? Math.min(...ids) - 1 : 0;
    const renumbered = xml
      .replace(/_Toc(\d+)/g, (_, n: string) => `_Toc${Number(n) - offset}`)
      .replace(
        /(<w:bookmark(?:Start|End)\b[^>]*w:id=")(\d+)"/g,
        (_, head: string, n: string) => `${head}${Number(n) - offset}"`,
      );
    files['word/document.xml'] = strToU8(renumbered);
  }
  const mtime = new Date(Math.max(exportedAt, Date.UTC(1980, 0, 2)));
  return zipSync(
    Object.fromEntries(
      Object.keys(files)
        .sort()
        .map((path) => [path, [files[path] ?? new Uint8Array(), { mtime }]]),
    ),
    { level: 6 },
  );
}
