// `npm run bench`'s browser part: the canvas bench (cold join, gestures, Markdown export) and the export's CPU in process.
import { runCanvasBench } from './canvasBench.ts';
import { renderCanvasMarkdown, type CanvasResults } from './canvasReport.ts';
import { measureExportCost, type ExportCost } from './exportCost.ts';

export interface BrowserPart {
  canvas: CanvasResults;
  /** readBoard and the Markdown export in process, CPU ms: what the server's export route spends per request. */
  exportCost: ExportCost[];
  markdown: string;
}

export async function runBrowserPart(options: {
  sizes: number[];
  isQuick: boolean;
  isProfiled: boolean;
  out: string;
  nodeFlags: string[];
}): Promise<BrowserPart> {
  const { sizes, isQuick } = options;
  const canvas = await runCanvasBench({
    sizes: [...sizes].sort((a, b) => a - b),
    rounds: 3,
    repeat: isQuick ? 1 : 2,
    gestureMs: isQuick ? 1000 : 2000,
    clientDir: undefined,
    isProfiled: options.isProfiled,
    isTraced: false,
    isShot: false,
    isExported: true,
    out: options.out,
    label: 'canvas',
    command: 'npm run bench (browser part)',
    nodeFlags: options.nodeFlags,
  });
  const exportCost: ExportCost[] = [];
  for (const notes of sizes) exportCost.push(await measureExportCost(notes, isQuick ? 3 : 5, ['md']));
  const cell = (s: { p50: number; max: number } | undefined) =>
    s ? `${s.p50.toFixed(1)} / ${s.max.toFixed(1)}` : 'n/a';
  const lines = [
    renderCanvasMarkdown(canvas)
      .replace(/^# /, '## Browser: ')
      .replace(/^## (?!Browser)/gm, '### '),
    '',
    '### Markdown export in process (CPU ms, p50 / max)',
    '',
    '| notes | readBoard | scope document + Markdown | bytes |',
    '|---|---|---|---|',
    ...exportCost.map(
      (c) => `| ${c.notes} | ${cell(c.readBoardMs)} | ${cell(c.exportMs.md)} | ${c.bytes.md ?? 'n/a'} |`,
    ),
  ];
  return { canvas, exportCost, markdown: lines.join('\n') };
}
