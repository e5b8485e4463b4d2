// `npx tsx bench/exportCost.ts`: CPU time of readBoard (whole, and through the cached reader the export route keeps)
// and of every export format on boards of 1,000 to 20,000 notes, in process.
// CPU time (process.cpuUsage) survives a loaded machine better than wall time; run under
// `node --cpu-prof --import tsx bench/exportCost.ts` for a profile.
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
import { addNote } from '@shared/doc/ops.ts';
import { createBoardReader } from '@shared/doc/boardReader.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { EXPORT_FORMATS, exportBoard, type ExportFormat } from '@shared/export/exportBoard.ts';
import { templateSeed } from './prepareRooms.ts';
import { summarize, type Summary } from './stats.ts';
import { argValue } from './cliArg.ts';

const AREAS = ['ex1-a1', 'ex1-a2', 'ex1-a3', 'ex1-a4', 'ex1-a5'];

export interface ExportCost {
  notes: number;
  /** CPU ms per readBoard of the doc. */
  readBoardMs: Summary;
  /** CPU ms per read through a warm board reader with nothing changed (the route's second and later exports). */
  cachedReadMs: Summary;
  /** CPU ms per exportBoard, by format (scope document and rendering). */
  exportMs: Partial<Record<ExportFormat, Summary>>;
  /** Bytes of each format's body. */
  bytes: Partial<Record<ExportFormat, number>>;
}

/** A board doc from the default template with `notes` notes from 20 authors spread over the five stations. */
export function boardWithNotes(notes: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, templateSeed(Date.UTC(2025, 0, 1)));
  for (let n = 0; n < notes; n++) {
    const w = n % 20;
    const posted = addNote(doc, {
      id: nanoid(),
      areaId: AREAS[(w + n) % AREAS.length]!,
      text: `Filler note ${w}-${n}: what does the zone depend on?`,
      author: { id: `p${w}`, name: `Writer ${w}`, role: 'participant' },
      createdAt: Date.UTC(2025, 0, 1) + n * 100,
    });
    if (!posted.ok) throw new Error(posted.reason);
  }
  return doc;
}

/** CPU milliseconds (user + system) of `fn`. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export async function measureExportCost(
  notes: number,
  rounds: number,
  formats: readonly ExportFormat[] = EXPORT_FORMATS,
): Promise<ExportCost> {
  const doc = boardWithNotes(notes);
  const reads: number[] = [];
  for (let i = 0; i < rounds; i++) reads.push(await cpuMs(() => readBoard(doc)));
  const reader = createBoardReader(doc);
  reader.read();
  const cachedReads: number[] = [];
  for (let i = 0; i < rounds; i++) cachedReads.push(await cpuMs(() => reader.read()));
  reader.destroy();
  const board = readBoard(doc);
  if (board.notes.length !== notes) throw new Error(`read ${board.notes.length} notes, expected ${notes}`);
  const result: ExportCost = {
    notes,
    readBoardMs: summarize(reads),
    cachedReadMs: summarize(cachedReads),
    exportMs: {},
    bytes: {},
  };
  for (const format of formats) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      times.push(
        await cpuMs(async () => {
          const file = await exportBoard(board, format, { exportedAt: Date.UTC(2025, 0, 2) });
          result.bytes[format] = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.length;
        }),
      );
    }
    result.exportMs[format] = summarize(times);
  }
  doc.destroy();
  return result;
}

async function main(): Promise<void> {
  const value = (name: string) => argValue(name);
  const sizes = (value('notes') ?? '1000,5000,20000').split(',').map(Number);
  const rounds = Number(value('rounds') ?? 5);
  const formats = (value('formats')?.split(',') as ExportFormat[] | undefined) ?? EXPORT_FORMATS;
  console.log(
    '| notes | readBoard CPU ms p50 / max | cached reader CPU ms p50 / max | ' +
      formats.map((f) => `${f} CPU ms p50 / max`).join(' | ') +
      ' |',
  );
  console.log('|---|---|---|' + formats.map(() => '---|').join(''));
  for (const notes of sizes) {
    const cost = await measureExportCost(notes, rounds, formats);
    const cell = (s: Summary | undefined) => (s ? `${s.p50.toFixed(1)} / ${s.max.toFixed(1)}` : 'n/a');
    console.log(
      `| ${notes} | ${cell(cost.readBoardMs)} | ${cell(cost.cachedReadMs)} | ${formats.map((f) => `${cell(cost.exportMs[f])} (${cost.bytes[f]} B)`).join(' | ')} |`,
    );
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
