// Brings a scopeboard JSON export of any version this build knows up to the current shape; refuses newer ones in words.
import { EXPORT_JSON_FORMAT, EXPORT_JSON_VERSION } from '../export/json.ts';
import type { ImportIssue } from './boardImport.ts';

/** One step per version: takes an export of version n and returns it as version n + 1. */
const MIGRATIONS: Record<number, (payload: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * The `board` of a current-version export, or the issues that stop the import.
 * Early version 1 exports predate the discussion extension: their missing sections (comments, hand-offs,
 * ground rules) read as empty here rather than failing.
 */
export function migrateExport(
  raw: unknown,
): { ok: true; board: Record<string, unknown> } | { ok: false; issues: ImportIssue[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [
        { path: 'import', message: 'must be the JSON object of a Scopeboard export (the .json file from Export)' },
      ],
    };
  }
  let payload = raw as Record<string, unknown>;
  if (payload.format !== EXPORT_JSON_FORMAT) {
    return {
      ok: false,
      issues: [
        { path: 'import.format', message: `must be "${EXPORT_JSON_FORMAT}": this is not a Scopeboard JSON export` },
      ],
    };
  }
  const version = payload.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [{ path: 'import.version', message: 'must be the whole-number version the export was written with' }],
    };
  }
  if (version > EXPORT_JSON_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: 'import.version',
          message: `the file is export version ${version}, newer than this server reads (up to ${EXPORT_JSON_VERSION}): update Scopeboard, or export again from the board's own server`,
        },
      ],
    };
  }
  for (let at = version; at < EXPORT_JSON_VERSION; at++) {
    const step = MIGRATIONS[at];
    if (!step)
      return {
        ok: false,
        issues: [{ path: 'import.version', message: `export version ${at} cannot be read by this server` }],
      };
    payload = step(payload);
  }
  const board = payload.board;
  if (typeof board !== 'object' || board === null || Array.isArray(board)) {
    return { ok: false, issues: [{ path: 'import.board', message: 'is missing: the export holds no board records' }] };
  }
  const sections = board as Record<string, unknown>;
  return {
    ok: true,
    board: {
      ...sections,
      groundRules: sections.groundRules ?? [],
      comments: sections.comments ?? [],
      handoffs: sections.handoffs ?? [],
    },
  };
}
