// Idle boards leave memory: hundreds of boards opened and closed unload, keep their data, and RSS stays bounded.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

const BOARDS = 300;
const WARMUP = 30;
const IN_FLIGHT = 10;
const RSS_GROWTH_LIMIT = 150 * 1024 * 1024;

let server: RunningServer;
let maxListeners = 10;
beforeAll(async () => {
  // Every stock provider adds a process 'exit' listener; twenty at once are expected here, not a leak.
  maxListeners = process.getMaxListeners();
  process.setMaxListeners(50);
  server = await startServer({ env: { ROOM_IDLE_MS: '200' } });
});
afterAll(async () => {
  process.setMaxListeners(maxListeners);
  await server?.stop();
});

/** The server child's pid: the process whose environment holds this server's (unique, temporary) DATA_DIR. */
function serverPid(dataDir: string): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (environ.includes(`DATA_DIR=${dataDir}`) && cmdline.includes('server/src/main.ts')) return Number(entry);
    } catch {
      // Processes come and go, and some are not ours to read.
    }
  }
  throw new Error(`no server process found for ${dataDir}`);
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/**
 * Log entries not yet folded into a snapshot. Rooms compact when they unload, and these boards never reach
 * COMPACT_EVERY, so an empty log means every room has left memory.
 */
function pendingLogEntries(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'scopeboard.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

interface Opened {
  boardId: string;
  facilitatorToken: string;
  text: string;
}

/** Creates a board, posts one note as a participant, waits until the facilitator holds it, then leaves. */
async function openAndClose(index: number): Promise<Opened> {
  const board = await createBoard(server.baseUrl, `Memory ${index}`);
  await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const writer = connect(server.wsUrl, board.boardId, ana.token);
  const reader = connect(server.wsUrl, board.boardId, board.facilitatorToken);
  try {
    await Promise.all([writer.synced(), reader.synced()]);
    const text = `Board ${index} remembers this`;
    addNote(writer.doc, {
      areaId: 'ex1-a1',
      text,
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: index + 1,
    });
    await expect.poll(() => readBoard(reader.doc).notes.map((n) => n.text), { timeout: 10_000 }).toEqual([text]);
    return { boardId: board.boardId, facilitatorToken: board.facilitatorToken, text };
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

async function openMany(from: number, to: number): Promise<Opened[]> {
  const opened: Opened[] = [];
  for (let start = from; start < to; start += IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(IN_FLIGHT, to - start) }, (_, i) => openAndClose(start + i));
    opened.push(...(await Promise.all(batch)));
  }
  return opened;
}

describe('memory', () => {
  it(`unloads ${BOARDS} boards after use, keeps their notes, and does not keep growing`, async () => {
    const pid = serverPid(server.dataDir);
    const warm = await openMany(0, WARMUP);
    await expect.poll(() => pendingLogEntries(server.dataDir), { timeout: 20_000, interval: 200 }).toBe(0);
    const baseline = rssBytes(pid);

    const rest = await openMany(WARMUP, BOARDS);
    await expect.poll(() => pendingLogEntries(server.dataDir), { timeout: 30_000, interval: 200 }).toBe(0);
    const grown = rssBytes(pid) - baseline;
    expect(grown).toBeLessThan(RSS_GROWTH_LIMIT);

    // Every tenth board, loaded again from the store: its note is there and nothing is malformed.
    const all = [...warm, ...rest];
    for (const board of all.filter((_, i) => i % 10 === 0)) {
      const client = connect(server.wsUrl, board.boardId, board.facilitatorToken);
      await client.synced();
      const read = readBoard(client.doc);
      expect(read.notes.map((n) => n.text)).toEqual([board.text]);
      expect(read.skipped).toEqual([]);
      client.destroy();
    }
  }, 120_000);
});
