// A reference of the benchmark: Hocuspocus 3.4.4 in memory, or with BENCH_HOCUSPOCUS_SQLITE=<file> a bench-only SQLite store (not their extension).
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { Server, type Extension } from '@hocuspocus/server';

/**
 * @hocuspocus/extension-database (and its sqlite3 native package) is not installed, so this stands in for
 * @hocuspocus/extension-sqlite with better-sqlite3: the same shape of work (load the whole state on first
 * open, store the whole state on onStoreDocument) under Hocuspocus's own debounce (2 s, at most 10 s), so
 * writes land in bursts and are not committed before they are broadcast.
 */
function sqliteStore(file: string): Extension {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?');
  const upsert = db.prepare(
    'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
  );
  return {
    async onLoadDocument({ documentName, document }) {
      const row = select.get(documentName);
      if (row) Y.applyUpdate(document, row.data);
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      upsert.run(documentName, Buffer.from(Y.encodeStateAsUpdate(document)));
    },
  };
}

async function startHocuspocus(port: number, host: string): Promise<void> {
  const file = process.env.BENCH_HOCUSPOCUS_SQLITE;
  const server = new Server({
    port,
    address: host,
    quiet: true,
    stopOnSignals: true,
    extensions: file ? [sqliteStore(file)] : [],
  });
  await server.listen();
  console.log(`hocuspocus${file ? ' with SQLite' : ''} listening on port ${server.address.port}`);
}

void startHocuspocus(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
