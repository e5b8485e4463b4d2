// A bounded soak of our server (`npx tsx scripts/soak.ts --minutes=5`): boards opened, written and left, RSS over time.
import { openBoard, writeNotes } from '../bench/fillBoard.ts';
import { cpuShare, sampleProc, type ProcSample } from '../bench/procStats.ts';
import { startTarget } from '../bench/targets.ts';

interface SoakArgs {
  minutes: number;
  boards: number;
  clients: number;
  notes: number;
}

function parseArgs(argv: string[]): SoakArgs {
  const value = (name: string, fallback: number) => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    minutes: value('minutes', 5),
    boards: value('boards', 10),
    clients: value('clients', 10),
    notes: value('notes', 100),
  };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.setMaxListeners(0);
  const endAt = Date.now() + args.minutes * 60_000;
  // Hard stop: a soak must never outlive its budget by much, whatever hangs.
  setTimeout(
    () => {
      console.error('soak: hard timeout');
      process.exit(2);
    },
    args.minutes * 60_000 + 120_000,
  ).unref();

  const target = await startTarget('ours', { env: { ROOM_IDLE_MS: '2000' } });
  console.log(
    `soak: server pid ${target.pid} on port ${target.port}, ${args.minutes} min, ${args.boards} boards x ${args.clients} clients per cycle, ${args.notes} notes per board`,
  );
  const start = sampleProc(target.pid);
  const samples: ProcSample[] = [start];
  let cycles = 0;
  let notes = 0;
  let failures = 0;
  let last = start;
  const report = setInterval(() => {
    const now = sampleProc(target.pid);
    samples.push(now);
    const minutes = ((now.at - start.at) / 60_000).toFixed(1);
    console.log(
      `t=${minutes} min  rss=${mb(now.rssBytes)} MB  cpu=${(cpuShare(last, now) * 100).toFixed(0)}%  cycles=${cycles}  notes=${notes}  failures=${failures}`,
    );
    last = now;
  }, 10_000);

  try {
    while (Date.now() < endAt) {
      const results = await Promise.allSettled(
        Array.from({ length: args.boards }, async () => {
          const board = await openBoard(target, args.clients);
          try {
            await writeNotes(board, args.notes, 10);
          } finally {
            board.close();
          }
        }),
      );
      failures += results.filter((r) => r.status === 'rejected').length;
      for (const r of results) if (r.status === 'rejected') console.error(`soak: ${(r.reason as Error).message}`);
      notes += results.filter((r) => r.status === 'fulfilled').length * args.notes;
      cycles++;
    }
    // Let the last rooms go idle and unload before the final sample.
    await new Promise((resolve) => setTimeout(resolve, 5000));
  } finally {
    clearInterval(report);
    const end = sampleProc(target.pid);
    const rss = [...samples, end].map((s) => s.rssBytes);
    console.log(
      `soak done: ${cycles} cycles, ${notes} notes, ${failures} failures; RSS start ${mb(start.rssBytes)} MB, max ${mb(Math.max(...rss))} MB, end ${mb(end.rssBytes)} MB`,
    );
    await target.stop();
  }
  process.exit(failures > 0 ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
