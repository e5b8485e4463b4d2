// Runs the fan-out scenarios against every target, interleaved and repeated, and pools the latencies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFanout, type FanoutResult, type FanoutScenario } from './fanout.ts';
import { summarizeProfile, type ProfileSummary } from './profileSummary.ts';
import { summarize, type Summary } from './stats.ts';
import { isOurs, startTarget, type TargetKind } from './targets.ts';

export interface PooledResult {
  scenario: string;
  target: TargetKind;
  sockets: number;
  /** Last-holder latency over all notes of all repetitions. */
  lastHolder: Summary;
  /** p99 of each repetition, to show the spread between runs. */
  runP99s: number[];
  notesMissing: number;
  unexpectedCloses: number;
  serverCpuShare: number;
  /** Mean cores used by other work on the machine during the runs (see FanoutResult). */
  otherCpuShare: number;
  serverRssMb: number;
  bytesOutPerNote: number;
  bytesInPerDelivery: number;
  errors: string[];
  /** Runs thrown away and repeated because other work loaded the machine (see SuiteOptions.maxOtherLoad). */
  discarded: number;
}

export interface SuiteOptions {
  scenarios: (FanoutScenario & { key: string })[];
  targets: TargetKind[];
  repeat: number;
  seed: Uint8Array;
  out: string;
  isProfiled: boolean;
  /** Extra node flags for server children (not the floor), e.g. ['--trace-gc']; their output is saved. */
  serverFlags: string[];
  /** A run during which other processes used more cores than this is discarded and repeated (up to 3 times). */
  maxOtherLoad: number;
}

export interface SuiteResult {
  runs: (FanoutResult & { rep: number; isDiscarded?: boolean })[];
  pooled: PooledResult[];
  profiles: { scenario: string; target: string; summary: ProfileSummary }[];
}

const mean = (values: number[]) =>
  Math.round((values.reduce((s, v) => s + v, 0) / Math.max(1, values.length)) * 100) / 100;

function pool(scenario: string, target: TargetKind, all: SuiteResult['runs']): PooledResult {
  const runs = all.filter((r) => !r.isDiscarded);
  return {
    discarded: all.length - runs.length,
    scenario,
    target,
    sockets: runs[0]?.sockets ?? 0,
    lastHolder: summarize(runs.flatMap((r) => r.timeline.map(([, latency]) => latency))),
    runP99s: runs.map((r) => r.lastHolder.p99),
    notesMissing: runs.reduce((s, r) => s + r.notesMissing, 0),
    unexpectedCloses: runs.reduce((s, r) => s + r.unexpectedCloses, 0),
    serverCpuShare: mean(runs.map((r) => r.serverCpuShare)),
    otherCpuShare: mean(runs.map((r) => r.otherCpuShare)),
    serverRssMb: Math.max(...runs.map((r) => r.serverRssMb)),
    bytesOutPerNote: Math.round(mean(runs.map((r) => r.bytesOutPerNote))),
    bytesInPerDelivery: Math.round(mean(runs.map((r) => r.bytesInPerDelivery))),
    errors: runs.flatMap((r) => (r.error ? [r.error] : [])),
  };
}

async function runOnce(
  options: SuiteOptions,
  scenario: FanoutScenario & { key: string },
  kind: TargetKind,
  rep: number,
  result: SuiteResult,
): Promise<FanoutResult> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-prof-'));
  const isProfiled = options.isProfiled && isOurs(kind);
  const flags = kind === 'floor' ? [] : options.serverFlags;
  const target = await startTarget(kind, {
    nodeFlags: [...(isProfiled ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...flags],
  });
  console.log(`fan-out ${scenario.key} #${rep} against ${kind} (pid ${target.pid}, port ${target.port})…`);
  const run = await runFanout(target, scenario, options.seed);
  await target.stop();
  const h = run.lastHolder;
  console.log(
    `  p50 ${h.p50} p99 ${h.p99} max ${h.max} ms, missing ${run.notesMissing}, other load ${run.otherCpuShare} cores${run.error ? `, error: ${run.error}` : ''}`,
  );
  if (flags.length > 0) fs.writeFileSync(path.join(options.out, `${kind}-${scenario.key}-${rep}.log`), target.output());
  const profile = isProfiled ? fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  if (profile) {
    const saved = path.join(options.out, `ours-${scenario.key}-${rep}.cpuprofile`);
    fs.copyFileSync(path.join(profileDir, profile), saved);
    result.profiles.push({ scenario: scenario.name, target: kind, summary: summarizeProfile(saved) });
  }
  fs.rmSync(profileDir, { recursive: true, force: true });
  return run;
}

export async function runFanoutSuite(options: SuiteOptions): Promise<SuiteResult> {
  const result: SuiteResult = { runs: [], pooled: [], profiles: [] };
  for (const scenario of options.scenarios) {
    // Interleaved (ours, reference, floor, ours, …) so slow drifts of the machine hit every target alike.
    for (let rep = 1; rep <= options.repeat; rep++) {
      for (const kind of options.targets) {
        for (let attempt = 1; ; attempt++) {
          const run = await runOnce(options, scenario, kind, rep, result);
          const isQuiet = run.otherCpuShare <= options.maxOtherLoad;
          result.runs.push({ ...run, rep, isDiscarded: !isQuiet && attempt < 4 });
          if (isQuiet || attempt >= 4) break;
          console.log(`  discarded: other processes used ${run.otherCpuShare} cores; waiting, then repeating`);
          await new Promise((resolve) => setTimeout(resolve, 20_000));
        }
      }
    }
    for (const kind of options.targets) {
      result.pooled.push(
        pool(
          scenario.name,
          kind,
          result.runs.filter((r) => r.scenario === scenario.name && r.target === kind),
        ),
      );
    }
  }
  return result;
}
