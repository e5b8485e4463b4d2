// Builds the client when client/dist is missing or older than its sources, so `npm start` just works.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from './newestMtime.mjs';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'client/dist/index.html');

const sources = Math.max(
  newestMtime(path.join(root, 'client/src')),
  newestMtime(path.join(root, 'shared/src')),
  fs.existsSync(path.join(root, 'client/index.html')) ? fs.statSync(path.join(root, 'client/index.html')).mtimeMs : 0,
);
const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (builtAt < sources) {
  console.log('Building the client (first start or sources changed)…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
