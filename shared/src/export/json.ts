// Scope document -> JSON: versioned, full fidelity (the board's validated records and the document model).
import { isoUtc } from './formatTime.ts';
import type { ScopeDocument } from './ScopeModel.ts';

export const EXPORT_JSON_FORMAT = 'scopeboard-export';
export const EXPORT_JSON_VERSION = 1;

/**
 * Renders `{"format": "scopeboard-export", "version": 1, "exportedAt", "board", "document"}`, two-space indented.
 * `board` holds every validated record (including the session and the records readBoard skipped, with why);
 * `document` is the scope-document model the other formats render.
 */
export function toJson(document: ScopeDocument): string {
  const { records, ...model } = document;
  const payload = {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    exportedAt: isoUtc(document.exportedAt),
    board: records,
    document: model,
  };
  return `${JSON.stringify(payload, null, 2)}\n`;
}
