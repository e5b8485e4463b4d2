// Fails when more than one copy of yjs is installed (two copies break sync silently).
import { execSync } from 'node:child_process';

const tree = JSON.parse(execSync('npm ls yjs --all --json', { encoding: 'utf8' }));
const versions = new Set();
(function walk(node) {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    if (name === 'yjs' && child.version) versions.add(child.version);
    walk(child);
  }
})(tree);
if (versions.size !== 1) {
  console.error(`Expected exactly one yjs version, found: ${[...versions].join(', ') || 'none'}`);
  process.exit(1);
}
console.log(`yjs ${[...versions][0]}: one copy`);
