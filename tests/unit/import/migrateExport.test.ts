// Export migration: older versions are brought up one step at a time; newer ones and broken steps are refused in words.
// Version 1 is the only export version there has been, so the step tables here are SYNTHETIC: a made-up version 1
// whose notes were called "stickies" and a made-up version 2 without `groundRules`, to show that steps chain in order.

import { describe, expect, it } from 'vitest';
import { readBoard } from '@shared/doc/readBoard.ts';
import { exportBoard } from '@shared/export/exportBoard.ts';
import { EXPORT_JSON_VERSION } from '@shared/export/json.ts';
import { EXPORT_MIGRATIONS, migrateExport, migrateExportWith, type Migrations } from '@shared/import/migrateExport.ts';
import { EXPORTED_AT, goldenDoc } from '../../fixtures/export/fixtureBoard.ts';

async function currentExport(): Promise<any> {
  const file = await exportBoard(readBoard(goldenDoc()), 'json', { exportedAt: EXPORTED_AT });
  return JSON.parse(file.body as string);
}

/** A synthetic three-version history: 1 -> 2 renames stickies to notes, 2 -> 3 adds the ground rules. */
const synthetic: Migrations = {
  version: 3,
  steps: {
    1: (payload) => {
      const { stickies, ...board } = payload.board as Record<string, unknown>;
      return { ...payload, version: 2, board: { ...board, notes: stickies } };
    },
    2: (payload) => ({
      ...payload,
      version: 3,
      board: { ...(payload.board as object), groundRules: ['added by step 2'] },
    }),
  },
};

describe('migrateExport', () => {
  it('has a step for every version older than the one it writes', () => {
    expect(EXPORT_MIGRATIONS.version).toBe(EXPORT_JSON_VERSION);
    for (let v = 1; v < EXPORT_JSON_VERSION; v++)
      expect(EXPORT_MIGRATIONS.steps[v], `step from ${v}`).toBeTypeOf('function');
  });

  it('reads a current export as it is', async () => {
    const json = await currentExport();
    const result = migrateExport(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.board.notes).toEqual(json.board.notes);
  });

  it('brings an older version up step by step, in order', async () => {
    const json = await currentExport();
    const { notes, groundRules: _dropped, ...rest } = json.board;
    const old = { ...json, version: 1, board: { ...rest, stickies: notes } };
    const result = migrateExportWith(old, synthetic);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.board.notes).toEqual(notes);
    expect(result.board.stickies).toBeUndefined();
    expect(result.board.groundRules).toEqual(['added by step 2']);
    // A version-2 file takes only the second step.
    const two = migrateExportWith({ ...json, version: 2 }, synthetic);
    expect(two.ok && two.board.groundRules).toEqual(['added by step 2']);
    expect(two.ok && two.board.notes).toEqual(notes);
  });

  it('refuses a newer version, a missing step and a file whose shape a step cannot read, in words', async () => {
    const json = await currentExport();
    const newer = migrateExportWith({ ...json, version: 4 }, synthetic);
    expect(newer).toMatchObject({ ok: false, issues: [{ path: 'import.version' }] });
    if (!newer.ok) expect(newer.issues[0]!.message).toMatch(/version 4, newer than this server reads \(up to 3\)/);

    const gap = migrateExportWith({ ...json, version: 1 }, { version: 3, steps: { 2: synthetic.steps[2]! } });
    expect(gap).toMatchObject({ ok: false, issues: [{ path: 'import.version' }] });
    if (!gap.ok) expect(gap.issues[0]!.message).toMatch(/version 1 cannot be read/);

    const broken = migrateExportWith({ ...json, version: 1, board: null }, synthetic);
    expect(broken).toMatchObject({ ok: false, issues: [{ path: 'import.board' }] });
    if (!broken.ok) expect(broken.issues[0]!.message).toMatch(/shape of an export version 1/);
  });
});
