// `npx tsx bench/canvas.ts`: cold join, pan/zoom/drag frame times and JS heap of the board canvas in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { runCanvasBench, type CanvasBenchOptions } from './canvasBench.ts';
import { renderCanvasMarkdown, type CanvasResults } from './canvasReport.ts';
import { ROOT } from './targets.ts';

function parseArgs(argv: string[]): CanvasBenchOptions {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const clientDir = value('client-dir');
  return {
    sizes: (value('notes') ?? '1000,5000,20000')
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
    isExported: !argv.includes('--no-export'),
    out: path.resolve(ROOT, value('out') ?? 'bench/results'),
    label: value('label') ?? 'canvas',
    command: `npx tsx bench/canvas.ts${argv.length > 0 ? ` ${argv.join(' ')}` : ''}`,
  };
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
  const results = await runCanvasBench(args);
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
