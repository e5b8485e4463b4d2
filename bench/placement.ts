// Benchmark: CPU of placing every note of a board (shared/src/ideas/placement.ts), with and without groups.
// Run: npx tsx bench/placement.ts [--notes=5000,20000] [--groups=0,50] [--rounds=5]
// Writes bench/results/placement.json. The board: five stations of four columns, a third of the notes in groups
// spread over the stations, one note in 17 dropped somewhere in its station (so some groups are spread apart).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoteGeometry, Rect } from '@shared/ideas/geometry.ts';
import { placeNotes, type PlacementNote } from '@shared/ideas/placement.ts';
import { summarize } from './stats.ts';

const G: NoteGeometry = { stickyWidth: 139, stickyHeight: 112, stickyGap: 14, framePadding: 6, frameHeader: 24 };
const STATIONS = 5;
const REGIONS = new Map<string, Rect>(
  Array.from({ length: STATIONS }, (_, i) => [`a${i}`, { x: 14 + i * 1000, y: 240, width: 900, height: 0 }]),
);

function boardOf(notes: number, groups: number): PlacementNote[] {
  return Array.from({ length: notes }, (_, i) => ({
    id: `n${i}`,
    areaId: `a${i % STATIONS}`,
    ...(groups > 0 && i % 3 === 0 ? { groupId: `g${(i * 7) % groups}` } : {}),
    ...(i % 17 === 0 ? { x: 14 + (i % STATIONS) * 1000 + (i % 4) * 153, y: 240 + (i % 80) * 126 } : {}),
  }));
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const arg = (name: string, fallback: string) =>
  (process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback).split(',').map(Number);
const [rounds = 5] = arg('rounds', '5');
const results: { notes: number; groups: number; cpuMs: ReturnType<typeof summarize> }[] = [];
for (const notes of arg('notes', '5000,20000')) {
  for (const groups of arg('groups', '0,50')) {
    const board = boardOf(notes, groups);
    placeNotes(REGIONS, board, G); // warm-up: the first run also compiles
    const samples = Array.from({ length: rounds }, () => cpuMs(() => placeNotes(REGIONS, board, G)));
    const stats = summarize(samples);
    results.push({ notes, groups, cpuMs: stats });
    console.log(`${notes} notes, ${groups} groups: placement p50 ${stats.p50.toFixed(1)} ms CPU (${rounds} rounds)`);
  }
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'placement.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ rounds, results }, null, 2));
console.log(`wrote ${out}`);
