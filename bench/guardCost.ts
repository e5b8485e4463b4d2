// Benchmark: the guard's cost per typical update, and the server's whole update path per note, at each board size.
// Run: npx tsx bench/guardCost.ts [--sizes=1000,5000,20000] [--iterations=2000] [--notes=2000] [--parts=guard,path]
// Writes bench/results/guard-cost.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote, createBoard, editNote, moveNote } from '@shared/doc/ops.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { DEFAULT_LIMITS } from '../server/src/config.ts';
import { describeUpdate } from '../server/src/guard/describeUpdate.ts';
import { createUpdateCheck } from '../server/src/guard/checkUpdate.ts';
import { RoomHooks } from '../server/src/hooks/RoomHooks.ts';
import { boardSizeLimit } from '../server/src/hooks/boardSizeLimit.ts';
import { guardCheck } from '../server/src/hooks/guardCheck.ts';
import { compactWhenLong } from '../server/src/hooks/compaction.ts';
import { silentLogger } from '../server/src/log.ts';
import { encodeUpdate } from '../server/src/rooms/messages.ts';
import { Room } from '../server/src/rooms/Room.ts';
import type { Peer } from '../server/src/rooms/Peer.ts';
import { openSqliteStorage } from '../server/src/storage/SqliteStorage.ts';
import { argValue } from './cliArg.ts';

const AUTHORS = 50;
const WRITERS = 10;
const author = { id: 'p-bench', name: 'Bench', role: 'participant' as const };
const actor = { participantId: author.id, name: author.name, role: author.role };

interface Stats {
  p50us: number;
  p99us: number;
  meanUs: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000 * 10) / 10;
  return {
    p50us: round(at(0.5)),
    p99us: round(at(0.99)),
    meanUs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/** A room in the posting phase with `notes` notes written by AUTHORS separate clients, as in a real session. */
function buildRoom(notes: number): { room: Y.Doc; areaIds: string[] } {
  const room = new Y.Doc();
  const template = getTemplate('ssr2-copenhagen');
  if (!template) throw new Error('template missing');
  createBoard(room, template, { title: 'Bench', createdAt: 0 });
  boardMaps(room).session.set('phase', 'post');
  const exerciseId = boardMaps(room).session.get('exerciseId');
  // Participants post only into the stations of the exercise being run.
  const areaIds = [...boardMaps(room).areas.entries()]
    .filter(([, a]) => a.get('exerciseId') === exerciseId)
    .map(([id]) => id);
  const base = Y.encodeStateAsUpdate(room);
  for (let a = 0; a < AUTHORS; a++) {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, base);
    const before = Y.encodeStateVector(writer);
    for (let i = 0; i < notes / AUTHORS; i++) {
      addNote(writer, {
        id: `n-${a}-${i}`,
        areaId: areaIds[(a + i) % areaIds.length] as string,
        text: `Filler note ${a}-${i}: what does the zone depend on?`,
        author: { id: `p${a}`, name: `P${a}`, role: 'participant' },
        createdAt: i,
        x: i % 900,
        y: a * 10,
      });
    }
    Y.applyUpdate(room, Y.encodeStateAsUpdate(writer, before));
  }
  return { room, areaIds };
}

/** The update one write produces on `doc` (merged when it emits several, as a provider sends them). */
function capture(doc: Y.Doc, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  write();
  doc.off('update', listen);
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}

/** Guard parts per kind of update: the decoder alone, the whole check (decoder and rules), and Y.applyUpdate. */
function guardPart(size: number, iterations: number) {
  const { room, areaIds } = buildRoom(size);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const noteIds = [...boardMaps(room).notes.keys()];
  const check = createUpdateCheck({ maxNotesPerBoard: 1_000_000 });
  const kinds: Record<string, (i: number) => void> = {
    add: (i) =>
      void addNote(client, {
        id: `b-${i}`,
        areaId: areaIds[i % areaIds.length]!,
        text: `bench ${i}`,
        author,
        createdAt: i,
      }),
    move: (i) => void moveNote(client, noteIds[(i * 7919) % noteIds.length]!, { x: i % 900, y: (i * 3) % 700 }),
    edit: (i) => void editNote(client, noteIds[(i * 104729) % noteIds.length]!, `edited ${i}`),
  };
  const results: Record<string, { bytes: number; describe: Stats; check: Stats; apply: Stats }> = {};
  for (const [kind, write] of Object.entries(kinds)) {
    const [describeMs, checkMs, applyMs, bytes]: [number[], number[], number[], number[]] = [[], [], [], []];
    for (let i = 0; i < iterations; i++) {
      const update = capture(client, () => write(i));
      let start = performance.now();
      const described = describeUpdate(room, update);
      describeMs.push(performance.now() - start);
      if (!described.ok || described.value.length === 0) throw new Error(`unexpected: ${JSON.stringify(described)}`);
      start = performance.now();
      // Edits and moves of other authors' notes are refused by the rules; the cost of saying so is the same.
      check(room, update, kind === 'add' ? actor : { ...actor, role: 'facilitator' });
      checkMs.push(performance.now() - start);
      start = performance.now();
      Y.applyUpdate(room, update);
      applyMs.push(performance.now() - start);
      bytes.push(update.length);
    }
    results[kind] = {
      bytes: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length),
      describe: stats(describeMs),
      check: stats(checkMs),
      apply: stats(applyMs),
    };
  }
  return { structs: [...room.store.clients.values()].reduce((n, s) => n + s.length, 0), kinds: results };
}

