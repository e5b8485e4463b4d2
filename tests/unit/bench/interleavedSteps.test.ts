// The interleaved steps' bookkeeping: the order of each round, medians, and ratios taken within the same round.
import { describe, expect, it } from 'vitest';
import { interleavedSummary, roundOrder } from '../../../bench/interleavedSteps.ts';
import { median } from '../../../bench/stats.ts';
import type { StepResult } from '../../../bench/loadScenarios.ts';

function step(target: StepResult['target'], round: number, cpu: number, p99: number, rate = 30): StepResult {
  return {
    target,
    scenario: 'A',
    sockets: 100,
    rate,
    notes: 600,
    lastHolder: { count: 600, p50: p99 / 2, p90: p99, p99, max: p99, mean: p99 / 2 },
    notesMissing: 0,
    deliveries: 59_400,
    expectedDeliveries: 59_400,
    closes: 0,
    serverCpuShare: 0.05,
    serverCpuUsPerNote: cpu,
    serverRssMb: 80,
    generatorCpu: [0.1],
    generatorLoopDelayP99Ms: [9],
    generatorCpuUsPerDelivery: 100,
    generator: 'stock',
    loadAverage: 0.5,
    otherCpuShare: 0,
    isPast: false,
    round,
  };
}

describe('roundOrder', () => {
  it('keeps the given order in even rounds and reverses it in odd ones', () => {
    expect(roundOrder(['ours', 'reference'], 0)).toEqual(['ours', 'reference']);
    expect(roundOrder(['ours', 'reference'], 1)).toEqual(['reference', 'ours']);
    expect(roundOrder(['a', 'b', 'c'], 3)).toEqual(['c', 'b', 'a']);
  });

  it('does not reorder the caller’s array', () => {
    const kinds = ['ours', 'reference'];
    roundOrder(kinds, 1);
    expect(kinds).toEqual(['ours', 'reference']);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('interleavedSummary', () => {
  it('divides each round by the reference of the same round', () => {
    // Round 2's reference is slow: compared with round 1's instead, ours would look far cheaper than it is.
    const results = [
      step('ours', 0, 1100, 20),
      step('reference', 0, 1000, 10),
      step('reference', 1, 2000, 40),
      step('ours', 1, 1800, 20),
    ];
    const [ours, reference] = interleavedSummary(results);
    expect(ours).toContain('ours 30/s over 2 rounds: median 1450 us/note, p99 20 ms');
    expect(ours).toContain('CPU per round 1.10 / 0.90 (median 1.00x), p99 median 1.25x');
    expect(reference).toBe('  reference 30/s over 2 rounds: median 1500 us/note, p99 25 ms');
  });

  it('summarizes each rate on its own and leaves out rounds the reference lacks', () => {
    const results = [
      step('ours', 0, 500, 5, 320),
      step('reference', 0, 400, 5, 320),
      step('ours', 1, 600, 5, 320),
      step('ours', 0, 450, 9, 640),
      step('reference', 0, 500, 9, 640),
    ];
    const lines = interleavedSummary(results);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('ours 320/s over 2 rounds: median 550 us/note');
    expect(lines[0]).toContain('CPU per round 1.25 (median 1.25x)');
    expect(lines[2]).toContain('ours 640/s over 1 rounds');
    expect(lines[2]).toContain('CPU per round 0.90 (median 0.90x)');
  });
});
