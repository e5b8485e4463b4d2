// `npm run backup [-- --out file]`: a consistent copy of the database, safe while the server runs.
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { openSqliteStorage } from '../storage/SqliteStorage.ts';
import { parseFlags } from './args.ts';

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const config = readConfig(process.env, process.cwd());
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(flags.out ?? path.join(config.dataDir, 'backups', `scopeboard-${stamp}.sqlite`));
  const storage = openSqliteStorage(config.dataDir, { synchronous: config.sqliteSynchronous });
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await storage.backup(out);
  } finally {
    storage.close();
  }
  console.log(`Backup written to ${out}`);
}

main().catch((error: Error) => {
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
});
