// `npm run export -- --board <id> --format md [--out file]`: exports straight from the store (DATA_DIR, or the
// PostgreSQL database at DATABASE_URL).
import fs from 'node:fs';
import { readConfig } from '../config.ts';
import { loadDocFrom } from '../storage/loadDocFrom.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { EXPORT_FORMATS, exportBoard, isExportFormat } from '@shared/export/exportBoard.ts';
import { parseFlags } from './args.ts';
import { openScriptStore } from './openStore.ts';

const USAGE = `Usage: npm run export -- --board <boardId> --format ${EXPORT_FORMATS.join('|')} [--out <file>]
Reads DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set, directly; works with the server stopped
or running.`;

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.board || flags.help) throw new Error(USAGE);
  const format = flags.format ?? 'md';
  if (!isExportFormat(format))
    throw new Error(`Unknown format "${format}". Known formats: ${EXPORT_FORMATS.join(', ')}.`);
  const config = readConfig(process.env, process.cwd());
  const { storage, where } = await openScriptStore(process.env, config);
  try {
    if (!(await storage.getBoard(flags.board))) throw new Error(`No board "${flags.board}" in ${where}.`);
    const board = readBoard(await loadDocFrom(storage, flags.board));
    const file = await exportBoard(board, format, { exportedAt: Date.now() });
    const out = flags.out === 'true' ? file.fileName : flags.out;
    if (out) {
      fs.writeFileSync(out, file.body);
      console.error(`Wrote ${out}`);
    } else {
      process.stdout.write(file.body);
    }
  } finally {
    storage.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
