// Steps of several targets taken in turns: every target's server and generator stay up, and each round measures
// one step of each, the order reversed every round. Run one after another, two servers can differ by 10-20% on this
// shared machine for reasons neither has (the machine's drift, which one ran second); in turns, seconds apart, both
// see the same machine, and the per-round ratios show how much of a difference is the servers'.
import { setTimeout as sleep } from 'node:timers/promises';
import { openStepRig, type StepResult, type StepRig, type StepSetup } from './loadScenarios.ts';
import { median } from './stats.ts';
import type { TargetKind } from './targets.ts';

/** Target order of each round: as given in even rounds, reversed in odd ones. */
export function roundOrder<T>(kinds: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...kinds] : [...kinds].reverse();
}

/** `rounds` rounds of every target in `kinds`, each set up as `setup` says. */
export async function runInterleavedSteps(
  kinds: TargetKind[],
  rounds: number,
  setup: Omit<StepSetup, 'kind'>,
): Promise<StepResult[]> {
  const { scenario } = setup;
  const rigs = new Map<TargetKind, StepRig>();
  const results: StepResult[] = [];
  try {
    for (const kind of kinds) rigs.set(kind, await openStepRig({ ...setup, kind }));
    for (const kind of kinds) await rigs.get(kind)!.warmUp();
    for (let round = 0; round < rounds; round++) {
      for (const [s, rate] of scenario.rates.entries()) {
        for (const kind of roundOrder(kinds, round)) {
          const result = await rigs.get(kind)!.step(`${scenario.key}R${round}S${s}`, rate);
          results.push({ ...result, round });
          await sleep(1000);
        }
      }
    }
  } finally {
    for (const rig of rigs.values()) await rig.stop();
  }
  for (const line of interleavedSummary(results)) console.log(line);
  return results;
}

/** Each round's `value` of `mine` over the reference's in the same round (rounds the reference lacks are left out). */
function perRound(mine: StepResult[], reference: StepResult[], value: (r: StepResult) => number): number[] {
  return mine.flatMap((r) => {
    const ref = reference.find((other) => other.round === r.round);
    return ref && value(ref) > 0 ? [value(r) / value(ref)] : [];
  });
}

/** Per rate and target: the median CPU per note and p99 over the rounds, and each round's ratio to the reference. */
export function interleavedSummary(results: StepResult[]): string[] {
  const lines: string[] = [];
  for (const rate of [...new Set(results.map((r) => r.rate))]) {
    const atRate = results.filter((r) => r.rate === rate);
    const reference = atRate.filter((r) => r.target === 'reference');
    for (const kind of [...new Set(atRate.map((r) => r.target))]) {
      const mine = atRate.filter((r) => r.target === kind);
      const cpu = Math.round(median(mine.map((r) => r.serverCpuUsPerNote)));
      const p99 = Math.round(median(mine.map((r) => r.lastHolder.p99)) * 100) / 100;
      let line = `  ${kind} ${rate}/s over ${mine.length} rounds: median ${cpu} us/note, p99 ${p99} ms`;
      if (kind !== 'reference' && reference.length > 0) {
        const cpuRatios = perRound(mine, reference, (r) => r.serverCpuUsPerNote);
        const p99Ratios = perRound(mine, reference, (r) => r.lastHolder.p99);
        line += `; vs reference, CPU per round ${cpuRatios.map((x) => x.toFixed(2)).join(' / ')} (median ${median(cpuRatios).toFixed(2)}x), p99 median ${median(p99Ratios).toFixed(2)}x`;
      }
      lines.push(line);
    }
  }
  return lines;
}
