// `npm run bench`: round 2 (stepped fan-out, fill, idle memory, bundle) against every target, and the round-1 parts on request. Writes bench/results/.
import fs from 'node:fs';
import path from 'node:path';
import { runColdJoin } from './coldJoin.ts';
import type { FanoutScenario } from './fanout.ts';
import { runFanoutSuite } from './fanoutSuite.ts';
import { templateSeed } from './prepareRooms.ts';
import { renderMarkdown, type BenchResults } from './report.ts';
import { runStorageGrowth } from './storageGrowth.ts';
import { machineEnvironment } from './environment.ts';
import { ROOT, TARGET_KINDS, type TargetKind } from './targets.ts';
import { measureViews } from './bundleSize.ts';
import { runFill } from './fillRate.ts';
import { runIdle, runSteps, type StepScenario } from './loadScenarios.ts';
import { runInterleavedSteps } from './interleavedSteps.ts';
import type { GeneratorMode } from './loadProtocol.ts';
import { renderRound2, type Round2Results } from './round2Report.ts';
import { runBrowserPart, type BrowserPart } from './browserPart.ts';
import { argValue } from './cliArg.ts';

/** Round 2 by default; the round-1 parts (fanout, storage, cold) with --only=. */
const PARTS = ['steps', 'fill', 'idle', 'bundle', 'browser', 'fanout', 'storage', 'cold'] as const;
const DEFAULT_PARTS: Part[] = ['steps', 'fill', 'idle', 'bundle', 'browser'];
const ROUND2_TARGETS: TargetKind[] = ['ours', 'reference', 'hocuspocus', 'hocuspocus-sqlite', 'floor'];
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
  /** Load-generator processes. */
  processes: number;
  /** Receivers of the steps and idle parts: stock providers (default, comparable with earlier rounds) or lean sockets. */
  generator: GeneratorMode;
  rates: number[] | undefined;
  /** --interleave=N: the steps part keeps every target up and measures them in turns, N rounds (0: one after another). */
  interleave: number;
  sizes: number[] | undefined;
  /** Board sizes of the browser part (default 1,000 / 5,000 / 20,000; --quick 1,000 / 5,000). */
  browserSizes: number[] | undefined;
}

