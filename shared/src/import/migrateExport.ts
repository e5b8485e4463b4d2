// Brings a scopeboard JSON export of any version this build knows up to the current shape; refuses newer ones in words.
import { EXPORT_JSON_FORMAT, EXPORT_JSON_VERSION } from '../export/json.ts';
import type { ImportIssue } from './boardImport.ts';

/** Takes an export of version n and returns it as version n + 1. */
export type MigrationStep = (payload: Record<string, unknown>) => Record<string, unknown>;

/** The version this build writes, and one step per older version, keyed by the version it reads. */
export interface Migrations {
  version: number;
  steps: Readonly<Record<number, MigrationStep>>;
}

/**
 * Version 1 is the only export version there has been (docs/board-format.md), so there are no steps yet. The next
 * change of the export's shape bumps EXPORT_JSON_VERSION and adds the step from 1 here.
 */
export const EXPORT_MIGRATIONS: Migrations = { version: EXPORT_JSON_VERSION, steps: {} };

export type MigrationResult = { ok: true; board: Record<string, unknown> } | { ok: false; issues: ImportIssue[] };

/**
 * The `board` of a current-version export, or the issues that stop the import.
 * Early version 1 exports predate the discussion extension: their missing sections (comments, hand-offs,
 * ground rules) read as empty here rather than failing.
 */
export function migrateExport(raw: unknown): MigrationResult {
  return migrateExportWith(raw, EXPORT_MIGRATIONS);
}

/** migrateExport with its table of steps passed in: each older version is brought up one step at a time. */
export function migrateExportWith(raw: unknown, migrations: Migrations): MigrationResult {
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
  if (version > migrations.version) {
    return {
      ok: false,
      issues: [
        {
          path: 'import.version',
          message: `the file is export version ${version}, newer than this server reads (up to ${migrations.version}): update Scopeboard, or export again from the board's own server`,
        },
      ],
    };
  }
  for (let at = version; at < migrations.version; at++) {
    const step = migrations.steps[at];
    if (!step)
      return {
        ok: false,
        issues: [{ path: 'import.version', message: `export version ${at} cannot be read by this server` }],
      };
    try {
      payload = step(payload);
    } catch {
      // A step reads an old shape it expects; a file that only claims that version is refused, not crashed on.
      return {
        ok: false,
        issues: [
          {
            path: 'import.board',
            message: `does not have the shape of an export version ${at}: export it again from its board`,
          },
        ],
      };
    }
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
