// Renders benchmark results as a Markdown summary, with the targets marked met or missed.
import type { ColdJoinResult } from './coldJoin.ts';
import type { FanoutResult } from './fanout.ts';
import type { PooledResult } from './fanoutSuite.ts';
import type { ProfileSummary } from './profileSummary.ts';
import type { StorageResult } from './storageGrowth.ts';

export interface BenchResults {
  startedAt: string;
  environment: Record<string, string | number>;
  command: string;
  /** Every run (each repetition of each target). */
  fanout: (FanoutResult & { rep?: number; isDiscarded?: boolean })[];
  /** Per scenario and target, over all repetitions. */
  pooled: PooledResult[];
  profiles: { scenario: string; target: string; summary: ProfileSummary }[];
  storage: StorageResult | undefined;
  coldJoin: ColdJoinResult | undefined;
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)}` : 'n/a');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}x` : 'n/a');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const verdict = (isMet: boolean | undefined) =>
  isMet === undefined ? 'not measured' : isMet ? '**met**' : '**missed**';

function fanoutTables(pooled: PooledResult[], runs: BenchResults['fanout']): string[] {
  const lines: string[] = [];
  for (const scenario of [...new Set(pooled.map((r) => r.scenario))]) {
    const rows = pooled.filter((r) => r.scenario === scenario);
    const reference = rows.find((r) => r.target === 'reference');
    const floor = rows.find((r) => r.target === 'floor');
    lines.push(`### ${scenario}`, '');
    lines.push(
      '| target | notes | p50 ms | p90 ms | p99 ms | max ms | p99 vs reference | p99 vs floor | p99 of each run | discarded runs | missing | closes | server CPU (cores) | other load (cores) | server RSS MB | bytes out / note | bytes in / delivery |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const h = r.lastHolder;
      lines.push(
        `| ${r.target} | ${h.count} | ${ms(h.p50)} | ${ms(h.p90)} | ${ms(h.p99)} | ${ms(h.max)} | ${ratio(h.p99, reference?.lastHolder.p99 ?? NaN)} | ${ratio(h.p99, floor?.lastHolder.p99 ?? NaN)} | ${r.runP99s.map(ms).join(', ')} | ${r.discarded} | ${r.notesMissing} | ${r.unexpectedCloses} | ${r.serverCpuShare} | ${r.otherCpuShare} | ${r.serverRssMb} | ${r.bytesOutPerNote} | ${r.bytesInPerDelivery} |`,
      );
      for (const error of r.errors) lines.push('', `- ${r.target} failed: ${error}`);
    }
    const loop = runs
      .filter((r) => r.scenario === scenario)
      .map(
        (r) =>
          `${r.target}#${r.rep ?? 1}${r.isDiscarded ? ' (discarded)' : ''} ${r.benchCpuShare}/${r.benchLoopDelayP99Ms}/${r.otherCpuShare}`,
      );
    lines.push(
      '',
      `Per run (bench CPU cores / bench event-loop delay p99 ms / other load cores): ${loop.join('; ')}.`,
      '',
    );
  }
  return lines;
}

