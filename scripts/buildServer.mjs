// Compiles server/ + shared/ to dist/server/main.js with esbuild when missing or older than the sources, so `npm start` runs plain JavaScript.
import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from './newestMtime.mjs';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'dist/server/main.js');

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
    // esbuild comes with tsx (a runtime dependency), so a fresh `npm ci` has it. Packages stay external:
    // better-sqlite3 is native, and the Yjs copy must be the one in node_modules.
    await build({
      entryPoints: [path.join(root, 'server/src/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    });
  }
  return outfile;
}

if (process.argv[1] === import.meta.filename) await buildServer({ force: process.argv.includes('--force') });
