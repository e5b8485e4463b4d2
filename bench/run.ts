// `npm run bench`: fan-out against ours, the reference and the floor; store growth; cold join; export. Writes bench/results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runColdJoin } from './coldJoin.ts';
import type { FanoutScenario } from './fanout.ts';
import { runFanoutSuite } from './fanoutSuite.ts';
import { templateSeed } from './prepareRooms.ts';
import { renderMarkdown, type BenchResults } from './report.ts';
import { runStorageGrowth } from './storageGrowth.ts';
import { ROOT, type TargetKind } from './targets.ts';

const PARTS = ['fanout', 'storage', 'cold'] as const;
type Part = (typeof PARTS)[number];

interface Args {
  isQuick: boolean;
  isProfiled: boolean;
  parts: Part[];
  scenarios: string[] | undefined;
  targets: TargetKind[];
  repeat: number;
  maxOtherLoad: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only')?.split(',') as Part[] | undefined;
  return {
    isQuick: argv.includes('--quick'),
    isProfiled: argv.includes('--profile'),
    parts: only ?? [...PARTS],
    scenarios: value('scenario')?.split(','),
    maxOtherLoad: Number(value('max-other-load') ?? 0.3),
    repeat: Number(value('repeat') ?? (argv.includes('--quick') ? 1 : 3)),
    targets: (value('targets')?.split(',') as TargetKind[] | undefined) ?? ['ours', 'reference', 'floor'],
    out: path.resolve(ROOT, value('out') ?? 'bench/results'),
  };
}

function scenarios(isQuick: boolean): (FanoutScenario & { key: string })[] {
  const scale = isQuick ? 0.3 : 1;
  return [
    {
      key: 'A', name: '1 board, 100 clients, 10 writers', boards: 1, clientsPerBoard: 100, writersPerBoard: 10,
      writes: Math.round(300 * scale), warmupWrites: 30, writesPerSecond: 30,
    },
    {
      key: 'B', name: '100 boards x 20 clients (2,000 sockets), 2 writers each', boards: isQuick ? 20 : 100, clientsPerBoard: 20,
      writersPerBoard: 2, writes: Math.round(400 * scale), warmupWrites: 40, writesPerSecond: 40,
    },
  ];
}

/** Extra node flags for a target child, from BENCH_SERVER_FLAGS (e.g. "--trace-gc"); ours and reference alike. */
function serverFlags(): string[] {
  return (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // Each provider adds an exit listener to the process; thousands of them are expected here.
  process.setMaxListeners(0);
  fs.mkdirSync(args.out, { recursive: true });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    environment: {
      node: process.version, cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`, memoryGb: Math.round(os.totalmem() / 1e9),
      platform: `${os.platform()} ${os.release()}`, commit: gitCommit(),
      clients: 'all in the bench process (one Node process), loopback, source addresses spread over 127.0.0.2-51',
    },
    fanout: [],
    pooled: [],
    profiles: [],
    storage: undefined,
    coldJoin: undefined,
  };
  const seed = templateSeed(Date.UTC(2025, 0, 1));
  if (args.parts.includes('fanout')) {
    const suite = await runFanoutSuite({
      scenarios: scenarios(args.isQuick).filter((s) => !args.scenarios || args.scenarios.includes(s.key)),
      targets: args.targets, repeat: args.repeat, seed, out: args.out, isProfiled: args.isProfiled, serverFlags: serverFlags(), maxOtherLoad: args.maxOtherLoad,
    });
    results.fanout = suite.runs;
    results.pooled = suite.pooled;
    results.profiles = suite.profiles;
  }
  if (args.parts.includes('storage')) {
    console.log('store growth…');
    results.storage = await runStorageGrowth(1000);
    if (results.storage.error) console.log(`  error: ${results.storage.error}`);
  }
  if (args.parts.includes('cold')) {
    console.log('cold join and export of 5,000 notes…');
    results.coldJoin = await runColdJoin(args.isQuick ? 2000 : 5000, args.isQuick ? 3 : 5);
    if (results.coldJoin.error) console.log(`  error: ${results.coldJoin.error}`);
  }
  fs.writeFileSync(path.join(args.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(args.out, 'summary.md'), renderMarkdown(results) + '\n');
  console.log(`results in ${path.relative(ROOT, args.out)}/results.json and summary.md`);
  // Providers keep reconnect timers alive; everything is measured and written, so end here.
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
