// `npx tsx bench/joinWave.ts [--notes=5000] [--joiners=20] [--join-every=250] [--waves=3] [--post-every=200]
// [--target=ours]`:
// waves of people opening a large board at once (a room arriving, a reconnect after the Wi-Fi dropped) while
// others keep posting. Each joiner asks for the whole doc; the figures are the server's CPU per join and each
// joiner's time from connect to synced. Prints them and writes bench/results/join-wave.json.
import fs from 'node:fs';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { addNote } from '@shared/doc/ops.ts';
import { connectMember, connectWriters, writeNotes } from './fillBoard.ts';
import { prepareRooms, type Member } from './prepareRooms.ts';
import { sampleProc } from './procStats.ts';
import { summarize, type Summary } from './stats.ts';
import { ROOT, startTarget, type Target, type TargetKind } from './targets.ts';

const WRITERS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WaveResult {
  /** Whether someone posted a note every `postEveryMs` during the wave. */
  isPosting: boolean;
  syncMs: Summary;
  serverCpuMsPerJoin: number;
}

async function wave(
  target: Target,
  room: string,
  joiners: Member[],
  wave: number,
  joinEveryMs: number,
): Promise<number[]> {
  const opened = joiners.map(async (member, i) => {
    await sleep(i * joinEveryMs);
    const start = performance.now();
    const client = connectMember(target, room, member, `127.0.${10 + wave}.${2 + i}`);
    return client.synced(60_000).then(() => ({ client, ms: performance.now() - start }));
  });
  const joined = await Promise.all(opened);
  for (const { client } of joined) client.destroy();
  return joined.map((j) => j.ms);
}

async function main() {
  const value = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const notes = Number(value('notes') ?? 5000);
  const joinerCount = Number(value('joiners') ?? 20);
  const waves = Number(value('waves') ?? 3);
  const postEveryMs = Number(value('post-every') ?? 200);
  const joinEveryMs = Number(value('join-every') ?? 250);
  const kind = (value('target') ?? 'ours') as TargetKind;
  const target = await startTarget(kind);
  const results: WaveResult[] = [];
  try {
    const [plan] = await prepareRooms(target, 1, WRITERS + joinerCount, new Uint8Array());
    if (!plan) throw new Error('no board');
    const board = await connectWriters(target, plan, WRITERS);
    const { writers } = board;
    await writeNotes(board, notes, 40);
    const joiners = plan.members.slice(WRITERS);
    for (let n = 0; n < waves * 2; n++) {
      const isPosting = n % 2 === 0;
      let posting = isPosting;
      const poster = (async () => {
        for (let i = 0; posting; i++) {
          const writer = writers[i % writers.length]!;
          addNote(writer.doc, {
            id: nanoid(),
            areaId: 'ex1-a1',
            text: `Posted during a join wave, ${n}-${i}`,
            author: writer.author,
            createdAt: Date.now(),
          });
          await sleep(postEveryMs);
        }
      })();
      await sleep(isPosting ? postEveryMs * 2 : 0);
      const before = sampleProc(target.pid);
      const times = await wave(target, plan.room, joiners, n, joinEveryMs);
      const after = sampleProc(target.pid);
      posting = false;
      await poster;
      const result = {
        isPosting,
        syncMs: summarize(times),
        serverCpuMsPerJoin: (after.cpuMs - before.cpuMs) / times.length,
      };
      results.push(result);
      console.log(
        `wave ${n + 1} (${isPosting ? `a note every ${postEveryMs} ms` : 'nobody posting'}): ${joinerCount} joiners, ` +
          `one every ${joinEveryMs} ms, ` +
          `synced p50 ${result.syncMs.p50} ms, max ${result.syncMs.max} ms; server CPU ${result.serverCpuMsPerJoin.toFixed(1)} ms per join`,
      );
      await sleep(1000);
    }
    board.close();
  } finally {
    await target.stop();
  }
  const out = path.join(ROOT, 'bench/results/join-wave.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify({ notes, joiners: joinerCount, joinEveryMs, postEveryMs, target: kind, results }, null, 2),
  );
  console.log(`results in ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) void main();
