// Renders the round-2 results (stepped fan-out, fill, idle memory, bundle sizes) as Markdown tables with ratios against the reference.
import type { ViewSize } from './bundleSize.ts';
import { renderViewSizes } from './bundleSize.ts';
import type { FillResult } from './fillRate.ts';
import type { IdleResult, StepResult } from './loadScenarios.ts';

export interface Round2Results {
  steps: StepResult[];
  fill: FillResult[];
  idle: IdleResult[];
  bundle: ViewSize[] | undefined;
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a';

function stepTables(steps: StepResult[]): string[] {
  const lines: string[] = [];
  for (const scenario of [...new Set(steps.map((s) => s.scenario))]) {
    const rows = steps.filter((s) => s.scenario === scenario);
    lines.push(`### ${scenario}`, '');
    lines.push(
      '| target | notes/s | notes | p50 ms | p99 ms | p99 vs reference | missing | server cores | server us/note | us/note vs reference | RSS MB | generator | generator cores (each) | generator us/delivery | generator loop p99 ms (each) | load avg | other work, cores |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const ref = steps.find(
        (s) => s.scenario === scenario && s.target === 'reference' && s.rate === r.rate && s.round === r.round,
      );
      lines.push(
        `| ${r.target}${r.round === undefined ? '' : ` (round ${r.round + 1})`} | ${r.rate} | ${r.notes} | ${r.lastHolder.p50} | ${r.lastHolder.p99} | ${ratio(r.lastHolder.p99, ref?.lastHolder.p99)} | ${r.notesMissing} | ${r.serverCpuShare} | ${r.serverCpuUsPerNote} | ${ratio(r.serverCpuUsPerNote, ref?.serverCpuUsPerNote)} | ${r.serverRssMb} | ${r.generator} | ${r.generatorCpu.join(' / ')} | ${r.generatorCpuUsPerDelivery} | ${r.generatorLoopDelayP99Ms.join(' / ')} | ${r.loadAverage} | ${r.otherCpuShare} |`,
      );
    }
    const knees = [...new Set(rows.map((r) => r.target))].map((target) => {
      const mine = rows.filter((r) => r.target === target);
      const past = mine.find((r) => r.isPast);
      return `${target} ${past ? `${past.rate} notes/s` : `above ${Math.max(...mine.map((r) => r.rate))} notes/s`}`;
    });
    lines.push('', `Knee (first rate with p99 > 100 ms or a note missing): ${knees.join('; ')}.`, '');
  }
  return lines;
}

function fillTable(fill: FillResult[]): string[] {
  const lines = [
    '| target | board size | batch | notes/s | vs reference | vs own 1st size | server us/note | server cores | missing | generator cores | generator loop p99 ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of fill) {
    const ref = fill.find((f) => f.target === 'reference' && f.size === r.size);
    const first = fill.find((f) => f.target === r.target);
    lines.push(
      `| ${r.target} | ${r.size} | ${r.batch} | ${r.notesPerSecond} | ${ratio(r.notesPerSecond, ref?.notesPerSecond)} | ${ratio(r.notesPerSecond, first?.notesPerSecond)} | ${r.serverCpuUsPerNote} | ${r.serverCpuShare} | ${r.notesMissing} | ${r.generatorCpu.join(' / ')} | ${r.generatorLoopDelayP99Ms.join(' / ')} |${r.error ? ` error: ${r.error}` : ''}`,
    );
  }
  return lines;
}

function idleTable(idle: IdleResult[]): string[] {
  const ref = idle.find((r) => r.target === 'reference');
  const lines = [
    '| target | generator | sockets / boards | base RSS MB | vs reference | base heap MB | RSS / socket KiB | vs reference | heap / socket KiB | vs reference | marginal RSS / socket KiB | vs reference | marginal heap / socket KiB | vs reference | settled RSS / socket KiB | vs reference | settled heap / socket KiB | vs reference | young generation MB (settled) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of idle) {
    lines.push(
      `| ${r.target} | ${r.generator} | ${r.sockets} / ${r.boards} | ${r.baseRssMb} | ${ratio(r.baseRssMb, ref?.baseRssMb)} | ${r.baseHeapMb} | ${r.rssPerSocketKib} | ${ratio(r.rssPerSocketKib, ref?.rssPerSocketKib)} | ${r.heapPerSocketKib} | ${ratio(r.heapPerSocketKib, ref?.heapPerSocketKib)} | ${r.marginalRssPerSocketKib} | ${ratio(r.marginalRssPerSocketKib, ref?.marginalRssPerSocketKib)} | ${r.marginalHeapPerSocketKib} | ${ratio(r.marginalHeapPerSocketKib, ref?.marginalHeapPerSocketKib)} | ${r.settledRssPerSocketKib} | ${ratio(r.settledRssPerSocketKib, ref?.settledRssPerSocketKib)} | ${r.settledHeapPerSocketKib} | ${ratio(r.settledHeapPerSocketKib, ref?.settledHeapPerSocketKib)} | ${r.youngMb} (${r.settledYoungMb}) |${r.error ? ` error: ${r.error}` : ''}`,
    );
  }
  return lines;
}

export function renderRound2(results: Round2Results): string[] {
  const lines: string[] = ['## Round 2', ''];
  lines.push(
    "Clients run in several load-generator processes (bench/loadWorker.ts); each one's CPU and event-loop delay is shown beside its figures. Latency: write to the last other client of the room holding the note, on one epoch clock shared by the processes.",
    '',
  );
  if (results.steps.length > 0) lines.push('### Fan-out at stepped rates', '', ...stepTables(results.steps));
  if (results.fill.length > 0)
    lines.push('### Filling one board (10 writers, offered 4,000 notes/s)', '', ...fillTable(results.fill), '');
  if (results.idle.length > 0)
    lines.push('### Idle sockets (memory after a full GC)', '', ...idleTable(results.idle), '');
  if (results.bundle)
    lines.push('### Client JavaScript per view (first load)', '', ...renderViewSizes(results.bundle), '');
  return lines;
}
