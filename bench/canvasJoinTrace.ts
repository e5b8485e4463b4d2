// `npx tsx bench/canvasJoinTrace.ts --notes=5000 --rounds=3 [--client-dir=dir]`: Chrome traces of cold joins,
// summarized as the renderer main thread's self time per trace event (script, style, layout, paint, parse...).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/startServer.ts';
import { CANVAS_SERVER_ENV, buildClient, fillTo, targetOf } from './canvasBench.ts';
import { coldJoin } from './canvasRun.ts';
import { openBoard } from './fillBoard.ts';
import { argValue } from './cliArg.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time (ms) per event name on the renderer's main thread, from the first to the last event traced. */
export function mainThreadSelfTimes(file: string): { totalMs: number; byName: [string, number][] } {
  const { traceEvents } = JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const spans = traceEvents
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let busy = 0;
  for (const span of spans) {
    const end = span.ts + span.dur!;
    while (stack.length > 0 && stack.at(-1)!.end <= span.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - span.dur!);
    else busy += span.dur!;
    self.set(span.name, (self.get(span.name) ?? 0) + span.dur!);
    stack.push({ end, name: span.name });
  }
  const byName = [...self.entries()]
    .map(([name, us]) => [name, Math.round(us / 100) / 10] as [string, number])
    .sort((a, b) => b[1] - a[1]);
  return { totalMs: Math.round(busy / 100) / 10, byName };
}

async function main(): Promise<void> {
  const value = (name: string) => argValue(name);
  const notes = Number(value('notes') ?? 5000);
  const rounds = Number(value('rounds') ?? 3);
  const out = path.resolve(value('out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-join-trace-')));
  fs.mkdirSync(out, { recursive: true });
  const given = value('client-dir');
  const clientDir = given ? path.resolve(given) : buildClient(false);
  const server = await startServer({ env: { LOG_QUIET: '1', CLIENT_DIR: clientDir, ...CANVAS_SERVER_ENV } });
  const browser = await launchBrowser();
  try {
    const board = await openBoard(targetOf(server), 5);
    await fillTo(board, notes, notes);
    board.close();
    const link = `${server.baseUrl}/b/${board.plan.room}#f=${board.plan.facilitatorToken ?? ''}`;
    for (let round = 1; round <= rounds; round++) {
      const traceFile = path.join(out, `join-${notes}-${round}.json`);
      const joined = await coldJoin(browser, link, notes, undefined, traceFile);
      await joined.close();
      const { totalMs, byName } = mainThreadSelfTimes(traceFile);
      console.log(
        `join ${round}: drawn ${joined.join.drawnMs} ms, main-thread CPU ${joined.join.mainThreadCpuMs} ms; traced busy ${totalMs} ms`,
      );
      for (const [name, ms] of byName.slice(0, 14)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
    }
    console.log(`traces in ${out}`);
  } finally {
    await browser.close();
    await server.stop();
    if (!given) fs.rmSync(clientDir, { recursive: true, force: true });
  }
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) void main();
