// Benchmark: what describeUpdate (the guard's decoder) costs per typical update on a 5,000-note room.
// Run: npx tsx bench/guardCost.ts [iterations]   Writes bench/results/guard-cost.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote, createBoard, editNote, moveNote } from '@shared/doc/ops.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { describeUpdate } from '../server/src/guard/describeUpdate.ts';

const NOTES = 5_000;
const AUTHORS = 50;

interface Stats {
  iterations: number;
  updateBytes: number;
  p50us: number;
  p99us: number;
  meanUs: number;
  maxUs: number;
}

function stats(samples: number[], bytes: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000 * 10) / 10;
  return {
    iterations: samples.length,
    updateBytes: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length),
    p50us: round(at(0.5)),
    p99us: round(at(0.99)),
    meanUs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
    maxUs: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** A room with NOTES notes written by AUTHORS separate clients, so the store holds many clients as in a real session. */
function buildRoom(): { room: Y.Doc; areaIds: string[] } {
  const room = new Y.Doc();
  const template = getTemplate('ssr2-copenhagen');
  if (!template) throw new Error('template missing');
  createBoard(room, template, { title: 'Bench', createdAt: 0 });
  const areaIds = [...boardMaps(room).areas.keys()];
  for (let a = 0; a < AUTHORS; a++) {
    const author = new Y.Doc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(room));
    for (let i = 0; i < NOTES / AUTHORS; i++) {
      const areaId = areaIds[(a + i) % areaIds.length] as string;
      addNote(author, {
        id: `n-${a}-${i}`,
        areaId,
        text: `idea ${a}/${i}`,
        author: { id: `p${a}`, name: `P${a}`, role: 'participant' },
        createdAt: i,
        x: i,
        y: a,
      });
    }
    Y.applyUpdate(room, Y.encodeStateAsUpdate(author, Y.encodeStateVector(room)));
  }
  return { room, areaIds };
}

function main(): void {
  const iterations = Number(process.argv[2] ?? 5_000);
  const { room, areaIds } = buildRoom();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const author = { id: 'p-bench', name: 'Bench', role: 'participant' as const };
  const noteIds = [...boardMaps(room).notes.keys()];

  const kinds: Record<string, (i: number) => void> = {
    add: (i) =>
      void addNote(client, {
        id: `b-${i}`,
        areaId: areaIds[i % areaIds.length] as string,
        text: `bench ${i}`,
        author,
        createdAt: i,
      }),
    move: (i) =>
      void moveNote(client, noteIds[(i * 7919) % noteIds.length] as string, { x: i % 900, y: (i * 3) % 700 }),
    edit: (i) => void editNote(client, noteIds[(i * 104729) % noteIds.length] as string, `edited ${i}`),
  };

  const results: Record<string, Stats & { applyP50us: number }> = {};
  for (const [kind, write] of Object.entries(kinds)) {
    const describeMs: number[] = [];
    const applyMs: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const updates: Uint8Array[] = [];
      const listen = (update: Uint8Array) => updates.push(update);
      client.on('update', listen);
      write(i);
      client.off('update', listen);
      const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      const start = performance.now();
      const described = describeUpdate(room, update);
      describeMs.push(performance.now() - start);
      if (!described.ok || described.value.length === 0) throw new Error(`unexpected: ${JSON.stringify(described)}`);
      const applyStart = performance.now();
      Y.applyUpdate(room, update);
      applyMs.push(performance.now() - applyStart);
      bytes.push(update.length);
    }
    results[kind] = { ...stats(describeMs, bytes), applyP50us: stats(applyMs, bytes).p50us };
  }

  const report = {
    benchmark: 'guard-cost',
    date: new Date().toISOString(),
    node: process.version,
    room: {
      notes: NOTES,
      authors: AUTHORS,
      structs: [...room.store.clients.values()].reduce((n, s) => n + s.length, 0),
    },
    describeUpdate: results,
  };
  for (const [kind, r] of Object.entries(results)) {
    console.log(
      `${kind.padEnd(5)} describeUpdate p50 ${r.p50us} µs  p99 ${r.p99us} µs  mean ${r.meanUs} µs  (${r.updateBytes} B; Y.applyUpdate p50 ${r.applyP50us} µs)`,
    );
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'guard-cost.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

main();
