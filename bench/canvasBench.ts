// The canvas bench as a function: builds the client, starts our server, fills one board size by size, measures each in Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath, launchBrowser } from '../tests/helpers/browser.ts';
import { startServer, type RunningServer } from '../tests/helpers/startServer.ts';
import type { CanvasResults } from './canvasReport.ts';
import { measureSize, VIEWPORT } from './canvasRun.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { openBoard, writeNotes, type FilledBoard } from './fillBoard.ts';
import { machineEnvironment } from './environment.ts';
import { ROOT, type Target } from './targets.ts';

export interface CanvasBenchOptions {
  sizes: number[];
  rounds: number;
  repeat: number;
  gestureMs: number;
  /** Use this built client instead of building the current sources into a temp dir. */
  clientDir: string | undefined;
  isProfiled: boolean;
  isTraced: boolean;
  /** Save screenshots after the cold join and each gesture. */
  isShot: boolean;
  /** Time the Markdown export (server route and the browser's click) at each size. */
  isExported: boolean;
  out: string;
  label: string;
  command: string;
  /** Node flags for the server (BENCH_SERVER_FLAGS, from `npm run bench`). */
  nodeFlags?: string[];
}

/**
 * The server's limits raised for the bench only, as bench/fillRate.ts does: the 10,000-note cap (a 20,000-note
 * board) and the per-socket message rate (the fill's writers burst after a stall on a loaded machine). The
 * guard and commit-before-broadcast stay on.
 */
export const CANVAS_SERVER_ENV = {
  MAX_NOTES_PER_BOARD: '100000',
  MAX_MESSAGES_PER_SECOND: '100000',
  MESSAGE_BURST: '100000',
};

/**
 * Builds the client as it is now into a temp dir, so the bench never races another build of client/dist.
 * Profiled runs are built without minification, so the profile names our functions.
 */
export function buildClient(isMinified: boolean): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-canvas-client-'));
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'client/vite.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      ...(isMinified ? [] : ['--minify', 'false']),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return outDir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * writeNotes, tolerating a writer's socket dropped on a starved machine (1006): its provider reconnects and
 * syncs what it wrote, so wait until every writer holds all `total` notes instead of giving up.
 */
export async function fillTo(board: FilledBoard, count: number, total: number): Promise<void> {
  try {
    await writeNotes(board, count, 100, 300_000);
  } catch (error) {
    if (!/closed while filling/.test((error as Error).message)) throw error;
    console.log(`  ${(error as Error).message}; waiting for the reconnected writers to hold ${total} notes`);
    const deadline = performance.now() + 300_000;
    while (board.writers.some((w) => boardMaps(w.doc).notes.size < total)) {
      if (performance.now() > deadline) throw new Error(`board not filled to ${total} notes`, { cause: error });
      await sleep(200);
    }
  }
}

/** fillBoard.ts wants a bench target; our test server is the same server, started the tests' way. */
export function targetOf(server: RunningServer): Target {
  return {
    kind: 'ours-tsx',
    protocol: 'y-websocket',
    isOurs: true,
    pid: 0,
    port: server.port,
    baseUrl: server.baseUrl,
    providerUrl: `${server.wsUrl}/ws`,
    dataDir: server.dataDir,
    output: server.output,
    stop: server.stop,
  };
}

/** Runs every size on one board that grows from the smallest to the largest; the results, ready to render. */
export async function runCanvasBench(args: CanvasBenchOptions): Promise<CanvasResults> {
  // Each fill provider adds an exit listener to the process.
  process.setMaxListeners(0);
  fs.mkdirSync(args.out, { recursive: true });
  const clientDir = args.clientDir ?? buildClient(!args.isProfiled);
  const profileDir = args.isProfiled ? path.join(args.out, `${args.label}-profiles`) : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const screenshotDir = args.isShot ? path.join(args.out, `${args.label}-screenshots`) : undefined;
  if (screenshotDir) fs.mkdirSync(screenshotDir, { recursive: true });
  console.log(`client from ${clientDir}`);

  const server = await startServer({
    env: { LOG_QUIET: '1', CLIENT_DIR: clientDir, ...CANVAS_SERVER_ENV },
    nodeFlags: args.nodeFlags,
  });
  const browser = await launchBrowser();
  const results: CanvasResults = {
    startedAt: new Date().toISOString(),
    command: args.command,
    environment: {
      ...machineEnvironment(),
      chromium: `${browser.version()} (${chromiumPath()})`,
      rendering: 'headless, --disable-gpu: software rendering (no GPU), 60 Hz frame clock',
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
      loadAverage: os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' '),
    },
    gestureMs: args.gestureMs,
    sizes: [],
  };
  try {
    const target = targetOf(server);
    // Five writers: the bench process holds a copy of the board per writer, and at 20,000 notes twenty of them starve it.
    const board = await openBoard(target, 5);
    const link = `${server.baseUrl}/b/${board.plan.room}#f=${board.plan.facilitatorToken ?? ''}`;
    let filled = 0;
    for (const notes of args.sizes) {
      console.log(`${notes} notes: filling…`);
      await fillTo(board, notes - filled, notes);
      filled = notes;
      results.sizes.push(
        await measureSize({
          browser,
          link,
          notes,
          rounds: args.rounds,
          repeat: args.repeat,
          gestureMs: args.gestureMs,
          profileDir,
          screenshotDir,
          traceFile: args.isTraced ? path.join(args.out, `${args.label}-trace-${notes}.json`) : undefined,
          exportFrom: args.isExported
            ? { baseUrl: server.baseUrl, boardId: board.plan.room, token: board.plan.facilitatorToken ?? '' }
            : undefined,
        }),
      );
      const last = results.sizes.at(-1)!;
      if (last.error) console.log(`  error: ${last.error}`);
    }
    board.close();
  } finally {
    await browser.close();
    await server.stop();
    if (!args.clientDir) fs.rmSync(clientDir, { recursive: true, force: true });
  }
  return results;
}
