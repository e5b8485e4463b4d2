// Builds a new board's doc from a Scopeboard JSON export: validated as a whole, then written like a carry-forward.
import * as Y from 'yjs';
import { carryForward } from '@shared/doc/carryForward.ts';
import { importBoard } from '@shared/import/boardImport.ts';
import { TITLE_MAX } from '@shared/model/limits.ts';
import { cleanText, cleanTime } from '@shared/model/validate.ts';
import { badRequest, tooLarge } from './errors.ts';
import type { BuiltBoard } from './createFromTemplate.ts';

/** Export time of the file (ISO string or epoch ms), or now when it has none: when the earlier session ended. */
function exportedAt(raw: unknown, now: number): number {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).exportedAt : undefined;
  const time = typeof value === 'string' ? Date.parse(value) : cleanTime(value);
  return time !== undefined && Number.isFinite(time) && time >= 0 ? time : now;
}

/** A 400 (or 413 for more notes than a board holds) naming each field to fix; nothing is built on error. */
export function buildFromImport(
  input: { title?: string; import: unknown },
  createdAt: number,
  maxNotes: number,
): BuiltBoard {
  const result = importBoard(input.import, { maxNotes });
  if (!result.ok) {
    const message = `The board file cannot be imported: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`;
    if (result.tooLarge) throw tooLarge(message, result.issues);
    throw badRequest(message, result.issues);
  }
  const board = result.board;
  const title = cleanText(input.title ?? board.meta?.title, TITLE_MAX) ?? 'Imported board';
  const templateId = board.meta?.templateId ?? 'custom';
  const doc = new Y.Doc();
  carryForward(board, doc, { title, createdAt, templateId, endedAt: exportedAt(input.import, createdAt) }, 'import');
  return { doc, title, templateId };
}
