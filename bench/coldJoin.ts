// Cold join of a large board: from connect to 'synced' for a Node client, with the room unloaded and loaded.
import * as Y from 'yjs';
import { readBoard, type Board } from '@shared/doc/readBoard.ts';
import { EXPORT_FORMATS, exportBoard } from '@shared/export/exportBoard.ts';
import { connectMember, openBoard, writeNotes, type FilledBoard } from './fillBoard.ts';
import { summarize, type Summary } from './stats.ts';
import { startTarget, type Target } from './targets.ts';

export interface ColdJoinResult {
  notes: number;
  stateBytes: number;
  /** Room not in memory: the server loads it from SQLite, then syncs. */
  coldSyncMs: Summary;
  /** Room already in memory (someone else connected). */
  warmSyncMs: Summary;
  /** Client side: readBoard over the synced doc (validating every record), as a viewer must before drawing. */
  readBoardMs: Summary;
  /** Over HTTP from our server (facilitator token), per format: ms from request to last byte. */
  httpExportMs: Record<string, Summary>;
  /** exportBoard() in process on the same board, per format (the pure function, no HTTP). */
  exportMs: Record<string, Summary>;
  fillMs: number;
  error?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timeSync(
  target: Target,
  board: FilledBoard,
  address: string,
): Promise<{ ms: number; doc: Y.Doc; destroy: () => void }> {
  const member = board.plan.members[0]!;
  const start = performance.now();
  const client = connectMember(target, board.plan.room, member, address);
  await client.synced(60_000);
  return { ms: performance.now() - start, doc: client.doc, destroy: client.destroy };
}

async function waitUnloaded(idleMs: number): Promise<void> {
  // Unload happens ROOM_IDLE_MS after the last holder leaves, plus a compaction; give it ample room.
  await sleep(idleMs + 1500);
}

export async function runColdJoin(notes = 5000, rounds = 5, nodeFlags: string[] = []): Promise<ColdJoinResult> {
  const idleMs = 500;
  const target = await startTarget('ours', { env: { ROOM_IDLE_MS: String(idleMs) }, nodeFlags });
  const empty = summarize([]);
  const result: ColdJoinResult = {
    notes,
    stateBytes: 0,
    coldSyncMs: empty,
    warmSyncMs: empty,
    readBoardMs: empty,
    httpExportMs: {},
    exportMs: {},
    fillMs: 0,
  };
  try {
    const board = await openBoard(target, 20);
    const fillStart = performance.now();
    await writeNotes(board, notes, 40);
    result.fillMs = Math.round(performance.now() - fillStart);
    result.stateBytes = Y.encodeStateAsUpdate(board.writers[0]!.doc).length;
    board.close();

    const cold: number[] = [];
    const warm: number[] = [];
    const reads: number[] = [];
    let snapshot: Board | undefined;
    for (let round = 0; round < rounds; round++) {
      await waitUnloaded(idleMs);
      const first = await timeSync(target, board, '127.0.0.60');
      cold.push(first.ms);
      const second = await timeSync(target, board, '127.0.0.61');
      warm.push(second.ms);
      const readStart = performance.now();
      const read = readBoard(second.doc);
      reads.push(performance.now() - readStart);
      if (read.notes.length !== notes)
        throw new Error(`joined board has ${read.notes.length} notes, expected ${notes}`);
      snapshot = read;
      first.destroy();
      second.destroy();
    }
    result.coldSyncMs = summarize(cold);
    result.warmSyncMs = summarize(warm);
    result.readBoardMs = summarize(reads);

    const facilitator = board.plan.facilitatorToken ?? '';
    for (const format of EXPORT_FORMATS) {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        const response = await fetch(`${target.baseUrl}/api/boards/${board.plan.room}/export?format=${format}`, {
          headers: { Authorization: `Bearer ${facilitator}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`export ${format}: HTTP ${response.status}`);
        times.push(performance.now() - start);
      }
      result.httpExportMs[format] = summarize(times);
    }
    if (!snapshot) throw new Error('no rounds');
    for (const format of EXPORT_FORMATS) {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        await exportBoard(snapshot, format, { exportedAt: Date.UTC(2025, 0, 1) });
        times.push(performance.now() - start);
      }
      result.exportMs[format] = summarize(times);
    }
    return result;
  } catch (error) {
    return { ...result, error: (error as Error).message };
  } finally {
    await target.stop();
  }
}
