// `npm run backup [-- --out file]`: a consistent copy of the store, safe while the server runs. With DATABASE_URL,
// a pg_dump of the PostgreSQL database (custom format, restored with pg_restore); else a copy of the SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { pgDump } from '../storage/PostgresStorage.ts';
import { openSqliteStorage } from '../storage/SqliteStorage.ts';
import { parseFlags } from './args.ts';

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const config = readConfig(process.env, process.cwd());
  const databaseUrl = process.env.DATABASE_URL;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `scopeboard-${stamp}.${databaseUrl ? 'pgdump' : 'sqlite'}`;
  const out = path.resolve(flags.out ?? path.join(config.dataDir, 'backups', name));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (databaseUrl) {
    // pg_dump reads the database as it is: no store is opened, so no migration runs under a live server.
    await pgDump(databaseUrl, out);
    console.log(`Backup written to ${out} (restore into an empty database with pg_restore --dbname <url> ${out})`);
    return;
  }
  const storage = openSqliteStorage(config.dataDir, { synchronous: config.sqliteSynchronous });
  try {
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
