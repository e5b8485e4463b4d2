// Sizes the JavaScript each view of the client downloads, from client/dist and the Vite manifest (`npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { BROTLI_OPTIONS, isCompressible } from '../server/src/http/compressedFiles.ts';
import { ROOT } from './targets.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  name?: string;
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ViewSize {
  view: string;
  /** The chunks fetched before the view can draw: the entry, the lazy modules on its path and their static imports. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** What our server sends a browser that accepts Brotli (server/src/http/compressedFiles.ts). */
  wireBytes: number;
  /** Whether any of those chunks holds Konva (the canvas library). */
  hasCanvasCode: boolean;
}

const DIST = path.join(ROOT, 'client/dist');

const BOARD = ['src/board/BoardPage.tsx', 'src/app/ConnectedBoard.tsx'];

/**
 * The lazy modules each view waits for, in load order (App → page → connected board → view). `join` is a newcomer's
 * first screen (the join form; the connected board is fetched while they type); `phone` is the posting view.
 */
export const VIEW_PATHS: Record<string, string[]> = {
  start: ['src/start/StartPage.tsx'],
  join: ['src/board/BoardPage.tsx'],
  phone: BOARD,
  list: [...BOARD, 'src/list/ListView.tsx'],
  board: [...BOARD, 'src/board/BoardView.tsx'],
  projector: [...BOARD, 'src/projector/ProjectorView.tsx'],
};

function readManifest(): Manifest {
  const file = path.join(DIST, '.vite/manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/**
 * The chunk key of a lazy module: its own chunk when it is split out; the named group chunk (client/vite.config.ts)
 * that one of its importers loads (the nearest on the path first: the entry too starts the connected board) when a
 * group holds it; else the entry that bundles it.
 */
function chunkKey(manifest: Manifest, source: string, importers: string[], entry: string): string {
  if (manifest[source]) return source;
  const name = path.basename(source).replace(/\.tsx?$/, '');
  for (const importer of [...importers].reverse()) {
    const group = manifest[importer]?.dynamicImports?.find((key) => manifest[key]?.name === name);
    if (group) return group;
  }
  return entry;
}

/** The chunk keys of a view's lazy path, each looked up from the chunks before it. */
function pathKeys(manifest: Manifest, sources: string[], entry: string): string[] {
  const keys = [entry];
  for (const source of sources) keys.push(chunkKey(manifest, source, keys, entry));
  return keys;
}

function withStaticImports(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

export function measureViews(): ViewSize[] {
  const manifest = readManifest();
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the Vite manifest names no entry chunk');
  return Object.entries(VIEW_PATHS).map(([view, sources]) => {
    const keys = withStaticImports(manifest, pathKeys(manifest, sources, entry));
    const files = [...keys].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
    const bodies = files.map((file) => fs.readFileSync(path.join(DIST, file)));
    return {
      view,
      files,
      rawBytes: bodies.reduce((sum, body) => sum + body.byteLength, 0),
      // Level 9, as static servers and CDNs typically precompress; per file, as each is its own response.
      gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).byteLength, 0),
      wireBytes: bodies.reduce(
        (sum, body) =>
          sum + (isCompressible('.js', body.byteLength) ? brotliCompressSync(body, BROTLI_OPTIONS) : body).byteLength,
        0,
      ),
      hasCanvasCode: bodies.some((body) => body.includes('Konva')),
    };
  });
}

export function renderViewSizes(sizes: ViewSize[]): string[] {
  const kb = (n: number) => (n / 1024).toFixed(1);
  return [
    '| view | JS files | raw KiB | gzip KiB | sent by our server (Brotli) KiB | canvas code |',
    '|---|---|---|---|---|---|',
    ...sizes.map(
      (s) =>
        `| ${s.view} | ${s.files.length} | ${kb(s.rawBytes)} | ${kb(s.gzipBytes)} | ${kb(s.wireBytes)} | ${s.hasCanvasCode ? 'yes' : 'no'} |`,
    ),
  ];
}

if (process.argv[1] === import.meta.filename) {
  const sizes = measureViews();
  console.log(renderViewSizes(sizes).join('\n'));
  const outDir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'bundle-size.json'), JSON.stringify(sizes, null, 2) + '\n');
}
