// `npx tsx bench/canvas.ts`: cold join, pan/zoom/drag frame times and JS heap of the board canvas in headless Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath, launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/startServer.ts';
import { renderCanvasMarkdown, type CanvasResults } from './canvasReport.ts';
import { measureSize, VIEWPORT } from './canvasRun.ts';
import { openBoard, writeNotes } from './fillBoard.ts';
import { ROOT, type Target } from './targets.ts';

interface Args {
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
  out: string;
  label: string;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const clientDir = value('client-dir');
  return {
    sizes: (value('notes') ?? '1000,2000,5000')
      .split(',')
      .map(Number)
      .sort((a, b) => a - b),
    rounds: Number(value('rounds') ?? 3),
    repeat: Number(value('repeat') ?? 2),
    gestureMs: Number(value('gesture-ms') ?? 2000),
    clientDir: clientDir ? path.resolve(ROOT, clientDir) : undefined,
    isProfiled: argv.includes('--profile'),
    isTraced: argv.includes('--trace'),
    isShot: argv.includes('--screenshots'),
    out: path.resolve(ROOT, value('out') ?? 'bench/results'),
    label: value('label') ?? 'canvas',
  };
}

/**
 * Builds the client as it is now into a temp dir, so the bench never races another build of client/dist.
 * Profiled runs are built without minification, so the profile names our functions.
 */
function buildClient(isMinified: boolean): string {
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

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** `--render=<results.json>`: rewrites the Markdown next to it from saved results, measuring nothing. */
function renderOnly(file: string): void {
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as CanvasResults;
  const markdown = renderCanvasMarkdown(results);
  fs.writeFileSync(file.replace(/\.json$/, '.md'), markdown + '\n');
  console.log(markdown);
}

async function main(): Promise<void> {
  const rendered = process.argv.find((a) => a.startsWith('--render='));
  if (rendered) return renderOnly(path.resolve(ROOT, rendered.slice('--render='.length)));
  const args = parseArgs(process.argv.slice(2));
  // Each fill provider adds an exit listener to the process.
  process.setMaxListeners(0);
  fs.mkdirSync(args.out, { recursive: true });
  const clientDir = args.clientDir ?? buildClient(!args.isProfiled);
  const profileDir = args.isProfiled ? path.join(args.out, `${args.label}-profiles`) : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const screenshotDir = args.isShot ? path.join(args.out, `${args.label}-screenshots`) : undefined;
  if (screenshotDir) fs.mkdirSync(screenshotDir, { recursive: true });
  console.log(`client from ${clientDir}`);

  const server = await startServer({ env: { LOG_QUIET: '1', CLIENT_DIR: clientDir } });
  const browser = await launchBrowser();
  const results: CanvasResults = {
    startedAt: new Date().toISOString(),
    command: `npx tsx bench/canvas.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    environment: {
      node: process.version,
      cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`,
      memoryGb: Math.round(os.totalmem() / 1e9),
      platform: `${os.platform()} ${os.release()}`,
      commit: gitCommit(),
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
    // fillBoard.ts wants a bench target; our test server is the same server, started the tests' way.
    const target: Target = {
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
    const board = await openBoard(target, 20);
    const link = `${server.baseUrl}/b/${board.plan.room}#f=${board.plan.facilitatorToken ?? ''}`;
    let filled = 0;
    for (const notes of args.sizes) {
      console.log(`${notes} notes: filling…`);
      await writeNotes(board, notes - filled, 40);
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
  fs.writeFileSync(path.join(args.out, `${args.label}.json`), JSON.stringify(results, null, 2) + '\n');
  const markdown = renderCanvasMarkdown(results);
  fs.writeFileSync(path.join(args.out, `${args.label}.md`), markdown + '\n');
  console.log(`\n${markdown}\n\nresults in ${path.relative(ROOT, args.out)}/${args.label}.json and ${args.label}.md`);
  // Fill providers keep reconnect timers alive; everything is written, so end here.
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
