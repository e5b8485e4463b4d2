// PostgreSQL as an operator meets it: damaged rows found at start-up and refused with 503 (rows from before
// checksums are served), `npm run backup` as a pg_dump that restores, and `npm run export` reading the database.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { createPostingBoard, join, postJson, type CreatedBoard } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { expectRefusedAsDamaged } from '../helpers/damaged.ts';
import { hasServices, PG_BIN, startPostgres, type RunningPostgres } from '../helpers/services.ts';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NOTE = 'Who signs the root zone key?';

/** Runs an operator script (server/src/cli/<name>.ts) as `npm run <name>` does, against `databaseUrl`. */
function script(name: string, args: string[], databaseUrl: string) {
  return run(process.execPath, ['--import', 'tsx', `server/src/cli/${name}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PG_DUMP: path.join(PG_BIN, 'pg_dump') },
  });
}

async function query(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

describe.skipIf(!hasServices())('PostgreSQL: damaged boards, backup and export', () => {
  let postgres: RunningPostgres;
  let url: string;
  let server: RunningServer;
  let bitRot: CreatedBoard, gap: CreatedBoard, legacy: CreatedBoard, healthy: CreatedBoard;

  beforeAll(async () => {
    postgres = await startPostgres();
    url = await postgres.database(`ops_${process.pid}`);
    server = await startServer({ env: { DATABASE_URL: url } });
    [bitRot, gap, legacy, healthy] = [
      await createPostingBoard(server.baseUrl),
      await createPostingBoard(server.baseUrl),
      await createPostingBoard(server.baseUrl),
      await createPostingBoard(server.baseUrl),
    ];
    const ana = await join(server.baseUrl, healthy.boardId, healthy.joinCode, 'Ana');
    const client = connect(server.wsUrl, healthy.boardId, ana.token);
    await client.synced();
    addNote(client.doc, {
      areaId: 'ex1-a1',
      text: NOTE,
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    await waitFor(
      async () => {
        const check = connect(server.wsUrl, healthy.boardId, healthy.facilitatorToken);
        await check.synced();
        const texts = readBoard(check.doc).notes.map((n) => n.text);
        check.destroy();
        return texts;
      },
      (texts) => texts.includes(NOTE),
    );
    client.destroy();
    await server.stop();
    const [snapshot] = await query(url, 'SELECT doc FROM snapshots WHERE board_id = $1', [bitRot.boardId]);
    const doc = Buffer.from(snapshot!.doc as Buffer);
    doc[Math.floor(doc.length / 2)]! ^= 0x40;
    await query(url, 'UPDATE snapshots SET doc = $1 WHERE board_id = $2', [doc, bitRot.boardId]);
    // A lost write: the log skips a sequence number after whatever it holds.
    const [end] = await query(
      url,
      'SELECT GREATEST((SELECT up_to_seq FROM snapshots WHERE board_id = $1), (SELECT COALESCE(MAX(seq), 0) FROM updates WHERE board_id = $1)) AS seq',
      [gap.boardId],
    );
    await query(url, 'INSERT INTO updates (board_id, seq, update_data) VALUES ($1, $2, $3)', [
      gap.boardId,
      Number(end!.seq) + 2,
      Buffer.from([0, 0]),
    ]);
    // Rows written before checksums existed carry none, and are accepted as they are.
    await query(url, 'UPDATE snapshots SET checksum = NULL WHERE board_id = $1', [legacy.boardId]);
    await query(url, 'UPDATE updates SET checksum = NULL WHERE board_id = $1', [legacy.boardId]);

    await server.restart();
  });

  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  it('reports damaged boards at start-up, refuses them with 503, and serves the rest', async () => {
    expect(server.output()).toMatch(
      new RegExp(`board ${bitRot.boardId} is damaged \\(the snapshot fails its checksum`),
    );
    expect(server.output()).toMatch(new RegExp(`board ${gap.boardId} is damaged \\(changes .* missing from the log`));
    expect(server.output()).not.toMatch(new RegExp(`board (${legacy.boardId}|${healthy.boardId}) is damaged`));

    for (const damaged of [bitRot, gap]) await expectRefusedAsDamaged(server, damaged);
    for (const served of [legacy, healthy]) {
      const joined = await postJson(`${server.baseUrl}/api/boards/${served.boardId}/join`, {
        code: served.joinCode,
        name: 'Ana',
      });
      expect(joined.status).toBe(201);
    }
  });

  it('backs up with `npm run backup` (pg_dump) while the server runs; the dump restores and exports', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-pgbackup-')), 'board.pgdump');
    const { stdout } = await script('backup', ['--out', out], url);
    expect(stdout).toContain(`Backup written to ${out}`);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('PGDMP');

    const restored = await postgres.database(`restored_${process.pid}`);
    execFileSync(path.join(PG_BIN, 'pg_restore'), ['--no-owner', '--dbname', restored, out], { stdio: 'pipe' });
    const exported = await script('export', ['--board', healthy.boardId, '--format', 'md'], restored);
    expect(exported.stdout).toContain(NOTE);
    // pg_dump, pg_restore and a CLI started through tsx: seconds each on a busy 2-core machine.
  }, 120_000);

  it('exports from the database with `npm run export`, and says what is wrong with a missing or damaged board', async () => {
    const exported = await script('export', ['--board', healthy.boardId, '--format', 'md'], url);
    expect(exported.stdout).toContain(NOTE);
    await expect(script('export', ['--board', 'nope', '--format', 'md'], url)).rejects.toMatchObject({
      stderr: expect.stringMatching(/No board "nope" in PostgreSQL/),
    });
    await expect(script('export', ['--board', bitRot.boardId, '--format', 'md'], url)).rejects.toMatchObject({
      stderr: expect.stringMatching(/damaged \(the snapshot fails its checksum\)/),
    });
    // Three CLI runs, each compiling the CLI through tsx: 4 s on a quiet machine, 30 s were seen under load.
  }, 120_000);
});