/** A connection that drops what it is sent; a refusal or error closing it fails the bench. */
function silentPeer(role: 'participant' | 'facilitator', closes: string[]): Peer {
  return {
    actor: role === 'participant' ? actor : { ...actor, participantId: 'p-facilitator', role },
    isOpen: true,
    isClosedByServer: false,
    send: () => undefined,
    close: (code, reason) => void closes.push(`${code}: ${reason}`),
  };
}

/**
 * The server's update path without sockets: a real Room on a real SQLite store with the app's guard, size limit
 * and compaction hooks; WRITERS writers post notes in rounds (each round one batch, as when frames queue up) and
 * one reader receives the broadcasts. Server CPU per note is this process's CPU time over the measured notes.
 */
async function pathPart(size: number, notes: number, compactEvery: number) {
  const { room: seed, areaIds } = buildRoom(size);
  const dir = mkdtempSync(join(os.tmpdir(), 'guard-cost-'));
  const storage = openSqliteStorage(dir, { checkpointInBackground: true });
  try {
    const snapshot = Y.encodeStateAsUpdate(seed);
    const board = { boardId: 'bench', title: 'Bench', templateId: 'ssr2-copenhagen', createdAt: 0 };
    await storage.createBoard(
      { ...board, facilitatorTokenHash: 'f', joinCode: 'j', observerCode: 'o', isArchived: false },
      {
        participantId: 'p-facilitator',
        boardId: 'bench',
        name: 'F',
        role: 'facilitator',
        tokenHash: 'f',
        joinedAt: 0,
        isRemoved: false,
      },
      snapshot,
    );
    let compactions = 0;
    const store = {
      loadDoc: (id: string) => storage.loadDoc(id),
      appendUpdates: (id: string, updates: Uint8Array[]) => storage.appendUpdates(id, updates),
      compact: (id: string, doc: Uint8Array, upTo: number) => (compactions++, storage.compact(id, doc, upTo)),
    };
    const limits = { ...DEFAULT_LIMITS, maxNotesPerBoard: 1_000_000, maxBoardBytes: 1 << 30 };
    const hooks = new RoomHooks([
      boardSizeLimit(limits.maxBoardBytes),
      guardCheck(createUpdateCheck(limits), silentLogger),
      compactWhenLong(compactEvery),
    ]);
    const room = await Room.load('bench', { store, limits, hooks, log: silentLogger });
    const closes: string[] = [];
    const reader = silentPeer('facilitator', closes);
    await room.attach(reader);
    const writers = Array.from({ length: WRITERS }, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, snapshot);
      const peer = silentPeer('participant', closes);
      void room.attach(peer);
      return { doc, peer };
    });
    let n = 0;
    const post = async (count: number) => {
      for (let done = 0; done < count; done += WRITERS) {
        const round = writers.map(({ doc, peer }) => {
          const i = n++;
          const update = capture(doc, () =>
            addNote(doc, {
              id: `w-${i}`,
              areaId: areaIds[i % areaIds.length]!,
              text: `Note ${i}: and then?`,
              author,
              createdAt: i,
            }),
          );
          return room.receive(peer, encodeUpdate(update));
        });
        await Promise.all(round);
      }
    };
    await post(Math.min(500, notes)); // warm-up: JIT and caches, not counted
    compactions = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await post(notes);
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - started;
    if (closes.length > 0) throw new Error(`a connection was closed: ${closes.join('; ')}`);
    room.destroy();
    return {
      snapshotBytes: snapshot.length,
      notes,
      cpuUsPerNote: Math.round((used.user + used.system) / notes),
      wallUsPerNote: Math.round((ms * 1000) / notes),
      compactions,
    };
  } finally {
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = (argValue('sizes') ?? '5000').split(',').map(Number);
  const iterations = Number(argValue('iterations') ?? '2000');
  const notes = Number(argValue('notes') ?? '2000');
  const parts = (argValue('parts') ?? 'guard,path').split(',');
  const compactEvery = Number(process.env.COMPACT_EVERY ?? 500);
  const report: Record<string, unknown>[] = [];
  for (const size of sizes) {
    const entry: Record<string, unknown> = { size };
    if (parts.includes('guard')) {
      const guard = guardPart(size, iterations);
      entry.guard = guard;
      for (const [kind, r] of Object.entries(guard.kinds)) {
        console.log(
          `${size} notes (${guard.structs} structs) ${kind.padEnd(4)} ${r.bytes} B: describe p50 ${r.describe.p50us} µs p99 ${r.describe.p99us}, check p50 ${r.check.p50us} µs p99 ${r.check.p99us}, apply p50 ${r.apply.p50us} µs`,
        );
      }
    }
    if (parts.includes('path')) {
      const path = await pathPart(size, notes, compactEvery);
      entry.path = path;
      console.log(
        `${size} notes (snapshot ${path.snapshotBytes} B): update path ${path.cpuUsPerNote} µs CPU/note (${path.wallUsPerNote} µs wall), ${path.compactions} compactions in ${path.notes} notes`,
      );
    }
    report.push(entry);
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'guard-cost.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ benchmark: 'guard-cost', date: new Date().toISOString(), node: process.version, compactEvery, sizes: report }, null, 2)}\n`,
  );
  console.log(`wrote ${out}`);
}

await main();
