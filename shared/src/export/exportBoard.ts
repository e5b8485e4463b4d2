// One entry point for every export format: board -> scope document -> file name, content type and body.
import type { Board } from '../doc/readBoard.ts';
import { toCsv } from './csv.ts';
import { exportFileName } from './exportFileName.ts';
import { toHtml } from './html.ts';
import { toJson } from './json.ts';
import { toMarkdown } from './markdown.ts';
import { buildScopeDocument, type ScopeDocumentOptions } from './scopeDocument.ts';
import type { ScopeDocument } from './ScopeModel.ts';

export const EXPORT_FORMATS = ['md', 'docx', 'html', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportedFile {
  /** ASCII only: slug of the title, export date (UTC), extension. */
  fileName: string;
  contentType: string;
  /** Text formats are strings (the CSV starts with a BOM); DOCX is bytes. */
  body: Uint8Array | string;
}

const RENDERERS: Record<
  ExportFormat,
  { contentType: string; render: (d: ScopeDocument) => string | Promise<Uint8Array> }
> = {
  md: { contentType: 'text/markdown; charset=utf-8', render: toMarkdown },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    // Loaded on the first DOCX: the docx package and its layout tables cost ~10 MB a server that never exports one keeps.
    render: async (d) => (await import('./docx.ts')).toDocx(d),
  },
  html: { contentType: 'text/html; charset=utf-8', render: toHtml },
  json: { contentType: 'application/json; charset=utf-8', render: toJson },
  csv: { contentType: 'text/csv; charset=utf-8', render: toCsv },
};

/** Exports a board in one format; `options.exportedAt` is the only clock, so the result is reproducible. */
export async function exportBoard(
  board: Board,
  format: ExportFormat,
  options: ScopeDocumentOptions,
): Promise<ExportedFile> {
  const renderer = RENDERERS[format];
  const document = buildScopeDocument(board, options);
  return {
    // The board's own title names the file, so the team finds it by the name they gave the board.
    fileName: exportFileName(board.meta?.title ?? document.title, options.exportedAt, format),
    contentType: renderer.contentType,
    body: await renderer.render(document),
  };
}
