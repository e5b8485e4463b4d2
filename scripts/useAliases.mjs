#!/usr/bin/env node
// Codemod: rewrites relative imports of shared/src (`../../shared/src/x.ts`) into the `@shared/x.ts` alias.
// Usage: node scripts/useAliases.mjs [--check] [dir ...]   (default dirs: client server tests bench scripts)
// --check changes nothing and exits 1 when a file still has a relative shared import.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedSrc = path.join(root, 'shared', 'src');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dirs = args.filter((arg) => arg !== '--check');
const SKIP = new Set(['node_modules', 'dist', 'artifacts', 'results', '.git']);
// Static imports and re-exports (`from '...'`), side-effect imports, dynamic import(), vi.importActual and the like.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* sourceFiles(file);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield file;
  }
}

/** The alias for a relative specifier that lands in shared/src, or undefined for any other import. */
function aliasFor(file, specifier) {
  const target = path.resolve(path.dirname(file), specifier);
  if (target !== sharedSrc && !target.startsWith(sharedSrc + path.sep)) return undefined;
  // Files inside shared/ keep their relative imports: the layer stays importable without any resolver setup.
  if (file.startsWith(path.join(root, 'shared') + path.sep)) return undefined;
  return `@shared/${path.relative(sharedSrc, target).split(path.sep).join('/')}`;
}

let files = 0;
let imports = 0;
for (const dir of dirs.length ? dirs : ['client', 'server', 'tests', 'bench', 'scripts']) {
  const absolute = path.resolve(root, dir);
  try {
    statSync(absolute);
  } catch {
    continue;
  }
  for (const file of sourceFiles(absolute)) {
    const text = readFileSync(file, 'utf8');
    let count = 0;
    const next = text.replace(SPECIFIER, (whole, lead, quote, specifier) => {
      const alias = aliasFor(file, specifier);
      if (!alias) return whole;
      count++;
      return `${lead}${quote}${alias}${quote}`;
    });
    if (count === 0) continue;
    files++;
    imports += count;
    if (!check) writeFileSync(file, next);
  }
}
console.log(`${check ? 'would rewrite' : 'rewrote'} ${imports} imports in ${files} files`);
if (check && imports > 0) process.exitCode = 1;
