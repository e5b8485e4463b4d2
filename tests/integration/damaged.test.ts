// Damaged files (issue 9 item 10): checksums and log gaps are found on load; that board answers 503, the rest are served.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startInProcess } from '../helpers/inProcess.ts';
import { command, createBoard, postJson } from '../helpers/api.ts';
import { expectRefusedAsDamaged } from '../helpers/damaged.ts';
import { openSqliteStorage } from '../../server/src/storage/SqliteStorage.ts';

describe('damaged stored boards', () => {
  it('refuses a board whose snapshot fails its checksum or whose log has a gap, and serves the others', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-damaged-'));
    const first = await startInProcess({ DATA_DIR: dataDir });
    const [bitRot, gap, healthy] = [
      await createBoard(first.baseUrl),
      await createBoard(first.baseUrl),
      await createBoard(first.baseUrl),
    ];
    await command(first.baseUrl, gap.boardId, gap.facilitatorToken, { type: 'startPhase', phase: 'post' });
    // A clean stop compacts every log into its snapshot.
    await first.close();

    const db = new Database(path.join(dataDir, 'scopeboard.sqlite'));
    const row = db.prepare('SELECT doc FROM snapshots WHERE board_id = ?').get(bitRot.boardId) as { doc: Buffer };
    row.doc[Math.floor(row.doc.length / 2)]! ^= 0x40;
    db.prepare('UPDATE snapshots SET doc = ? WHERE board_id = ?').run(row.doc, bitRot.boardId);
    // The log as a lost write leaves it: the entry after the snapshot is gone, the next one is there.
    const { up_to_seq: upTo } = db.prepare('SELECT up_to_seq FROM snapshots WHERE board_id = ?').get(gap.boardId) as {
      up_to_seq: number;
    };
    db.prepare('INSERT INTO updates (board_id, seq, update_data) VALUES (?, ?, ?)').run(
      gap.boardId,
      upTo + 2,
      Buffer.from([0, 0]),
    );
    db.close();

    // What start-up reports (main.ts logs each of these and serves the rest).
    const check = openSqliteStorage(dataDir);
    const found = (await check.verifyAll()).map((e) => [e.boardId, e.detail]);
    check.close();
    expect(found).toContainEqual([bitRot.boardId, 'the snapshot fails its checksum']);
    expect(found.find(([id]) => id === gap.boardId)?.[1]).toMatch(/missing from the log/);
    expect(found.map(([id]) => id)).not.toContain(healthy.boardId);

    const second = await startInProcess({ DATA_DIR: dataDir });
    try {
      for (const damaged of [bitRot, gap]) await expectRefusedAsDamaged(second, damaged);
      const served = await postJson(`${second.baseUrl}/api/boards/${healthy.boardId}/join`, {
        code: healthy.joinCode,
        name: 'Ana',
      });
      expect(served.status).toBe(201);
    } finally {
      await second.close();
    }
  });
});