export function renderMarkdown(results: BenchResults): string {
  const lines: string[] = ['# Benchmark results', ''];
  lines.push(`Run ${results.startedAt} with \`${results.command}\`.`, '');
  lines.push(...Object.entries(results.environment).map(([k, v]) => `- ${k}: ${v}`), '');
  lines.push(
    'Latency is from the write (a client calling `addNote`) to the moment the **last** other client of the room holds the note (its notes-map observer fired). All clients run in the bench process, over loopback.',
    '',
  );
  lines.push('## Fan-out (pooled over all repetitions)', '', ...fanoutTables(results.pooled, results.fanout));

  const hundred = results.pooled.filter((r) => r.sockets === 100);
  const oursA = hundred.find((r) => r.target === 'ours');
  const refA = hundred.find((r) => r.target === 'reference');
  const oursB = results.pooled.find((r) => r.target === 'ours' && r.sockets >= 2000);
  const targets: string[] = ['## Targets', '', '| target | measured | verdict |', '|---|---|---|'];
  if (oursA && refA && oursA.errors.length === 0 && refA.errors.length === 0) {
    const r = oursA.lastHolder.p99 / refA.lastHolder.p99;
    const m = median(oursA.runP99s) / median(refA.runP99s);
    targets.push(
      `| fan-out p99 at 100 clients <= 1.2x reference | pooled ${ms(oursA.lastHolder.p99)} ms vs ${ms(refA.lastHolder.p99)} ms = ${r.toFixed(2)}x; median of per-run p99s ${ms(median(oursA.runP99s))} vs ${ms(median(refA.runP99s))} ms = ${m.toFixed(2)}x | ${verdict(r <= 1.2)} (pooled) |`,
    );
  } else targets.push('| fan-out p99 at 100 clients <= 1.2x reference | n/a | not measured |');
  if (oursB && oursB.errors.length === 0) {
    targets.push(
      `| 2,000 sockets: p99 < 100 ms | ${ms(oursB.lastHolder.p99)} ms (${oursB.notesMissing} missing) | ${verdict(oursB.lastHolder.p99 < 100 && oursB.notesMissing === 0)} |`,
    );
  } else targets.push('| 2,000 sockets: p99 < 100 ms | n/a | not measured |');
  const cj = results.coldJoin;
  if (cj && !cj.error) {
    targets.push(
      `| cold join of ${cj.notes} notes < 1.5 s drawn | server sync p99 ${ms(cj.coldSyncMs.p99)} ms + readBoard p99 ${ms(cj.readBoardMs.p99)} ms; drawing not measured | ${cj.coldSyncMs.p99 + cj.readBoardMs.p99 < 1500 ? 'sync part met; drawing not measured' : '**missed** (before drawing)'} |`,
    );
    const md = cj.exportMs.md;
    targets.push(
      `| Markdown export of ${cj.notes} notes < 200 ms | exportBoard p99 ${ms(md?.p99 ?? NaN)} ms; over HTTP p99 ${ms(cj.httpExportMs.md?.p99 ?? NaN)} ms | ${verdict(md ? md.p99 < 200 : undefined)} |`,
    );
  } else {
    targets.push(
      '| cold join < 1.5 s drawn | n/a | not measured |',
      '| Markdown export < 200 ms | n/a | not measured |',
    );
  }
  lines.push(...targets, '');

  if (cj) {
    lines.push(`## Cold join and export (${cj.notes} notes, state ${kb(cj.stateBytes)})`, '');
    if (cj.error) lines.push(`Failed: ${cj.error}`, '');
    lines.push('| measure | p50 ms | p99 ms | max ms |', '|---|---|---|---|');
    const row = (name: string, s: { p50: number; p99: number; max: number } | undefined) =>
      s && lines.push(`| ${name} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`);
    row('join, room unloaded (load from SQLite + sync)', cj.coldSyncMs);
    row('join, room in memory', cj.warmSyncMs);
    row('client readBoard of the synced doc', cj.readBoardMs);
    for (const [format, s] of Object.entries(cj.exportMs)) row(`exportBoard ${format} (in process)`, s);
    for (const [format, s] of Object.entries(cj.httpExportMs)) row(`GET export ${format} (HTTP)`, s);
    lines.push('', `Filling the board through 20 participant connections took ${cj.fillMs} ms.`, '');
  }
  const st = results.storage;
  if (st) {
    lines.push(`## SQLite store (${st.notes} notes, COMPACT_EVERY=${st.compactEvery} for this run)`, '');
    if (st.error) lines.push(`Failed: ${st.error}`, '');
    lines.push(
      '| point | file + WAL on disk | live pages | log entries | log bytes | snapshot bytes |',
      '|---|---|---|---|---|---|',
    );
    for (const [name, s] of [
      ['board created', st.empty],
      [`after ${st.notes} notes`, st.afterNotes],
      ['after unload (compacted)', st.afterCompaction],
    ] as const) {
      lines.push(
        `| ${name} | ${kb(s.fileBytes)} | ${kb(s.liveBytes)} | ${s.logEntries} | ${kb(s.logBytes)} | ${kb(s.snapshotBytes)} |`,
      );
    }
    lines.push('', `Mean log entry: ${st.meanLogEntryBytes} bytes per note.`, '');
  }
  for (const p of results.profiles) {
    lines.push(
      `## CPU profile: ${p.target}, ${p.scenario} (${p.summary.totalMs} ms)`,
      '',
      '| self time | share | function |',
      '|---|---|---|',
    );
    for (const e of p.summary.topFunctions) lines.push(`| ${e.selfMs} ms | ${e.share}% | \`${e.name}\` |`);
    lines.push('', '| self time | share | file |', '|---|---|---|');
    for (const e of p.summary.topFiles) lines.push(`| ${e.selfMs} ms | ${e.share}% | \`${e.name}\` |`);
    lines.push('');
  }
  return lines.join('\n');
}