function parseGenerator(value: string | undefined): GeneratorMode {
  if (value === undefined) return 'stock';
  if (value === 'stock' || value === 'lean') return value;
  throw new Error(`unknown --generator=${value}; known: stock, lean`);
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => argValue(name, argv);
  const only = value('only')?.split(',');
  const unknown = only?.filter((part) => !(PARTS as readonly string[]).includes(part)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown --only part(s): ${unknown.join(', ')}; known: ${PARTS.join(', ')}`);
  return {
    isQuick: argv.includes('--quick'),
    isProfiled: argv.includes('--profile'),
    parts: (only as Part[] | undefined) ?? DEFAULT_PARTS,
    processes: Number(value('processes') ?? 3),
    generator: parseGenerator(value('generator')),
    rates: value('rates')?.split(',').map(Number),
    interleave: Number(value('interleave') ?? 0),
    sizes: value('sizes')?.split(',').map(Number),
    browserSizes: value('browser-sizes')?.split(',').map(Number),
    scenarios: value('scenario')?.split(','),
    maxOtherLoad: Number(value('max-other-load') ?? 0.3),
    repeat: Number(value('repeat') ?? (argv.includes('--quick') ? 1 : 3)),
    targets: (value('targets')?.split(',') as TargetKind[] | undefined) ?? ROUND2_TARGETS,
    out: path.resolve(ROOT, value('out') ?? 'bench/results'),
  };
}

function scenarios(isQuick: boolean): (FanoutScenario & { key: string })[] {
  const scale = isQuick ? 0.3 : 1;
  return [
    {
      key: 'A',
      name: '1 board, 100 clients, 10 writers',
      boards: 1,
      clientsPerBoard: 100,
      writersPerBoard: 10,
      writes: Math.round(300 * scale),
      warmupWrites: 30,
      writesPerSecond: 30,
    },
    {
      key: 'B',
      name: '100 boards x 20 clients (2,000 sockets), 2 writers each',
      boards: isQuick ? 20 : 100,
      clientsPerBoard: 20,
      writersPerBoard: 2,
      writes: Math.round(400 * scale),
      warmupWrites: 40,
      writesPerSecond: 40,
    },
  ];
}

/** Round 2: --quick is a short check of the harness (minutes); the full run is for a quiet machine. */
function stepScenarios(isQuick: boolean, rates: number[] | undefined): StepScenario[] {
  return [
    {
      key: 'A',
      name: '1 board, 100 clients, 10 writing, 30 notes/s',
      boards: 1,
      clientsPerBoard: 100,
      writersPerBoard: 10,
      rates: [30],
      secondsPerStep: isQuick ? 4 : 20,
    },
    {
      key: 'B',
      name: isQuick
        ? '20 boards x 20 clients (400 sockets; --quick), rates stepped up'
        : '100 boards x 20 clients (2,000 sockets), rates stepped up',
      boards: isQuick ? 20 : 100,
      clientsPerBoard: 20,
      writersPerBoard: 2,
      rates: rates ?? (isQuick ? [40, 320, 640] : [40, 80, 160, 320, 480, 640, 800, 960, 1280]),
      secondsPerStep: isQuick ? 3 : 10,
    },
  ];
}

/** Extra node flags for a target child, from BENCH_SERVER_FLAGS (e.g. "--trace-gc"); ours and reference alike. */
function serverFlags(): string[] {
  return (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
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
      ...machineEnvironment(),
      clients: `round 2: ${args.processes} load-generator processes, ${args.generator === 'lean' ? 'lean receivers (raw sockets scanning for note ids) beside stock-provider writers' : 'stock y-websocket providers'}; round 1: the bench process; loopback, source addresses 127.0.0.2-51`,
    },
    fanout: [],
    pooled: [],
    profiles: [],
    storage: undefined,
    coldJoin: undefined,
  };
  const seed = templateSeed(Date.UTC(2025, 0, 1));
  for (const kind of args.targets)
    if (!TARGET_KINDS.includes(kind)) throw new Error(`unknown target ${kind}; known: ${TARGET_KINDS.join(', ')}`);
  const round2: Round2Results = { steps: [], fill: [], idle: [], bundle: undefined };
  const flags = serverFlags();
  if (args.parts.includes('steps')) {
    for (const scenario of stepScenarios(args.isQuick, args.rates).filter(
      (s) => !args.scenarios || args.scenarios.includes(s.key),
    )) {
      console.log(`fan-out ${scenario.key}: ${scenario.name}…`);
      const setup = { scenario, seed, processes: args.processes, nodeFlags: flags, mode: args.generator };
      // One failed target (a setup error on a loaded machine) must not lose the others' figures.
      const failed = (kind: string) => (error: unknown) => {
        console.log(`  ${kind} failed: ${(error as Error).message}`);
        return [];
      };
      if (args.interleave > 0) {
        const kinds = args.targets.join(', ');
        round2.steps.push(...(await runInterleavedSteps(args.targets, args.interleave, setup).catch(failed(kinds))));
        continue;
      }
      for (const kind of args.targets) round2.steps.push(...(await runSteps({ ...setup, kind }).catch(failed(kind))));
    }
  }
  if (args.parts.includes('fill')) {
    const sizes = args.sizes ?? (args.isQuick ? [1000, 5000] : [1000, 5000, 20000]);
    console.log(`filling one board to ${sizes.join(' / ')} notes…`);
    for (const kind of args.targets)
      round2.fill.push(...(await runFill(kind, sizes, args.isQuick ? 300 : 1000, seed, args.processes, flags)));
  }
  if (args.parts.includes('idle')) {
    const [sockets, boards] = args.isQuick ? [200, 10] : [1000, 50];
    console.log(`${sockets} idle sockets over ${boards} boards…`);
    for (const kind of [...args.targets, ...(args.targets.includes('ours') ? (['ours-tsx'] as const) : [])])
      round2.idle.push(await runIdle(kind, boards, sockets, seed, args.processes, args.generator, flags));
  }
  if (args.parts.includes('bundle')) {
    console.log('client JavaScript per view (from client/dist)…');
    try {
      round2.bundle = measureViews();
    } catch (error) {
      console.log(`  ${(error as Error).message}`);
    }
  }
  let browser: BrowserPart | undefined;
  if (args.parts.includes('browser')) {
    const sizes = args.browserSizes ?? (args.isQuick ? [1000, 5000] : [1000, 5000, 20000]);
    console.log(`browser: cold join, pan, zoom, drag and Markdown export at ${sizes.join(' / ')} notes…`);
    browser = await runBrowserPart({
      sizes,
      isQuick: args.isQuick,
      isProfiled: args.isProfiled,
      out: args.out,
      nodeFlags: flags,
    });
  }
  if (args.parts.includes('fanout')) {
    const suite = await runFanoutSuite({
      scenarios: scenarios(args.isQuick).filter((s) => !args.scenarios || args.scenarios.includes(s.key)),
      targets: args.targets,
      repeat: args.repeat,
      seed,
      out: args.out,
      isProfiled: args.isProfiled,
      serverFlags: flags,
      maxOtherLoad: args.maxOtherLoad,
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
    results.coldJoin = await runColdJoin(args.isQuick ? 2000 : 5000, args.isQuick ? 3 : 5, flags);
    if (results.coldJoin.error) console.log(`  error: ${results.coldJoin.error}`);
  }
  fs.writeFileSync(
    path.join(args.out, 'results.json'),
    JSON.stringify({ ...results, round2, browser }, null, 2) + '\n',
  );
  const round1 = args.parts.some((p) => p === 'fanout' || p === 'storage' || p === 'cold')
    ? renderMarkdown(results) + '\n\n'
    : `# Benchmark results\n\nRun ${results.startedAt} with \`${results.command}\`.\n\n`;
  const summary = round1 + renderRound2(round2).join('\n') + '\n' + (browser ? `\n${browser.markdown}\n` : '');
  fs.writeFileSync(path.join(args.out, 'summary.md'), summary);
  console.log(renderRound2(round2).join('\n'));
  console.log(`results in ${path.relative(ROOT, args.out)}/results.json and summary.md`);
  // Providers keep reconnect timers alive; everything is measured and written, so end here.
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
