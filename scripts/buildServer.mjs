// Compiles server/ + shared/ to dist/server/main.js with esbuild when missing or older than the sources, so `npm start` runs plain JavaScript.
import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from './newestMtime.mjs';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/server');
const outfile = path.join(outdir, 'main.js');
const chunksDir = path.join(outdir, 'chunks');
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Packages bundled rather than imported from node_modules: zod, so that the build keeps only the parts of zod/mini
 * the schemas use (see shared/src/model/zodNames.ts); zod in node_modules is all of zod, 50 locales and the JSON
 * Schema generator included, about 6 MB of a server's RSS. Every other package stays external.
 */
const BUNDLED_PACKAGES = new Set(['zod']);

function externalPackages() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return names.filter((name) => !BUNDLED_PACKAGES.has(name)).flatMap((name) => [name, `${name}/*`]);
}

/** Removes chunks an older build wrote, once no server started before the rebuild can still need them. */
function pruneChunks(written) {
  if (!fs.existsSync(chunksDir)) return;
  for (const name of fs.readdirSync(chunksDir)) {
    const file = path.join(chunksDir, name);
    if (!written.has(file) && Date.now() - fs.statSync(file).mtimeMs > DAY_MS) fs.rmSync(file, { force: true });
  }
}

/** Builds when needed; returns the compiled entry's path. */
export async function buildServer({ force = false } = {}) {
  const sources = Math.max(
    newestMtime(path.join(root, 'server/src')),
    newestMtime(path.join(root, 'shared/src')),
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
    fs.statSync(import.meta.filename).mtimeMs,
  );
  const builtAt = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
  if (force || builtAt < sources) {
    console.log('Building the server (first start or sources changed)…');
    // esbuild comes with tsx (a runtime dependency), so a fresh `npm ci` has it. Packages but zod stay external:
    // better-sqlite3 is native, and the Yjs copy must be the one in node_modules. Splitting keeps a dynamic
    // import() lazy: code only some servers need (PostgreSQL, Redis, DOCX) is a chunk loaded on first use,
    // where a single file would hoist its packages' imports and load them all at start.
    const result = await build({
      entryPoints: [path.join(root, 'server/src/main.ts')],
      outdir,
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: externalPackages(),
      sourcemap: true,
      metafile: true,
      absWorkingDir: root,
      logLevel: 'warning',
    });
    // Hashed chunk names: a server still running from the previous build keeps finding its own chunks.
    pruneChunks(new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file))));
  }
  return outfile;
}

if (process.argv[1] === import.meta.filename) await buildServer({ force: process.argv.includes('--force') });
