// `npx tsx bench/canvasAB.ts --a=<client dir> --b=<client dir> [--notes=5000] [--joins=6] [--no-settle]`: cold joins
// of two client builds, interleaved (A, B, A, B...) on one filled board, so a loaded machine weighs on both alike.
// Each join waits for the machine to go quiet first (procStats.untilQuiet); `--no-settle` starts each at once, as
// rounds 1-10 did.
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/startServer.ts';
import { CANVAS_SERVER_ENV, fillTo, targetOf } from './canvasBench.ts';
import { coldJoin } from './canvasRun.ts';
import { openBoard } from './fillBoard.ts';
import { untilQuiet } from './procStats.ts';
import { argValue } from './cliArg.ts';

const value = (name: string) => argValue(name);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main(): Promise<void> {
  const dirs = [value('a'), value('b')].map((d) => {
    if (!d) throw new Error('--a=<client dir> and --b=<client dir> are required');
    return path.resolve(d);
  });
  const notes = Number(value('notes') ?? 5000);
  const joins = Number(value('joins') ?? 6);
  const isSettled = !process.argv.includes('--no-settle');
  // One server per build, both on the same database content (each filled the same way).
  const servers = await Promise.all(
    dirs.map((dir) => startServer({ env: { LOG_QUIET: '1', CLIENT_DIR: dir, ...CANVAS_SERVER_ENV } })),
  );
  const browser = await launchBrowser();
  try {
    const links: string[] = [];
    for (const server of servers) {
      const board = await openBoard(targetOf(server), 5);
      await fillTo(board, notes, notes);
      board.close();
      links.push(`${server.baseUrl}/b/${board.plan.room}#f=${board.plan.facilitatorToken ?? ''}`);
    }
    const results = dirs.map(() => ({ drawn: [] as number[], cpu: [] as number[] }));
    for (let round = 0; round < joins; round++) {
      for (const [i, link] of links.entries()) {
        if (isSettled) await untilQuiet();
        const joined = await coldJoin(browser, link, notes, undefined);
        await joined.close();
        results[i]!.drawn.push(joined.join.drawnMs);
        results[i]!.cpu.push(joined.join.mainThreadCpuMs);
        console.log(
          `${'AB'[i]} join ${round + 1}: drawn ${joined.join.drawnMs} ms, CPU ${joined.join.mainThreadCpuMs} ms`,
        );
      }
    }
    for (const [i, r] of results.entries())
      console.log(
        `${'AB'[i]} ${path.basename(dirs[i]!)}: drawn median ${median(r.drawn)} ms [${r.drawn.join(', ')}]; main-thread CPU median ${median(r.cpu)} ms [${r.cpu.join(', ')}]`,
      );
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
